/**
 * The WeChat shell of `qrcode`: makeCloudMain builds wxacode from `cloud.openapi.wxacode.getUnlimited`
 * and the file store from `cloud.uploadFile` / `cloud.getTempFileURL`, as wx-server-sdk shapes them
 * (camelCase parameters; `{ buffer, contentType, errCode, errMsg }`; `{ fileID }`;
 * `{ fileList: [{ fileID, tempFileURL, status }] }`). The adapters are also checked on their own.
 */
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { qrcode, qrcodeCacheKey, QRCODE_REASONS } from '../../../shared/cloud/handlers/qrcode';
import { makeCloudMain, type WxCloud } from '../../../shared/cloud/shell';
import { wxFiles } from '../../../shared/cloud/wx-files';
import { WxacodeRefusal, wxWxacode } from '../../../shared/cloud/wxacode';
import { capturingLogger } from './fakes';

const IMAGE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const ENV = 'cloud://env-1.7465-env-1-1300000000';
const KEY = qrcodeCacheKey('pages/policy/detail/index', 'm=m08&i=3', 'release', 280);

function fakeCloud() {
  const stored = new Set<string>();
  const cloud = {
    db: new FakeWxDatabase(),
    getWXContext: () => ({}), // no user: anyone may ask for a code
    database: () => cloud.db,
    openapi: {
      wxacode: {
        getUnlimited: jest.fn(async (_p: unknown) => ({ buffer: IMAGE, contentType: 'image/jpeg', errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' }) as Record<string, unknown>),
      },
    },
    uploadFile: jest.fn(async (p: { cloudPath: string; fileContent: Buffer }) => {
      stored.add(`${ENV}/${p.cloudPath}`);
      return { fileID: `${ENV}/${p.cloudPath}`, statusCode: 204, errMsg: 'uploadFile:ok' };
    }),
    getTempFileURL: jest.fn(async (p: { fileList: string[] }) => ({
      errMsg: 'cloud.getTempFileURL:ok',
      fileList: p.fileList.map((fileID) =>
        stored.has(fileID)
          ? { fileID, tempFileURL: `https://7465-env-1.tcb.qcloud.la/${fileID.slice(ENV.length + 1)}`, status: 0, maxAge: 7200, errMsg: 'ok' }
          : { fileID, tempFileURL: '', status: -503003, maxAge: 0, errMsg: 'file not exist' },
      ),
    })),
    stored,
  };
  return cloud;
}

const saved = process.env.QRCODE_ENV_VERSION;
beforeEach(() => {
  delete process.env.QRCODE_ENV_VERSION;
});
afterAll(() => {
  if (saved === undefined) delete process.env.QRCODE_ENV_VERSION;
  else process.env.QRCODE_ENV_VERSION = saved;
});

describe("makeCloudMain('qrcode', …) over wx-server-sdk", () => {
  it('makes the code with WeChat’s parameters, uploads it to its key, answers the temp URL; then answers from storage', async () => {
    const cloud = fakeCloud();
    const main = makeCloudMain('qrcode', qrcode, cloud as unknown as WxCloud, { log: capturingLogger(), now: () => new Date('2026-12-01T01:00:00Z') });
    const env = await main({ scene: 'm=m08&i=3', userInfo: { appId: 'wx1', openId: 'x' } });
    expect(env).toEqual({
      ok: true,
      data: {
        status: 'ready',
        scene: 'm=m08&i=3',
        page: 'pages/policy/detail/index',
        fileID: `${ENV}/${KEY}`,
        url: `https://7465-env-1.tcb.qcloud.la/${KEY}`,
        cached: false,
      },
    });
    expect(cloud.openapi.wxacode.getUnlimited.mock.calls).toEqual([[{ scene: 'm=m08&i=3', page: 'pages/policy/detail/index', width: 280, checkPath: true, envVersion: 'release' }]]);
    expect(cloud.uploadFile).toHaveBeenCalledTimes(1);
    const upload = cloud.uploadFile.mock.calls[0][0];
    expect(upload.cloudPath).toBe(KEY);
    expect(Buffer.isBuffer(upload.fileContent)).toBe(true);
    expect(upload.fileContent.equals(IMAGE)).toBe(true);
    expect(cloud.getTempFileURL.mock.calls[0][0]).toEqual({ fileList: [`${ENV}/${KEY}`] });

    const again = await main({ scene: 'm=m08&i=3' });
    expect(again.ok && again.data.status === 'ready' && again.data.cached).toBe(true);
    expect(cloud.openapi.wxacode.getUnlimited).toHaveBeenCalledTimes(1);

    // Deleted in the console: getTempFileURL answers a status ≠ 0, and the code is made again.
    cloud.stored.clear();
    const remade = await main({ scene: 'm=m08&i=3' });
    expect(remade.ok && remade.data.status === 'ready' && remade.data.cached).toBe(false);
    expect(cloud.openapi.wxacode.getUnlimited).toHaveBeenCalledTimes(2);
  });

  it('QRCODE_ENV_VERSION=trial from the function’s environment: checkPath off', async () => {
    process.env.QRCODE_ENV_VERSION = 'trial';
    const cloud = fakeCloud();
    await makeCloudMain('qrcode', qrcode, cloud as unknown as WxCloud, { log: capturingLogger() })({ scene: 'v=start' });
    expect(cloud.openapi.wxacode.getUnlimited.mock.calls[0][0]).toEqual({ scene: 'v=start', page: 'pages/index/index', width: 280, checkPath: false, envVersion: 'trial' });
  });

  it.each([
    ['answered', (c: ReturnType<typeof fakeCloud>) => c.openapi.wxacode.getUnlimited.mockResolvedValueOnce({ errCode: 45009, errMsg: 'openapi.wxacode.getUnlimited:fail reach max api daily quota limit' })],
    ['thrown', (c: ReturnType<typeof fakeCloud>) => c.openapi.wxacode.getUnlimited.mockRejectedValueOnce({ errCode: 45009, errMsg: 'openapi.wxacode.getUnlimited:fail reach max api daily quota limit' })],
  ])('a refusal %s by the SDK → unavailable, nothing uploaded', async (_case, refuse) => {
    const cloud = fakeCloud();
    refuse(cloud);
    const env = await makeCloudMain('qrcode', qrcode, cloud as unknown as WxCloud, { log: capturingLogger() })({ scene: 'm=m08' });
    expect(env).toEqual({ ok: true, data: { status: 'unavailable', scene: 'm=m08', page: 'pages/policy/detail/index', errCode: 45009, reason: QRCODE_REASONS.quota } });
    expect(cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('a cloud object without storage calls → INTERNAL (logged), WeChat not asked', async () => {
    const cloud = fakeCloud();
    const log = capturingLogger();
    const bare = { getWXContext: cloud.getWXContext, database: cloud.database, openapi: cloud.openapi };
    const env = await makeCloudMain('qrcode', qrcode, bare, { log })({ scene: 'm=m08' });
    expect(!env.ok && env.error.code).toBe('INTERNAL');
    expect(log.entries.map((e) => e.level)).toEqual(['error']);
    expect(cloud.openapi.wxacode.getUnlimited).not.toHaveBeenCalled();
  });
});

describe('wxWxacode', () => {
  const params = { scene: 'v=start', page: 'pages/index/index', width: 280, checkPath: true, envVersion: 'release' as const };
  it.each([
    ['answered', async () => ({ errCode: 41030, errMsg: 'invalid page' })],
    ['thrown', async () => Promise.reject({ errCode: 41030, errMsg: 'invalid page' })],
    ['thrown as an Error with an errCode', async () => Promise.reject(Object.assign(new Error('invalid page'), { errCode: 41030 }))],
  ])('a refusal %s is thrown as WxacodeRefusal { errCode, errMsg }', async (_case, getUnlimited) => {
    const err = await wxWxacode(() => ({ wxacode: { getUnlimited } })).getUnlimited(params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WxacodeRefusal);
    expect(err).toMatchObject({ errCode: 41030, errMsg: 'invalid page' });
  });

  it('a failure without an errCode is thrown as it came; an answer without an image is an error', async () => {
    const network = new Error('socket hang up');
    await expect(wxWxacode(() => ({ wxacode: { getUnlimited: () => Promise.reject(network) } })).getUnlimited(params)).rejects.toBe(network);
    await expect(wxWxacode(() => ({ wxacode: { getUnlimited: async () => ({ errCode: 0, buffer: Buffer.alloc(0) }) } })).getUnlimited(params)).rejects.toThrow('no image');
  });
});

describe('wxFiles', () => {
  const storage = (item: Record<string, unknown> | undefined) => ({
    uploadFile: jest.fn(async () => ({ fileID: 'cloud://e/qrcode/a.png' })),
    getTempFileURL: jest.fn(async () => ({ fileList: item ? [item] : [] })),
    downloadFile: jest.fn(async () => ({ fileContent: Buffer.from([1]) })),
    deleteFile: jest.fn(async () => ({ fileList: [] })),
  });

  it.each([
    ['status 0 and a URL', { fileID: 'cloud://e/qrcode/a.png', tempFileURL: 'https://x/a.png', status: 0 }, 'https://x/a.png'],
    ['a status ≠ 0 (file gone)', { fileID: 'cloud://e/qrcode/a.png', tempFileURL: 'https://x/a.png', status: -503003 }, null],
    ['an empty URL', { fileID: 'cloud://e/qrcode/a.png', tempFileURL: '', status: 0 }, null],
    ['no entry at all', undefined, null],
  ])('urlOf with %s → %j', async (_case, item, expected) => {
    expect(await wxFiles(() => storage(item)).urlOf('cloud://e/qrcode/a.png')).toBe(expected);
  });

  it('put hands the SDK a Buffer of the same bytes and answers its fileID', async () => {
    const s = storage(undefined);
    const bytes = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);
    expect(await wxFiles(() => s).put('qrcode/a.png', bytes, 'image/png')).toEqual({ fileID: 'cloud://e/qrcode/a.png' });
    const arg = (s.uploadFile.mock.calls[0] as unknown[])[0] as { cloudPath: string; fileContent: Buffer };
    expect(arg.cloudPath).toBe('qrcode/a.png');
    expect(Buffer.isBuffer(arg.fileContent)).toBe(true);
    expect([...arg.fileContent]).toEqual([8, 7]);
  });
});
