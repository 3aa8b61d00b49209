/**
 * The local cloud over real HTTP on an ephemeral port, with a temp data dir and a temp H5 build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { evaluate, parseProfile, versionStamp } from '../../../shared/policy/engine';
import type { Handler } from '../../../shared/cloud/handler';
import { ERROR_MESSAGES, MESSAGES } from '../../../shared/cloud/errors';
import { createServer, DEFAULT_OPENID, type LocalCloud, type LocalCloudOptions } from '../../../server';
import { capturingLogger, CJK } from '../cloud/fakes';
import { postJson, request } from './http';
import { tempDir } from './tmp';

const SAMPLE_PROFILE = { version: 1, entity: 'enterprise', facts: { 'm01.nationalInnovationCenter': true } };

let tmp: ReturnType<typeof tempDir>;
let staticDir: string;
const running: LocalCloud[] = [];

const APP_JS = `/* app */\n${'console.log("政策算盘 bundle line");\n'.repeat(200)}`;
const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>政策算盘</title>${'<!-- padding -->'.repeat(60)}</head><body><div id="app"></div><script src="/js/app.3f9a1c2e.js"></script></body></html>`;

beforeAll(() => {
  tmp = tempDir('server');
  staticDir = path.join(tmp.dir, 'dist-h5');
  mkdirSync(path.join(staticDir, 'js'), { recursive: true });
  mkdirSync(path.join(staticDir, 'css'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(staticDir, 'js', 'app.3f9a1c2e.js'), APP_JS);
  writeFileSync(path.join(staticDir, 'css', 'app.css'), `body{color:#333}\n${'.x{margin:0}\n'.repeat(100)}`);
  writeFileSync(path.join(staticDir, 'favicon.ico'), Buffer.from([0, 0, 1, 0, 1, 0]));
  writeFileSync(path.join(tmp.dir, 'secret.txt'), 'outside the static root');
});

afterAll(() => tmp.cleanup());

afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

async function start(over: Partial<LocalCloudOptions> = {}): Promise<LocalCloud & { log: ReturnType<typeof capturingLogger> }> {
  const log = capturingLogger();
  const cloud = createServer({ port: 0, dataDir: path.join(tmp.dir, 'data'), staticDir, log, ...over });
  await cloud.listen();
  running.push(cloud);
  return Object.assign(cloud, { log });
}

/** A stand-in handler that shows what it received (registered only in tests). */
const echo: Handler<'calculate'> = async (request, ctx) => ({ ok: true, data: { request, openid: ctx.openid } as never });

describe('POST /cloud/<name>', () => {
  it('listens on 127.0.0.1 on the port it was given (0 = any free port)', async () => {
    const cloud = await start();
    expect(cloud.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(cloud.url).port)).toBeGreaterThan(0);
  });

  it('runs the real calculate handler: the same result as the engine in-process', async () => {
    const cloud = await start();
    const res = await postJson(`${cloud.url}/cloud/calculate`, { profile: SAMPLE_PROFILE });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const env = res.json();
    expect(env.ok).toBe(true);
    expect(env.data.items.length).toBeGreaterThan(0);
    const parsed = parseProfile(SAMPLE_PROFILE);
    if (!parsed.ok) throw new Error('sample profile should be valid');
    expect(env.data).toEqual({ ...JSON.parse(JSON.stringify(evaluate(parsed.profile))), version: versionStamp() });
  });

  it('compresses a large JSON answer when the client accepts gzip', async () => {
    const cloud = await start();
    const res = await request(`${cloud.url}/cloud/calculate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ profile: SAMPLE_PROFILE }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const env = JSON.parse(zlib.gunzipSync(res.body).toString('utf8'));
    expect(env.ok).toBe(true);
  });

  it('an invalid profile → 400 INVALID_INPUT with Chinese field messages', async () => {
    const cloud = await start();
    const res = await postJson(`${cloud.url}/cloud/calculate`, { profile: { version: 1, entity: 'x' } });
    expect(res.status).toBe(400);
    const env = res.json();
    expect(env.ok).toBe(false);
    expect(env.error.code).toBe('INVALID_INPUT');
    expect(env.error.message).toMatch(CJK);
    expect(env.error.fields.length).toBeGreaterThan(0);
    for (const f of env.error.fields) expect(f.message).toMatch(CJK);
    expect(env.error.message).toBe(env.error.fields[0].message);
  });

  it.each(['/cloud/nope', '/cloud/constructor', '/cloud/__proto__', '/cloud/toString', '/cloud', '/cloud/', '/cloud/calculate/x', '/cloud/calc%75late'])(
    'unknown function %s → 404 UNKNOWN_FUNCTION',
    async (p) => {
      const cloud = await start();
      const res = await postJson(`${cloud.url}${p}`, { profile: SAMPLE_PROFILE });
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_FUNCTION', message: ERROR_MESSAGES.UNKNOWN_FUNCTION } });
    },
  );

  it.each([
    ['broken JSON', '{"profile":', '第 1 行第 12 列：内容意外结束，缺少右括号「}」'],
    ['a missing comma', '{\n  "profile": {\n    "version": 1\n    "entity": "park"\n  }\n}', '第 4 行第 5 列：缺少逗号或右括号「}」'],
    ['empty body', '', '内容为空'],
    ['not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), '文件不是 UTF-8 编码（可能是 GBK），从第 1 行第 3 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」'],
  ])('%s → 400 INVALID_INPUT 请求不是有效的 JSON, with where and why in Chinese', async (_label, body, why) => {
    const cloud = await start();
    const res = await request(`${cloud.url}/cloud/calculate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `${MESSAGES.notJson}：${why}` } });
  });

  it('a body after a UTF-8 BOM is read as without it', async () => {
    const cloud = await start({ handlers: { calculate: echo } });
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"pad":"x"}')]);
    const res = await request(`${cloud.url}/cloud/calculate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(200);
    expect(res.json().data.request).toEqual({ pad: 'x' });
  });

  it.each([['[1,2]'], ['42'], ['"text"'], ['null']])('JSON that is not an object (%s) → 400', async (body) => {
    const cloud = await start({ handlers: { calculate: echo } });
    const res = await request(`${cloud.url}/cloud/calculate`, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(res.json().error).toEqual({ code: 'INVALID_INPUT', message: MESSAGES.notObject });
  });

  it('a body over 64 KB → 413 (declared length)', async () => {
    const cloud = await start({ handlers: { calculate: echo } });
    const res = await postJson(`${cloud.url}/cloud/calculate`, { pad: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toMatch(CJK);
  });

  it('a body over 64 KB → 413 (chunked, no declared length)', async () => {
    const cloud = await start({ handlers: { calculate: echo } });
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const res = await request(`${cloud.url}/cloud/calculate`, {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      chunks: [Buffer.from('{"pad":"'), chunk, chunk, chunk, chunk, chunk, Buffer.from('"}')],
    });
    expect(res.status).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a body just under 64 KB is accepted', async () => {
    const cloud = await start({ handlers: { calculate: echo } });
    const pad = 'x'.repeat(64 * 1024 - 100);
    const res = await postJson(`${cloud.url}/cloud/calculate`, { pad });
    expect(res.status).toBe(200);
    expect(res.json().data.request.pad).toHaveLength(pad.length);
  });

  it('a thrown error → 500 INTERNAL in Chinese, no stack in the answer, the stack in the log', async () => {
    const boom: Handler<'calculate'> = async () => {
      throw new Error('db password hunter2 leaked');
    };
    const cloud = await start({ handlers: { calculate: boom } });
    const res = await postJson(`${cloud.url}/cloud/calculate`, { profile: SAMPLE_PROFILE });
    expect(res.status).toBe(500);
    expect(res.json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(res.text).not.toMatch(/hunter2|Error|\.ts|at /);
    const logged = cloud.log.entries.filter((e) => e.level === 'error');
    expect(logged).toHaveLength(1);
    expect(String(logged[0].meta?.stack)).toContain('hunter2');
  });

  it('GET on a function → 405', async () => {
    const cloud = await start();
    const res = await request(`${cloud.url}/cloud/calculate`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json().error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('allows CORS only from local origins (a Taro dev server on another port)', async () => {
    const cloud = await start();
    const ok = await request(`${cloud.url}/cloud/calculate`, { method: 'OPTIONS', headers: { origin: 'http://localhost:10087' } });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:10087');
    expect(ok.headers['access-control-allow-headers']).toContain('x-dev-openid');
    const evil = await request(`${cloud.url}/cloud/calculate`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('identity (x-dev-openid)', () => {
  it('defaults to dev-user-a and ignores an openid in the body', async () => {
    const cloud = await start({ handlers: { calculate: echo } });
    const res = await postJson(`${cloud.url}/cloud/calculate`, { openid: 'attacker', userInfo: { openId: 'attacker' } });
    expect(res.status).toBe(200);
    expect(res.json().data).toEqual({ request: { openid: 'attacker' }, openid: DEFAULT_OPENID });
    expect(DEFAULT_OPENID).toBe('dev-user-a');
  });

  it.each(['dev-user-b', 'oAbC_123-xyz', 'a', 'x'.repeat(64)])('takes a valid header: %s', async (id) => {
    const cloud = await start({ handlers: { calculate: echo } });
    const res = await postJson(`${cloud.url}/cloud/calculate`, { openid: 'attacker' }, { 'x-dev-openid': id });
    expect(res.json().data.openid).toBe(id);
  });

  it.each(['', 'x'.repeat(65), 'has space', 'semi;colon', '中文', '../x'])('refuses a malformed header %j with 400', async (id) => {
    const cloud = await start({ handlers: { calculate: echo } });
    const res = await request(`${cloud.url}/cloud/calculate`, {
      method: 'POST',
      headers: { 'x-dev-openid': Buffer.from(id, 'utf8').toString('latin1') },
      body: '{}',
    });
    expect(res.status).toBe(400);
    const env = res.json();
    expect(env.error.code).toBe('INVALID_INPUT');
    expect(env.error.fields).toEqual([{ field: 'x-dev-openid', message: expect.stringMatching(CJK) }]);
  });
});

describe('static H5 files', () => {
  it('/ → index.html, no-cache, ETag', async () => {
    const cloud = await start();
    const res = await request(`${cloud.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe(INDEX_HTML);
    const again = await request(`${cloud.url}/`, { headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('gzip when the client accepts only gzip; the bytes decompress to the file', async () => {
    const cloud = await start();
    const res = await request(`${cloud.url}/js/app.3f9a1c2e.js`, { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 5);
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(APP_JS);
  });

  it('brotli when accepted, identity when not, q=0 honoured', async () => {
    const cloud = await start();
    const br = await request(`${cloud.url}/css/app.css`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=300');
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toContain('body{color:#333}');
    const none = await request(`${cloud.url}/css/app.css`);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.text).toContain('body{color:#333}');
    const refused = await request(`${cloud.url}/css/app.css`, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const html = await request(`${cloud.url}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(html.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(html.body).toString('utf8')).toBe(INDEX_HTML);
  });

  it('binary files are not compressed', async () => {
    const cloud = await start();
    const res = await request(`${cloud.url}/favicon.ico`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('HEAD sends the headers without a body', async () => {
    const cloud = await start();
    const res = await request(`${cloud.url}/js/app.3f9a1c2e.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
    expect(res.body.length).toBe(0);
  });

  it('a page path of the H5 router → index.html; a missing asset → 404', async () => {
    const cloud = await start();
    const page = await request(`${cloud.url}/pages/result/index?x=1`);
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX_HTML);
    const asset = await request(`${cloud.url}/js/missing.0123abcd.js`);
    expect(asset.status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/js/%2e%2e/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/%00', '/%E0%A4%A'])(
    'does not serve outside the root: %s',
    async (p) => {
      const cloud = await start();
      const res = await request(`${cloud.url}${p}`);
      expect(res.text).not.toContain('outside the static root');
      expect([400, 404]).toContain(res.status);
    },
  );

  it('POST to a page → 405', async () => {
    const cloud = await start();
    const res = await request(`${cloud.url}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });

  it('no H5 build yet → 503 page saying how to build', async () => {
    const cloud = await start({ staticDir: path.join(tmp.dir, 'no-such-build') });
    const res = await request(`${cloud.url}/`);
    expect(res.status).toBe(503);
    expect(res.text).toContain('npm run build:h5');
  });
});

describe('storage', () => {
  /** A test-only handler that writes and reads through ctx.db, keyed by the caller. */
  const notes: Handler<'calculate'> = async (request, ctx) => {
    const col = ctx.db.collection<{ _id: string; text: string }>('notes');
    if (typeof request.profile === 'string') await col.add({ _id: ctx.openid!, text: request.profile });
    return { ok: true, data: (await col.get(ctx.openid!)) as never };
  };

  it('what a handler stores survives a server restart on the same data dir', async () => {
    const dataDir = path.join(tmp.dir, 'restart-data');
    const first = await start({ dataDir, handlers: { calculate: notes } });
    const wrote = await postJson(`${first.url}/cloud/calculate`, { profile: '第一次' }, { 'x-dev-openid': 'user-1' });
    expect(wrote.json()).toEqual({ ok: true, data: { _id: 'user-1', text: '第一次' } });
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start({ dataDir, handlers: { calculate: notes } });
    const read = await postJson(`${second.url}/cloud/calculate`, {}, { 'x-dev-openid': 'user-1' });
    expect(read.json()).toEqual({ ok: true, data: { _id: 'user-1', text: '第一次' } });
    const other = await postJson(`${second.url}/cloud/calculate`, {}, { 'x-dev-openid': 'user-2' });
    expect(other.json()).toEqual({ ok: true, data: null });
    // A second add with the same _id is a DUPLICATE_ID failure (409), not a 500.
    const dup = await postJson(`${second.url}/cloud/calculate`, { profile: 'again' }, { 'x-dev-openid': 'user-1' });
    expect(dup.status).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_ID');
  });
});
