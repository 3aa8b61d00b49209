/**
 * The local cloud's replies at the HTTP level, one request per case, written against the
 * hand-written server before it moved onto a framework (issue 23, item 3) and kept passing after:
 * CORS preflights and what a local page may read, compression of JSON answers, the body limits'
 * answers, what an unknown route or method gets, and the lingering close after a 413 (the client
 * reads the answer, never a reset, and the server closes within a few seconds).
 */
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { SCREEN_MAX_FILE_BYTES } from '../../../shared/cloud/api';
import { ERROR_MESSAGES, MESSAGES } from '../../../shared/cloud/errors';
import type { Handler } from '../../../shared/cloud/handler';
import { SCREEN_MESSAGES } from '../../../shared/cloud/handlers/screen';
import { createServer, type LocalCloud } from '../../../server';
import { capturingLogger } from '../cloud/fakes';
import { request, type RawResponse } from './http';
import { tempDir } from './tmp';

let tmp: ReturnType<typeof tempDir>;
let cloud: LocalCloud;

/** Answers what it was sent: `pad` makes the answer as large as a case needs. */
const echo: Handler<'calculate'> = async (req) => ({ ok: true, data: { request: req } as never });

beforeAll(async () => {
  tmp = tempDir('http-replies');
  const staticDir = path.join(tmp.dir, 'no-build');
  cloud = createServer({ port: 0, dataDir: path.join(tmp.dir, 'data'), staticDir, log: capturingLogger(), handlers: { calculate: echo } });
  await cloud.listen();
});

afterAll(async () => {
  await cloud.close();
  tmp.cleanup();
});

