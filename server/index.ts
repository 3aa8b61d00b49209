/**
 * The local cloud: one HTTP server on 127.0.0.1 that serves the H5 build and runs the real
 * cloud-function handlers at POST /cloud/<name> (JSON request → JSON Envelope), with an embedded
 * persistent store (NeDB) in place of the WeChat cloud database, and a folder in place of cloud
 * storage (the codes `qrcode` makes, served at GET /files/<path>; see files.ts, wxacode.ts).
 * Dev-only: the caller's identity is the `x-dev-openid` header (default 'dev-user-a'), never a
 * field of the body.
 *
 * HTTP status follows the envelope: 200 for ok, else by error code (400 INVALID_INPUT,
 * 404 UNKNOWN_FUNCTION, 413 PAYLOAD_TOO_LARGE, 500 INTERNAL, …). The body is always the envelope,
 * so a client reads the body whatever the status.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Envelope, type FunctionName, DEV_OPENID_HEADER, SCREEN_MAX_FILE_BYTES } from '../shared/cloud/api';
import type { HandlerContext, Logger } from '../shared/cloud/context';
import { CloudFailure, failure, HTTP_STATUS, isErrorCode, MESSAGES, StoreDamagedError, toErrorEnvelope, type Failure } from '../shared/cloud/errors';
import { MAX_REQUEST_BYTES, runHandler, type Handler } from '../shared/cloud/handler';
import { handlers as defaultHandlers, type HandlerMap } from '../shared/cloud/handlers';
import { isCalendarDate, morningOf } from '../shared/cloud/dates';
import { readJson } from '../shared/policy/engine';
import { adminsRepo, auditRepo, OPENID_RE as ADMIN_OPENID_RE, outboxRepo, runsRepo } from '../shared/cloud/repos';
import { ownsCloudPath, SCREEN_MESSAGES } from '../shared/cloud/handlers/screen';
import { CLOUD_PATH_HEADER, FILES_ROUTE, LocalFiles, UPLOAD_ROUTE } from './files';
import { outboxSender } from './outbox';
import { seedSamples } from './samples';
import { compress, negotiateEncoding, sendText, StaticFiles } from './static';
import { NedbStore } from './store';
import { localWxacode } from './wxacode';

export const DEFAULT_PORT = 10086;
export const DEFAULT_OPENID = 'dev-user-a';
// One name for the H5 build and this server (shared/cloud/api.ts).
export { DEV_OPENID_HEADER };
/** Local only: run the call at another instant ('2022-06-23' = 09:00 Beijing time that day, or an ISO time). */
export const DEV_NOW_HEADER = 'x-dev-now';
/** Local only: '1' = a call without a user, as WeChat's timer trigger makes it. */
export const DEV_TIMER_HEADER = 'x-dev-timer';
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const UPLOAD_MESSAGES = {
  path: '上传位置无效：只能上传到自己的文件夹（screen/<你的用户编号>/…）',
} as const;
/** JSON responses above this size are compressed when the client accepts it. */
const MIN_COMPRESS_JSON = 1024;

export interface LocalCloudOptions {
  /** 0 picks a free port. Default DEFAULT_PORT. */
  port?: number;
  /** Always loopback unless told otherwise; the server has no authentication. */
  host?: string;
  /** Where the NeDB datafiles live (one per collection). */
  dataDir: string;
  /** The H5 build (dist-h5/). */
  staticDir: string;
  /** Replace handlers (tests). */
  handlers?: Partial<HandlerMap>;
  log?: Logger;
  now?: () => Date;
  /** Openids made admins when the server starts (audited as 'bootstrap'). Default: $LOCAL_ADMINS (comma-separated). */
  admins?: string[];
  /** Add the local sample deadlines (示例) when the server starts. Default false. */
  sampleDeadlines?: boolean;
  /** Environment for handlers (remind's settings, LOCAL_QRCODE_ERROR). Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface LocalCloud {
  /** Starts listening; resolves with the base URL, e.g. http://127.0.0.1:10086. */
  listen(): Promise<string>;
  /** Stops accepting, ends open connections, flushes the store. */
  close(): Promise<void>;
  /** Base URL (valid after listen()). */
  readonly url: string;
  readonly store: NedbStore;
}

