/**
 * `qrcode` in the local cloud, over real HTTP: a real QR code (PNG) of the H5 deep link of the
 * scene's page, stored under <dataDir>/files/ and served at /files/; the second call is answered
 * from storage; LOCAL_QRCODE_ERROR makes it refuse like WeChat; /files/ serves nothing else.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { QRCODE_REASONS, qrcodeCacheKey } from '../../../shared/cloud/handlers/qrcode';
import { createServer, type LocalCloud, type LocalCloudOptions } from '../../../server';
import { FILES_CACHE_CONTROL } from '../../../server/files';
import { capturingLogger } from '../cloud/fakes';
import { postJson, request } from './http';
import { tempDir } from './tmp';

let tmp: ReturnType<typeof tempDir>;
let staticDir: string;
const running: LocalCloud[] = [];

beforeAll(() => {
  tmp = tempDir('qrcode');
  staticDir = path.join(tmp.dir, 'dist-h5');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>政策算盘</title>');
});
afterAll(() => tmp.cleanup());

let dirs = 0;
async function start(over: Partial<LocalCloudOptions> = {}): Promise<LocalCloud & { dataDir: string }> {
  const dataDir = path.join(tmp.dir, `data-${++dirs}`);
  const cloud = createServer({ port: 0, dataDir, staticDir, log: capturingLogger(), env: {}, ...over });
  await cloud.listen();
  running.push(cloud);
  return Object.assign(cloud, { dataDir });
}

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height)?.data ?? null;
}

describe('POST /cloud/qrcode', () => {
  afterEach(async () => {
    while (running.length) await running.pop()!.close();
  });

  it('answers a real QR code of the H5 deep link, served under the server; the second call from storage', async () => {
    const cloud = await start();
    const key = qrcodeCacheKey('pages/policy/detail/index', 'm=m08', 'release', 280);
    // Under the server's own host and port: '127.0.0.1-<port>'.
    const scope = new URL(cloud.url).host.replace(':', '-');
    const res = await postJson(`${cloud.url}/cloud/qrcode`, { scene: 'm=m08' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      ok: true,
      data: { status: 'ready', scene: 'm=m08', page: 'pages/policy/detail/index', fileID: `local:${scope}/${key}`, url: `${cloud.url}/files/${scope}/${key}`, cached: false },
    });
    expect(existsSync(path.join(cloud.dataDir, 'files', scope, key))).toBe(true);

    const file = await request(res.json().data.url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['cache-control']).toBe(FILES_CACHE_CONTROL);
    expect(file.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(PNG.sync.read(file.body).width).toBe(280);
    expect(decodeQr(file.body)).toBe(`${cloud.url}/#/pages/policy/detail/index?scene=m%3Dm08`);

    const head = await request(res.json().data.url, { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, String(file.body.length), 0]);

    const again = await postJson(`${cloud.url}/cloud/qrcode`, { scene: 'm=m08' });
    expect(again.json()).toEqual({ ok: true, data: { ...res.json().data, cached: true } });
  });

  it('a server started again on another port makes its codes again: a kept code would hold the old address', async () => {
    const first = await start();
    const made = (await postJson(`${first.url}/cloud/qrcode`, { scene: 'm=m17' })).json().data;
    expect(made.cached).toBe(false);
    await first.close();
    running.splice(running.indexOf(first), 1);
    const again = createServer({ port: 0, dataDir: first.dataDir, staticDir, log: capturingLogger(), env: {} });
    await again.listen();
    running.push(again);
    expect(again.url).not.toBe(first.url);
    const res = (await postJson(`${again.url}/cloud/qrcode`, { scene: 'm=m17' })).json().data;
    expect(res.cached).toBe(false);
    expect(decodeQr((await request(res.url)).body)).toBe(`${again.url}/#/pages/policy/detail/index?scene=m%3Dm17`);
  });

  it('the start page’s code opens the H5 home page with its scene', async () => {
    const cloud = await start();
    const res = await postJson(`${cloud.url}/cloud/qrcode`, { scene: 'v=start' });
    const file = await request(res.json().data.url);
    expect(decodeQr(file.body)).toBe(`${cloud.url}/#/pages/index/index?scene=v%3Dstart`);
  });

  it('LOCAL_QRCODE_ERROR=45009 → unavailable with WeChat’s reason; nothing stored', async () => {
    const cloud = await start({ env: { LOCAL_QRCODE_ERROR: '45009' } });
    const res = await postJson(`${cloud.url}/cloud/qrcode`, { scene: 'm=m08&i=2' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, data: { status: 'unavailable', scene: 'm=m08&i=2', page: 'pages/policy/detail/index', errCode: 45009, reason: QRCODE_REASONS.quota } });
    expect(existsSync(path.join(cloud.dataDir, 'files'))).toBe(false);
  });

  it('LOCAL_QRCODE_ERROR that is not a number → INTERNAL', async () => {
    const cloud = await start({ env: { LOCAL_QRCODE_ERROR: 'quota' } });
    const res = await postJson(`${cloud.url}/cloud/qrcode`, { scene: 'm=m08' });
    expect([res.status, res.json().error.code]).toEqual([500, 'INTERNAL']);
  });

  it('a scene that is not ours → 400 naming 「scene」', async () => {
    const cloud = await start();
    const res = await postJson(`${cloud.url}/cloud/qrcode`, { scene: 'pages/admin/index' });
    expect(res.status).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'scene', message: expect.stringContaining('「scene」') }]);
  });
});

describe('GET /files/<path>', () => {
  // One server with one stored code for all (making a PNG takes ~0.6 s under jest, 30 ms in node).
  let cloud: LocalCloud & { dataDir: string };
  beforeAll(async () => {
    cloud = await start();
    const res = await postJson(`${cloud.url}/cloud/qrcode`, { scene: 'm=m08' });
    expect(res.json().data.status).toBe('ready');
    // A PNG beside the files folder (in the data folder): never reachable through /files/.
    writeFileSync(path.join(cloud.dataDir, 'next.png'), 'not served');
  });
  afterAll(async () => {
    while (running.length) await running.pop()!.close();
  });

  it.each([
    ['a path out of the folder', '/files/../x'],
    ['a path out of the folder to a PNG', '/files/../next.png'],
    ['an encoded path out of the folder', '/files/%2e%2e/next.png'],
    ['an encoded slash out of the folder', '/files/..%2fnext.png'],
    ['a path out of a subfolder', '/files/qrcode/..%2f..%2fnext.png'],
    ['a file that was never stored', '/files/qrcode/0000000000000000000000000000000000000000.png'],
    ['a name that is not a PNG', '/files/qrcode/a.txt'],
    ['the folder itself', '/files/'],
    ['bad % encoding', '/files/%E0%A4%A.png'],
  ])('%s (%s) → 404', async (_case, p) => {
    const res = await request(cloud.url + p, { raw: true });
    expect(res.status).toBe(404);
    expect(res.text).toBe('Not Found');
  });

  it('only GET and HEAD', async () => {
    const res = await postJson(`${cloud.url}/files/qrcode/a.png`, {});
    expect([res.status, res.headers.allow]).toEqual([405, 'GET, HEAD']);
  });
});