const LOCAL = 'http://localhost:10087';
const ALLOWED_HEADERS = 'content-type, x-dev-openid, x-dev-now, x-dev-timer, x-cloud-path';
const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const MY_UPLOAD = 'screen/dev-user-a/register.xlsx';
const preflight = (origin: string) => ({ origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-dev-openid' });
const BIG = JSON.stringify({ pad: 'x'.repeat(4000) });
const SMALL = JSON.stringify({ pad: 'x' });

/** A header the reply must have (string: equal; RegExp: matching) or must not have (null). */
type Expected = Record<string, string | RegExp | null>;

interface Case {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  status: number;
  reply: Expected;
  /** The body as text, or the JSON it parses to (after decoding a compressed body). */
  text?: string;
  json?: unknown;
}

const envelope = (code: keyof typeof ERROR_MESSAGES, message: string = ERROR_MESSAGES[code]) => ({ ok: false, error: { code, message } });

const cases: Case[] = [
  // CORS: a Taro H5 dev server on another local port calls the functions and uploads.
  {
    name: 'a preflight from a local dev server for a function is answered 204 with the methods, headers and max age it may use',
    method: 'OPTIONS',
    path: '/cloud/calculate',
    headers: preflight(LOCAL),
    status: 204,
    reply: { 'access-control-allow-origin': LOCAL, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600', vary: /Origin/ },
    text: '',
  },
  {
    name: 'a preflight from 127.0.0.1 for an upload is answered 204 with the same allowances',
    method: 'OPTIONS',
    path: '/upload',
    headers: preflight('http://127.0.0.1:5173'),
    status: 204,
    reply: { 'access-control-allow-origin': 'http://127.0.0.1:5173', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' },
    text: '',
  },
  {
    name: 'a preflight from [::1] without a port is answered with its origin',
    method: 'OPTIONS',
    path: '/cloud/calculate',
    headers: preflight('http://[::1]'),
    status: 204,
    reply: { 'access-control-allow-origin': 'http://[::1]', 'access-control-allow-headers': ALLOWED_HEADERS },
  },
  ...['https://evil.example', 'http://localhost.evil.example', 'https://localhost:10087', 'null'].map(
    (origin): Case => ({
      name: `a preflight from ${origin} gets no CORS allowance`,
      method: 'OPTIONS',
      path: '/cloud/calculate',
      headers: preflight(origin),
      status: 204,
      reply: { 'access-control-allow-origin': null, 'access-control-allow-headers': null, 'access-control-allow-methods': null },
    }),
  ),
  {
    name: 'a call from a local dev server may read its answer',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { origin: LOCAL, 'content-type': 'application/json' },
    body: SMALL,
    status: 200,
    reply: { 'access-control-allow-origin': LOCAL, vary: /Origin/, 'content-type': JSON_TYPE },
    json: { ok: true, data: { request: { pad: 'x' } } },
  },
  {
    name: 'a call to an unknown function from a local dev server may read its 404',
    method: 'POST',
    path: '/cloud/nope',
    headers: { origin: LOCAL },
    body: SMALL,
    status: 404,
    reply: { 'access-control-allow-origin': LOCAL },
    json: envelope('UNKNOWN_FUNCTION'),
  },
  {
    name: 'a stored file may be drawn by a local dev server',
    method: 'GET',
    path: '/files/127.0.0.1-1/qrcode/none.png',
    headers: { origin: LOCAL },
    status: 404,
    reply: { 'access-control-allow-origin': LOCAL },
    text: 'Not Found',
  },
  {
    name: 'the outbox may be read by a local dev server',
    method: 'GET',
    path: '/dev/outbox',
    headers: { origin: LOCAL },
    status: 200,
    reply: { 'access-control-allow-origin': LOCAL, 'content-type': JSON_TYPE },
  },
  {
    name: 'a call from another site gets no CORS allowance',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { origin: 'https://evil.example' },
    body: SMALL,
    status: 200,
    reply: { 'access-control-allow-origin': null },
  },
  {
    name: 'the H5 pages are not shared with other origins',
    method: 'GET',
    path: '/',
    headers: { origin: LOCAL },
    status: 503,
    reply: { 'access-control-allow-origin': null, 'content-type': 'text/html; charset=utf-8' },
  },

  // Compression of JSON answers (1 KB and more).
  {
    name: 'a JSON answer of 1 KB or more is gzipped when only gzip is accepted',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { 'accept-encoding': 'gzip' },
    body: BIG,
    status: 200,
    reply: { 'content-encoding': 'gzip', vary: /Accept-Encoding/i, 'content-type': JSON_TYPE, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    json: { ok: true, data: { request: JSON.parse(BIG) } },
  },
  {
    name: 'a JSON answer of 1 KB or more is sent with brotli when the client accepts gzip and br',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    body: BIG,
    status: 200,
    reply: { 'content-encoding': 'br', vary: /Accept-Encoding/i },
    json: { ok: true, data: { request: JSON.parse(BIG) } },
  },
  {
    name: 'brotli refused with q=0 gives gzip',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { 'accept-encoding': 'br;q=0, gzip' },
    body: BIG,
    status: 200,
    reply: { 'content-encoding': 'gzip' },
    json: { ok: true, data: { request: JSON.parse(BIG) } },
  },
  ...[undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate'].map(
    (accept): Case => ({
      name: `a JSON answer of 1 KB or more is sent as it is when the client accepts ${accept ?? 'nothing said'}`,
      method: 'POST',
      path: '/cloud/calculate',
      headers: accept ? { 'accept-encoding': accept } : {},
      body: BIG,
      status: 200,
      reply: { 'content-encoding': null, vary: /Accept-Encoding/i },
      json: { ok: true, data: { request: JSON.parse(BIG) } },
    }),
  ),
  {
    name: 'a JSON answer under 1 KB is never compressed',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { 'accept-encoding': 'gzip, br' },
    body: SMALL,
    status: 200,
    reply: { 'content-encoding': null, 'content-length': String(JSON.stringify({ ok: true, data: { request: { pad: 'x' } } }).length) },
  },

  // The body limits: the function's 64 KB, the upload's SCREEN_MAX_FILE_BYTES.
  {
    name: 'a function call over 64 KB gets 413 PAYLOAD_TOO_LARGE in Chinese and the connection is closed',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pad: 'x'.repeat(70 * 1024) }),
    status: 413,
    reply: { connection: 'close', 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    json: envelope('PAYLOAD_TOO_LARGE', MESSAGES.tooLarge),
  },
  {
    name: 'an upload over the file limit gets 413 with the screening message and the connection is closed',
    method: 'POST',
    path: '/upload',
    headers: { 'x-cloud-path': MY_UPLOAD, 'content-type': 'application/octet-stream' },
    body: Buffer.alloc(SCREEN_MAX_FILE_BYTES + 1),
    status: 413,
    reply: { connection: 'close', 'content-type': JSON_TYPE },
    json: envelope('PAYLOAD_TOO_LARGE', SCREEN_MESSAGES.tooBig),
  },
  {
    name: 'an unknown function is named before the body is weighed',
    method: 'POST',
    path: '/cloud/nope',
    body: 'x'.repeat(70 * 1024),
    status: 404,
    reply: { connection: 'close' },
    json: envelope('UNKNOWN_FUNCTION'),
  },
  {
    name: 'a malformed dev openid is refused before the body is weighed',
    method: 'POST',
    path: '/cloud/calculate',
    headers: { 'x-dev-openid': 'has space' },
    body: 'x'.repeat(70 * 1024),
    status: 400,
    reply: { connection: 'close' },
  },
  {
    name: 'an upload to another user’s folder is refused before the body is weighed',
    method: 'POST',
    path: '/upload',
    headers: { 'x-cloud-path': 'screen/dev-user-b/register.xlsx' },
    body: Buffer.alloc(SCREEN_MAX_FILE_BYTES + 1),
    status: 403,
    reply: { connection: 'close' },
  },

  // Unknown routes and methods.
  { name: 'an unknown /dev/ page is a 404 envelope', method: 'GET', path: '/dev/nope', status: 404, reply: { 'content-type': JSON_TYPE }, json: envelope('UNKNOWN_FUNCTION') },
  { name: 'the outbox refuses POST with 405 and Allow: GET', method: 'POST', path: '/dev/outbox', body: '{}', status: 405, reply: { allow: 'GET', 'content-type': JSON_TYPE }, json: envelope('METHOD_NOT_ALLOWED') },
  { name: 'a function refuses PUT with 405 and Allow: POST', method: 'PUT', path: '/cloud/calculate', body: '{}', status: 405, reply: { allow: 'POST' }, json: envelope('METHOD_NOT_ALLOWED') },
  { name: 'the upload refuses GET with 405 and Allow: POST', method: 'GET', path: '/upload', status: 405, reply: { allow: 'POST' }, json: envelope('METHOD_NOT_ALLOWED') },
  { name: 'a stored file refuses DELETE with 405 and Allow: GET, HEAD', method: 'DELETE', path: '/files/x.png', status: 405, reply: { allow: 'GET, HEAD', 'content-type': TEXT_TYPE }, text: 'Method Not Allowed' },
  { name: 'a page refuses PUT with 405 and Allow: GET, HEAD', method: 'PUT', path: '/pages/index/index', body: 'x', status: 405, reply: { allow: 'GET, HEAD', 'content-type': TEXT_TYPE }, text: 'Method Not Allowed' },
  { name: 'a preflight to a page without an origin is refused like any method but GET and HEAD', method: 'OPTIONS', path: '/', status: 405, reply: { allow: 'GET, HEAD' }, text: 'Method Not Allowed' },
  { name: 'a path that is not valid percent-encoding is a 400 in plain text', method: 'GET', path: '/%E0%A4%A', status: 400, reply: { 'content-type': TEXT_TYPE }, text: 'Bad Request' },
  { name: 'a malformed Content-Type does not matter: the body is read as JSON', method: 'POST', path: '/cloud/calculate', headers: { 'content-type': 'nonsense' }, body: '{}', status: 200, reply: {}, json: { ok: true, data: { request: {} } } },
  { name: 'a query string does not change which function runs', method: 'POST', path: '/cloud/calculate?x=1', body: SMALL, status: 200, reply: {}, json: { ok: true, data: { request: { pad: 'x' } } } },
];

function decoded(res: RawResponse): string {
  const enc = res.headers['content-encoding'];
  if (enc === 'gzip') return zlib.gunzipSync(res.body).toString('utf8');
  if (enc === 'br') return zlib.brotliDecompressSync(res.body).toString('utf8');
  return res.text;
}

it.each(cases)('$name', async (c) => {
  const res = await request(cloud.url + c.path, { method: c.method, headers: c.headers, body: c.body, raw: true });
  const seen: Record<string, string | null> = {};
  const want: Record<string, string | null> = {};
  for (const [name, expected] of Object.entries(c.reply)) {
    const value = res.headers[name];
    const text = value === undefined ? null : String(value);
    seen[name] = expected instanceof RegExp && text !== null && expected.test(text) ? String(expected) : text;
    want[name] = expected instanceof RegExp ? String(expected) : expected;
  }
  expect({ status: res.status, headers: seen }).toEqual({ status: c.status, headers: want });
  if (res.headers['content-length'] !== undefined) expect(Number(res.headers['content-length'])).toBe(res.body.length);
  if (c.text !== undefined) expect(decoded(res)).toBe(c.text);
  if (c.json !== undefined) expect(JSON.parse(decoded(res))).toEqual(c.json);
});

/**
 * A raw client that declares (or streams) more than the limit and never stops sending: it reads
 * the whole 413 first, then the server goes on reading and dropping what still comes (a socket
 * closed with unread input would send a reset, which can overtake the answer) and closes it after
 * about 2 s.
 */
const lingers: { name: string; path: string; head: string }[] = [
  { name: 'a function call streamed past 64 KB', path: '/cloud/calculate', head: 'Transfer-Encoding: chunked\r\n' },
  { name: 'a function call declaring more than 64 KB', path: '/cloud/calculate', head: `Content-Length: ${10 * 1024 * 1024}\r\n` },
  { name: 'an upload declaring more than the file limit', path: '/upload', head: `Content-Length: ${SCREEN_MAX_FILE_BYTES + 1}\r\nx-cloud-path: ${MY_UPLOAD}\r\n` },
];

it.each(lingers)('$name: the client reads the whole 413, then the server closes after lingering 1–5 s', async ({ path: p, head: extra }) => {
  const { port } = new URL(cloud.url);
  const chunked = extra.startsWith('Transfer-Encoding');
  const started = Date.now();
  const { received, closedAfter } = await new Promise<{ received: string; closedAfter: number }>((resolve) => {
    const socket = net.connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true });
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
    socket.on('error', () => undefined);
    socket.write(`POST ${p} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`);
    const bytes = Buffer.alloc(0x2000, 0x20);
    const piece = chunked ? Buffer.concat([Buffer.from('2000\r\n'), bytes, Buffer.from('\r\n')]) : bytes;
    const timer = setInterval(() => {
      if (socket.writable) socket.write(piece);
    }, 5);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ received: text, closedAfter: Date.now() - started });
    });
  });
  const [head, body] = received.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 413 /);
  expect(head).toMatch(/\r\nConnection: close(\r\n|$)/i);
  expect(body).toContain('"code":"PAYLOAD_TOO_LARGE"');
  expect(closedAfter).toBeGreaterThan(1000);
  expect(closedAfter).toBeLessThan(5000);
}, 10_000);