export function consoleServerLogger(): Logger {
  const fmt = (m: string, meta?: Record<string, unknown>) => {
    if (!meta) return m;
    const { stack, ...rest } = meta;
    return `${m} ${JSON.stringify(rest)}${typeof stack === 'string' ? `\n${stack}` : ''}`;
  };
  return {
    info: (m, meta) => console.log(`[local-cloud] ${fmt(m, meta)}`),
    warn: (m, meta) => console.warn(`[local-cloud] ${fmt(m, meta)}`),
    error: (m, meta) => console.error(`[local-cloud] ${fmt(m, meta)}`),
  };
}

function statusOf(env: Envelope<unknown>): number {
  if (env.ok) return 200;
  return isErrorCode(env.error.code) ? HTTP_STATUS[env.error.code] : 400;
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** CORS for a Taro H5 dev server on another local port; other origins get no CORS headers. */
function corsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && LOCAL_ORIGIN.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', `content-type, ${DEV_OPENID_HEADER}, ${DEV_NOW_HEADER}, ${DEV_TIMER_HEADER}, ${CLOUD_PATH_HEADER}`);
    res.setHeader('Access-Control-Max-Age', '600');
    res.setHeader('Vary', 'Origin');
  }
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, payload: unknown): void {
  let body: Buffer = Buffer.from(JSON.stringify(payload), 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (body.length >= MIN_COMPRESS_JSON) {
    const enc = negotiateEncoding(req.headers['accept-encoding']);
    res.setHeader('Vary', 'Accept-Encoding');
    if (enc !== 'identity') {
      body = compress(body, enc, true);
      res.setHeader('Content-Encoding', enc);
    }
  }
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

function sendEnvelope(req: IncomingMessage, res: ServerResponse, env: Envelope<unknown>): void {
  sendJson(req, res, statusOf(env), env);
}

type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

/**
 * Reads the body up to `limit` bytes, declared (Content-Length) or streamed (chunked). Past the
 * limit it keeps nothing and resolves at once; the rest of the upload is still read and dropped
 * (never paused: see closeAfterAnswer) while the caller answers 413.
 */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return; // over the limit: dropped
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, body: Buffer.concat(chunks) });
    });
    req.on('error', (err) => {
      if (!done) reject(err);
    });
  });
}

/** How long a connection closed after a 413 goes on reading (and dropping) the rest of the upload. */
const LINGER_MS = 2000;

/**
 * For an answer sent while the client is still uploading (413): `Connection: close`, and a
 * lingering close instead of Node's immediate one. With `Connection: close` Node destroys the socket
 * as soon as the answer is written; a socket closed with unread input makes the kernel send a TCP
 * reset, which can reach the client before it has read the answer — it then sees EPIPE/ECONNRESET
 * instead of the 413. So once the answer is flushed: FIN (end), keep reading and dropping whatever
 * still arrives, and destroy when the client has closed its side too, or after LINGER_MS.
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  const socket = req.socket;
  // Node's server calls socket.destroySoon() when a `Connection: close` response has finished.
  socket.destroySoon = () => {
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy());
    req.resume();
    socket.resume();
    socket.end(() => {
      if (socket.readableEnded) socket.destroy();
    });
  };
}

/** `x-dev-openid` → openid; absent → DEFAULT_OPENID; malformed → a failure. */
export function devOpenid(header: string | string[] | undefined): { ok: true; openid: string } | Failure {
  if (header === undefined) return { ok: true, openid: DEFAULT_OPENID };
  if (typeof header === 'string' && OPENID_RE.test(header)) return { ok: true, openid: header };
  return failure('INVALID_INPUT', MESSAGES.badDevOpenid, [{ field: DEV_OPENID_HEADER, message: MESSAGES.badDevOpenid }]);
}

/** `x-dev-now` → a clock that starts at that instant and runs on; absent → the server's clock. */
export function devClock(header: string | string[] | undefined, base: () => Date): { ok: true; now: () => Date } | Failure {
  if (header === undefined) return { ok: true, now: base };
  const text = typeof header === 'string' ? header.trim() : '';
  const start = isCalendarDate(text) ? morningOf(text) : /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(text) ? new Date(text) : null;
  if (!start || Number.isNaN(start.getTime())) {
    const message = '开发时间 x-dev-now 无效：应为 YYYY-MM-DD 或带时区的 ISO 时间';
    return failure('INVALID_INPUT', message, [{ field: DEV_NOW_HEADER, message }]);
  }
  const offset = start.getTime() - base().getTime();
  return { ok: true, now: () => new Date(base().getTime() + offset) };
}

