/**
 * qrcode on both back ends, over a fake wxacode and a fake file store: a code is made once per
 * page, scene, version and width and then answered from storage; a file that is gone is made
 * again; WeChat's refusals are answered `unavailable` with a Chinese reason and never kept; a
 * failure without an errCode is INTERNAL; only our scenes are accepted.
 */
import type { Envelope, QrcodeResponse } from '../../../shared/cloud/api';
import type { Collection, DocumentStore, FileStore, HandlerContext, StoredDoc, WxacodeApi, WxacodeParams } from '../../../shared/cloud/context';
import { ERROR_MESSAGES } from '../../../shared/cloud/errors';
import { runHandler } from '../../../shared/cloud/handler';
import { QRCODE_LOG, QRCODE_MESSAGES, QRCODE_REASONS, QRCODE_WIDTH, qrcode, qrcodeCacheKey, qrcodeReason } from '../../../shared/cloud/handlers/qrcode';
import { COLLECTIONS, qrcodesRepo } from '../../../shared/cloud/repos';
import { BACKENDS, type Backend } from './backends';
import { capturingLogger, CJK, fakeContext, type CapturingLogger } from './fakes';

const DETAIL = 'pages/policy/detail/index';
const HOME = 'pages/index/index';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('qrcodeCacheKey', () => {
  const key = qrcodeCacheKey(DETAIL, 'm=m08', 'release', 280);

  it('is qrcode/<40 hex>.png, the same every time (a change would orphan every stored code)', () => {
    expect(key).toMatch(/^qrcode\/[0-9a-f]{40}\.png$/);
    expect(qrcodeCacheKey(DETAIL, 'm=m08', 'release', 280)).toBe(key);
    // sha256 of ["pages/policy/detail/index","m=m08","release",280], as `sha256sum` gives it.
    expect(key).toBe('qrcode/c0c6f8d891aab98c613bf03b7516ba2745dbd5f4.png');
  });

  it.each([
    ['another page', qrcodeCacheKey(HOME, 'm=m08', 'release', 280)],
    ['another scene', qrcodeCacheKey(DETAIL, 'm=m08&i=1', 'release', 280)],
    ['another version', qrcodeCacheKey(DETAIL, 'm=m08', 'trial', 280)],
    ['another width', qrcodeCacheKey(DETAIL, 'm=m08', 'release', 430)],
    // Joined without a separator these two would be one text: the key keeps the fields apart.
    ['fields shifted between page and scene', qrcodeCacheKey(`${DETAIL}m`, '=m08', 'release', 280)],
  ])('differs for %s', (_case, other) => {
    expect(other).toMatch(/^qrcode\/[0-9a-f]{40}\.png$/);
    expect(other).not.toBe(key);
  });

  it('uses only [a-z0-9/.] whatever the scene holds', () => {
    for (const scene of ['m=m08&i=3', "!#$&'()*+,/:;=?@-._~", 'v=start']) expect(qrcodeCacheKey(DETAIL, scene, 'develop', 1280)).toMatch(/^[a-z0-9/.]+$/);
  });
});

describe('qrcodeReason', () => {
  it.each([
    [45009, '生成小程序码的次数已达微信的上限，请稍后再试'],
    [41030, '页面尚未发布，暂时不能生成小程序码'],
    [-1, '微信系统繁忙'],
    [40001, '小程序码暂时无法生成（错误码 40001）'],
  ])('%i → %s', (code, reason) => {
    expect(qrcodeReason(code)).toBe(reason);
  });
});

// ---------------------------------------------------------------------------------------------

interface FakeWxacode {
  calls: WxacodeParams[];
  /** Thrown by the calls while set. */
  refuse: unknown;
  /** Answered instead of an image while set (a WxacodeApi that returns its refusals). */
  answer: unknown;
  api: WxacodeApi;
}

/** WeChat's wxacode.getUnlimited: records each call. */
function fakeWxacode(): FakeWxacode {
  const fake: FakeWxacode = {
    calls: [],
    refuse: undefined,
    answer: undefined,
    api: {
      async getUnlimited(p) {
        fake.calls.push({ ...p });
        if (fake.refuse !== undefined) throw fake.refuse;
        if (fake.answer !== undefined) return fake.answer as { buffer: Uint8Array; contentType: string };
        return { buffer: PNG, contentType: 'image/png' };
      },
    },
  };
  return fake;
}

interface FakeFiles {
  files: Map<string, Uint8Array>;
  puts: { cloudPath: string; contentType: string }[];
  api: FileStore;
}