export function createServer(options: LocalCloudOptions): LocalCloud {
  const log = options.log ?? consoleServerLogger();
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const store = new NedbStore(options.dataDir, { log });
  const files = new StaticFiles(options.staticDir);
  const sender = outboxSender(store, now);
  const env = options.env ?? process.env;
  const table: HandlerMap = { ...defaultHandlers, ...options.handlers };
  let url = '';
  // `qrcode`: codes of the H5 links, stored under <dataDir>/files/ and served at /files/.
  const stored = new LocalFiles(path.join(options.dataDir, 'files'), () => url);
  const wxacode = localWxacode(() => url, env);

  /**
   * What every POST route does first: a preflight is answered, another method refused, and the
   * caller read from the dev openid header (refused when it is not one). Undefined: answered already.
   */
  function postCaller(req: IncomingMessage, res: ServerResponse): { openid: string } | undefined {
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return undefined;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      sendEnvelope(req, res, failure('METHOD_NOT_ALLOWED'));
      return undefined;
    }
    const who = devOpenid(req.headers[DEV_OPENID_HEADER]);
    if (!who.ok) {
      req.resume();
      sendEnvelope(req, res, who);
      return undefined;
    }
    return who;
  }

  async function handleCloud(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    corsHeaders(req, res);
    if (!Object.prototype.hasOwnProperty.call(table, name)) {
      req.resume();
      sendEnvelope(req, res, failure('UNKNOWN_FUNCTION'));
      return;
    }
    const who = postCaller(req, res);
    if (!who) return;
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (!body.ok) {
      // The client may still be sending: answer, then close the connection (after the answer).
      closeAfterAnswer(req, res);
      sendEnvelope(req, res, failure('PAYLOAD_TOO_LARGE', MESSAGES.tooLarge));
      return;
    }
    // The same reading as the CLI's profile file: UTF-8 (BOM dropped), then JSON; a refusal names
    // the line and column in Chinese (请求不是有效的 JSON：第 3 行第 15 列：缺少逗号或右括号「}」).
    const json = readJson(body.body);
    if (!json.ok) {
      sendEnvelope(req, res, failure('INVALID_INPUT', `${MESSAGES.notJson}：${json.message}`));
      return;
    }
    const event = json.value;
    const clock = devClock(req.headers[DEV_NOW_HEADER], now);
    if (!clock.ok) {
      sendEnvelope(req, res, clock);
      return;
    }
    const timer = req.headers[DEV_TIMER_HEADER] === '1';
    const fn = name as FunctionName;
    const ctx: HandlerContext = { openid: timer ? null : who.openid, now: clock.now, db: store, log, sender, env, wxacode, files: stored };
    const answer = await runHandler(fn, table[fn] as Handler<FunctionName>, event, ctx);
    sendEnvelope(req, res, answer);
  }

  /**
   * POST /upload: the file in the body to `x-cloud-path`, as the mini-program's wx.cloud.uploadFile
   * — only into the caller's own folder (the rule the `screen` function checks), at most
   * SCREEN_MAX_FILE_BYTES. Answers an envelope with the file id.
   */
  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    corsHeaders(req, res);
    const who = postCaller(req, res);
    if (!who) return;
    const cloudPath = req.headers[CLOUD_PATH_HEADER];
    if (typeof cloudPath !== 'string' || !ownsCloudPath(who.openid, cloudPath) || !stored.fileOf(cloudPath)) {
      req.resume();
      sendEnvelope(req, res, failure('FORBIDDEN', UPLOAD_MESSAGES.path, [{ field: CLOUD_PATH_HEADER, message: UPLOAD_MESSAGES.path }]));
      return;
    }
    const body = await readBody(req, SCREEN_MAX_FILE_BYTES);
    if (!body.ok) {
      closeAfterAnswer(req, res);
      sendEnvelope(req, res, failure('PAYLOAD_TOO_LARGE', SCREEN_MESSAGES.tooBig));
      return;
    }
    const { fileID } = await stored.put(cloudPath, body.body);
    sendJson(req, res, 200, { ok: true, data: { fileID } });
  }

  /** GET /dev/outbox: the local outbox and the latest reminder runs (the H5 dev page reads it). */
  async function handleDev(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    corsHeaders(req, res);
    if (pathname !== '/dev/outbox') {
      sendJson(req, res, 404, failure('UNKNOWN_FUNCTION'));
      return;
    }
    if (req.method !== 'GET') {
      req.resume();
      res.setHeader('Allow', 'GET');
      sendJson(req, res, 405, failure('METHOD_NOT_ALLOWED'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://local');
    const limit = Math.max(1, Math.min(200, Number(url.searchParams.get('limit')) || 50));
    const [messages, runs] = await Promise.all([outboxRepo(store).recent({ limit }), runsRepo(store).recent(10)]);
    sendJson(req, res, 200, { ok: true, data: { messages, runs } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0] || '/';
    if (pathname.startsWith('/dev/')) {
      await handleDev(req, res, pathname);
      return;
    }
    if (pathname === UPLOAD_ROUTE) {
      await handleUpload(req, res);
      return;
    }
    if (pathname.startsWith(FILES_ROUTE)) {
      // Same origin as the H5 build; a Taro dev server on another local port may draw them too.
      corsHeaders(req, res);
      await stored.serve(req, res, pathname);
      return;
    }
    if (pathname === '/cloud' || pathname.startsWith('/cloud/')) {
      const name = pathname.slice('/cloud/'.length);
      await handleCloud(req, res, /^[A-Za-z0-9_]+$/.test(name) ? name : '');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method Not Allowed');
      return;
    }
    const served = await files.serve(req, res, pathname);
    if (!served) {
      sendText(
        res,
        503,
        '<!doctype html><meta charset="utf-8"><title>政策算盘</title><p>H5 尚未构建：请先运行 <code>npm run build:h5</code>（或 <code>npm start</code>）。</p>',
        'text/html; charset=utf-8',
      );
    }
  }

  /** A start-up step that needs a damaged collection is skipped (the store has logged the damage). */
  async function unlessDamaged(step: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      if (!(err instanceof StoreDamagedError)) throw err;
      log.warn(`${step} skipped: collection "${err.collection}" is damaged`);
    }
  }

  /**
   * Loads every collection (a damaged one is logged now, and the others still serve), then
   * bootstraps admins (audited) and sample deadlines before the first request.
   */
  async function prepare(): Promise<void> {
    await store.openAll();
    const at = now().toISOString();
    const admins = options.admins ?? (process.env.LOCAL_ADMINS ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    for (const openid of admins) {
      if (!ADMIN_OPENID_RE.test(openid)) throw new Error(`LOCAL_ADMINS: invalid openid ${JSON.stringify(openid)}`);
    }
    await unlessDamaged('LOCAL_ADMINS', async () => {
      for (const openid of admins) {
        if (await adminsRepo(store).add({ _id: openid, addedAt: at, addedBy: 'bootstrap', note: 'LOCAL_ADMINS' })) {
          await auditRepo(store).append({ at, actor: 'bootstrap', action: 'admin.add', target: openid, summary: `本地启动时添加管理员 ${openid}（LOCAL_ADMINS）` });
          log.info(`admin added: ${openid} (LOCAL_ADMINS)`);
        }
      }
    });
    if (options.sampleDeadlines) {
      await unlessDamaged('sample deadlines', async () => {
        const added = await seedSamples(store, now());
        if (added > 0) log.info(`added ${added} sample deadline(s) (示例, local only)`);
      });
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A failure with a code (e.g. StoreDamagedError from GET /dev/outbox) is answered with it.
      if (err instanceof CloudFailure && isErrorCode(err.code) && !res.headersSent) {
        sendJson(req, res, HTTP_STATUS[err.code], toErrorEnvelope(err));
        return;
      }
      log.error(`request failed: ${req.method} ${req.url}`, {
        error: err instanceof Error ? err.message : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const isCloud = (req.url ?? '').startsWith('/cloud');
      if (isCloud) sendEnvelope(req, res, failure('INTERNAL'));
      else sendText(res, 500, '服务暂时不可用，请稍后再试');
    });
  });

  return {
    get url() {
      return url;
    },
    store,
    async listen() {
      await prepare();
      return new Promise<string>((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen(options.port ?? DEFAULT_PORT, host, () => {
          server.off('error', onError);
          const addr = server.address() as AddressInfo;
          const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          url = `http://${shownHost}:${addr.port}`;
          resolve(url);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