/** Cloud storage: files by cloud path; a temp URL per file while it exists. */
function fakeFiles(): FakeFiles {
  const fake: FakeFiles = {
    files: new Map(),
    puts: [],
    api: {
      async put(cloudPath, content, contentType) {
        fake.puts.push({ cloudPath, contentType });
        fake.files.set(cloudPath, content);
        return { fileID: `cloud://env-1.7465/${cloudPath}` };
      },
      async urlOf(fileID) {
        const cloudPath = fileID.replace('cloud://env-1.7465/', '');
        return fake.files.has(cloudPath) ? `https://7465.tcb.qcloud.la/${cloudPath}?sign=x` : null;
      },
      async get(fileID) {
        return fake.files.get(fileID.replace('cloud://env-1.7465/', '')) ?? null;
      },
      async remove(fileIDs) {
        for (const id of fileIDs) fake.files.delete(id.replace('cloud://env-1.7465/', ''));
      },
    },
  };
  return fake;
}

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  let wx: FakeWxacode;
  let files: FakeFiles;
  let log: CapturingLogger;
  let clock: number;
  beforeEach(() => {
    b = make();
    db = b.store;
    wx = fakeWxacode();
    files = fakeFiles();
    log = capturingLogger();
    clock = Date.parse('2026-12-01T01:00:00.000Z');
  });
  afterEach(() => b.close());

  const ctx = (over: Partial<HandlerContext> = {}) =>
    fakeContext({ openid: null, db, log, now: () => new Date(clock), wxacode: wx.api, files: files.api, env: {}, ...over });
  const call = (request: Record<string, unknown>, over: Partial<HandlerContext> = {}) =>
    runHandler('qrcode', qrcode, request, ctx(over)) as Promise<Envelope<QrcodeResponse>>;
  const KEY = qrcodeCacheKey(DETAIL, 'm=m08', 'release', QRCODE_WIDTH);
  const ID = KEY.slice('qrcode/'.length, -'.png'.length);

  it('makes the code once: ready, not cached, one WeChat call with the page from the scene', async () => {
    const res = await call({ scene: 'm=m08' });
    expect(res).toEqual({
      ok: true,
      data: {
        status: 'ready',
        scene: 'm=m08',
        page: DETAIL,
        fileID: `cloud://env-1.7465/${KEY}`,
        url: `https://7465.tcb.qcloud.la/${KEY}?sign=x`,
        cached: false,
      },
    });
    expect(wx.calls).toEqual([{ scene: 'm=m08', page: DETAIL, width: 280, checkPath: true, envVersion: 'release' }]);
    expect(files.puts).toEqual([{ cloudPath: KEY, contentType: 'image/png' }]);
    expect(files.files.get(KEY)).toEqual(PNG);
    expect(await qrcodesRepo(db).get(ID)).toEqual({ _id: ID, fileID: `cloud://env-1.7465/${KEY}`, page: DETAIL, scene: 'm=m08', envVersion: 'release', createdAt: '2026-12-01T01:00:00.000Z' });
  });

  it('an item opens the detail page, the start scene the home page', async () => {
    const item = await call({ scene: 'm=m08&i=3' });
    const start = await call({ scene: 'v=start' });
    expect(item.ok && [item.data.status, item.data.page, item.data.scene]).toEqual(['ready', DETAIL, 'm=m08&i=3']);
    expect(start.ok && [start.data.status, start.data.page, start.data.scene]).toEqual(['ready', HOME, 'v=start']);
    expect(wx.calls.map((c) => [c.scene, c.page])).toEqual([
      ['m=m08&i=3', DETAIL],
      ['v=start', HOME],
    ]);
  });

  it('the second call is answered from storage without asking WeChat; so is the URL-encoded scene', async () => {
    const first = await call({ scene: 'm=m08' });
    const second = await call({ scene: 'm=m08' });
    const encoded = await call({ scene: 'm%3Dm08' });
    expect(second).toEqual({ ok: true, data: { ...(first.ok && first.data), cached: true } });
    expect(encoded).toEqual(second);
    expect(wx.calls).toHaveLength(1);
    expect(files.puts).toHaveLength(1);
  });

  it('a stored code whose file is gone is made again, and its record replaced', async () => {
    await call({ scene: 'm=m08' });
    files.files.delete(KEY);
    clock += 3_600_000;
    const res = await call({ scene: 'm=m08' });
    expect(res.ok && [res.data.status, res.ok && res.data.status === 'ready' && res.data.cached]).toEqual(['ready', false]);
    expect(wx.calls).toHaveLength(2);
    expect(files.files.has(KEY)).toBe(true);
    expect((await qrcodesRepo(db).get(ID))?.createdAt).toBe('2026-12-01T02:00:00.000Z');
    expect(log.entries.filter((e) => e.level === 'warn').map((e) => e.message)).toEqual(['qrcode: the stored code is gone; making it again']);
    const third = await call({ scene: 'm=m08' });
    expect(third.ok && third.data.status === 'ready' && third.data.cached).toBe(true);
    expect(wx.calls).toHaveLength(2);
  });

  it.each([
    ['45009 (the day’s quota)', 45009, QRCODE_REASONS.quota],
    ['41030 (page not released)', 41030, QRCODE_REASONS.notReleased],
    ['-1 (WeChat busy)', -1, QRCODE_REASONS.busy],
    ['40097 (any other)', 40097, '小程序码暂时无法生成（错误码 40097）'],
  ])('WeChat refuses with %s: unavailable with the reason, nothing kept, the next call asks again', async (_case, errCode, reason) => {
    wx.refuse = { errCode, errMsg: `openapi.wxacode.getUnlimited:fail ${errCode}` };
    const res = await call({ scene: 'm=m08&i=2' });
    expect(res).toEqual({ ok: true, data: { status: 'unavailable', scene: 'm=m08&i=2', page: DETAIL, errCode, reason } });
    expect(reason).toMatch(CJK);
    expect(files.puts).toEqual([]);
    expect(await db.collection(COLLECTIONS.qrcodes).find({ limit: 10 })).toEqual([]);
    expect(log.entries.find((e) => e.level === 'warn')?.meta).toMatchObject({ errCode, scene: 'm=m08&i=2' });

    const again = await call({ scene: 'm=m08&i=2' });
    expect(again.ok && again.data.status).toBe('unavailable');
    wx.refuse = undefined;
    const later = await call({ scene: 'm=m08&i=2' });
    expect(later.ok && later.data.status === 'ready' && later.data.cached).toBe(false);
    expect(wx.calls).toHaveLength(3);
  });

  it('a refusal answered instead of thrown ({ errCode: 45009 }) reads the same', async () => {
    wx.answer = { errCode: 45009, errMsg: 'openapi.wxacode.getUnlimited:fail', buffer: new Uint8Array(0), contentType: '' };
    const res = await call({ scene: 'v=start' });
    expect(res).toEqual({ ok: true, data: { status: 'unavailable', scene: 'v=start', page: HOME, errCode: 45009, reason: QRCODE_REASONS.quota } });
    expect(files.puts).toEqual([]);
  });

  it('a failure without an errCode (network) → INTERNAL, logged, its message never answered, nothing kept', async () => {
    wx.refuse = new Error('connect ETIMEDOUT 10.0.0.1:443');
    const res = await call({ scene: 'm=m08' });
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(JSON.stringify(res)).not.toContain('ETIMEDOUT');
    expect(log.entries.map((e) => [e.level, e.meta?.error])).toEqual([['error', 'connect ETIMEDOUT 10.0.0.1:443']]);
    expect(await qrcodesRepo(db).get(ID)).toBeNull();
  });

  it('an errCode of 0 thrown is not a refusal either: INTERNAL', async () => {
    wx.refuse = { errCode: 0, errMsg: 'odd' };
    const res = await call({ scene: 'm=m08' });
    expect(!res.ok && res.error.code).toBe('INTERNAL');
  });

  it.each([
    ['a measure the list does not have', 'm=m31'],
    ['an item past the measure’s last', 'm=m08&i=4'],
    ['a page instead of a scene', 'pages/index/index'],
    ['no scene', undefined],
    ['a number', 8],
    ['over 32 characters', `m=m08&i=1${'x'.repeat(24)}`],
  ])('refused, naming 「scene」: %s', async (_case, scene) => {
    const res = await call(scene === undefined ? {} : { scene });
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: QRCODE_MESSAGES.scene, fields: [{ field: 'scene', message: QRCODE_MESSAGES.scene }] } });
    expect(QRCODE_MESSAGES.scene).toContain('「scene」');
    expect(wx.calls).toEqual([]);
  });

  it.each([
    ['trial', false],
    ['develop', false],
    ['release', true],
    ['', true],
  ])('QRCODE_ENV_VERSION=%j: envVersion and checkPath (only release checks the page), kept apart', async (version, checkPath) => {
    const res = await call({ scene: 'm=m01' }, { env: { QRCODE_ENV_VERSION: version } });
    const envVersion = version || 'release';
    expect(wx.calls).toEqual([{ scene: 'm=m01', page: DETAIL, width: 280, checkPath, envVersion }]);
    const key = qrcodeCacheKey(DETAIL, 'm=m01', envVersion, 280);
    expect(res.ok && res.data.status === 'ready' && res.data.fileID).toBe(`cloud://env-1.7465/${key}`);
    expect((await qrcodesRepo(db).get(key.slice(7, -4)))?.envVersion).toBe(envVersion);
  });

  it('a trial code and a release code of one scene are two codes', async () => {
    await call({ scene: 'm=m01' }, { env: { QRCODE_ENV_VERSION: 'trial' } });
    const release = await call({ scene: 'm=m01' });
    expect(release.ok && release.data.status === 'ready' && release.data.cached).toBe(false);
    expect(wx.calls.map((c) => c.envVersion)).toEqual(['trial', 'release']);
  });

  it('QRCODE_ENV_VERSION of another value → INTERNAL with a log line; WeChat is not asked', async () => {
    const res = await call({ scene: 'm=m01' }, { env: { QRCODE_ENV_VERSION: 'production' } });
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(log.entries).toEqual([{ level: 'error', message: QRCODE_LOG.badEnvVersion, meta: { value: 'production' } }]);
    expect(wx.calls).toEqual([]);
  });

  it.each([
    ['wxacode', QRCODE_LOG.noWxacode],
    ['files', QRCODE_LOG.noFiles],
  ] as const)('no %s in the context → INTERNAL with a log line', async (missing, line) => {
    const res = await call({ scene: 'm=m01' }, { [missing]: undefined });
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(log.entries.map((e) => [e.level, e.message])).toEqual([['error', line]]);
  });

  it('an uploaded code without a URL → INTERNAL, nothing recorded', async () => {
    const res = await call({ scene: 'm=m01' }, { files: { ...files.api, urlOf: async () => null } });
    expect(!res.ok && res.error.code).toBe('INTERNAL');
    expect(log.entries.map((e) => e.message)).toEqual([QRCODE_LOG.noUrl]);
    expect(await db.collection(COLLECTIONS.qrcodes).find({ limit: 10 })).toEqual([]);
  });

  it('needs no user: a call without an openid is answered like any other', async () => {
    const res = await call({ scene: 'v=start' }, { openid: null });
    expect(res.ok && res.data.status).toBe('ready');
  });

  it('two first calls at once both answer ready; one record', async () => {
    const [a, b2] = await Promise.all([call({ scene: 'm=m08' }), call({ scene: 'm=m08' })]);
    expect(a.ok && a.data.status).toBe('ready');
    expect(b2.ok && b2.data.status).toBe('ready');
    expect(await db.collection(COLLECTIONS.qrcodes).find({ limit: 10 })).toHaveLength(1);
  });

  it('the other call’s record appearing between our update and our add (DuplicateIdError) does not fail the call', async () => {
    // The store answers our update with 0 (no record yet) and lets the other call's add land
    // right after it, before ours.
    let raced = false;
    const racing: DocumentStore = {
      transaction: (fn) => db.transaction(fn),
      collection<T extends StoredDoc>(name: string): Collection<T> {
        if (name !== COLLECTIONS.qrcodes) return db.collection<T>(name);
        const col = db.collection(name);
        const wrapped: Collection = {
          get: (id) => col.get(id),
          add: (doc) => col.add(doc),
          find: (q) => col.find(q),
          remove: (id) => col.remove(id),
          updateIf: (id, e, p) => col.updateIf(id, e, p),
          async update(id, patch) {
            const res = await col.update(id, patch);
            if (!raced) {
              raced = true;
              await col.add({ _id: id, fileID: 'cloud://other', page: DETAIL, scene: 'm=m08', envVersion: 'release', createdAt: 'earlier' });
            }
            return res;
          },
        };
        return wrapped as unknown as Collection<T>;
      },
    };
    const res = await call({ scene: 'm=m08' }, { db: racing });
    expect(raced).toBe(true);
    expect(res.ok && res.data.status === 'ready' && res.data.cached).toBe(false);
    expect(await qrcodesRepo(db).get(ID)).toMatchObject({ fileID: `cloud://env-1.7465/${KEY}`, createdAt: '2026-12-01T01:00:00.000Z' });
  });
});
