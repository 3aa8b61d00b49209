/**
 * The body of every WeChat cloud function (makeCloudMain): identity from wx-server-sdk (openidOf,
 * over the WxCloud it is given), the database adapter, the clock, a console logger, the openapi and
 * storage adapters, then `runHandler`. cloudfunctions/<name>/index.ts is three lines around it.
 */
import type { Envelope, FunctionName, ResponseOf } from './api';
import type { HandlerContext, Logger } from './context';
import { toErrorEnvelope } from './errors';
import { runHandler, type Handler } from './handler';
import { wxSender, type WxOpenapi } from './remind/wx-sender';
import { wxDocumentStore, type WxDatabase } from './wx-db';
import { wxFiles, type WxStorage } from './wx-files';
import { wxWxacode, type WxOpenapiWxacode } from './wxacode';

/** The part of wx-server-sdk the shell uses (after `cloud.init`). */
export interface WxCloud {
  getWXContext(): { OPENID?: unknown };
  database(): unknown;
  /** Cloud calls of WeChat's openapi; each function may use those its config.json declares. */
  openapi?: unknown;
  /** Cloud storage (wx-files.ts); `qrcode` and `screen` use it. */
  uploadFile?: WxStorage['uploadFile'];
  getTempFileURL?: WxStorage['getTempFileURL'];
  downloadFile?: WxStorage['downloadFile'];
  deleteFile?: WxStorage['deleteFile'];
}

/** OPENID as WeChat sets it for this invocation; anything but a non-empty string means no user. */
export function openidOf(cloud: WxCloud): string | null {
  const id = cloud.getWXContext().OPENID;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** One JSON line per entry; WeChat's cloud console shows a function's stdout/stderr. */
export function consoleLogger(scope: string): Logger {
  const write = (level: string, message: string, meta?: Record<string, unknown>) => {
    const line = JSON.stringify({ level, scope, message, ...meta });
    if (level === 'error') console.error(line);
    else console.log(line);
  };
  return {
    info: (m, meta) => write('info', m, meta),
    warn: (m, meta) => write('warn', m, meta),
    error: (m, meta) => write('error', m, meta),
  };
}

export function makeCloudMain<N extends FunctionName>(
  name: N,
  handler: Handler<N>,
  cloud: WxCloud,
  options: { now?: () => Date; log?: Logger } = {},
): (event: unknown) => Promise<Envelope<ResponseOf<N>>> {
  const log = options.log ?? consoleLogger(name);
  const now = options.now ?? (() => new Date());
  // A collection this function writes is created on its first write, audited as this function's act.
  const db = wxDocumentStore(() => cloud.database() as WxDatabase, { actor: `function:${name}`, now, log });
  // Only `remind` sends (and only its config.json grants subscribeMessage.send).
  const sender = wxSender(() => cloud.openapi as WxOpenapi);
  // Only `qrcode` makes codes (and only its config.json grants wxacode.getUnlimited); `qrcode` and `screen` store files.
  const wxacode = wxWxacode(() => cloud.openapi as WxOpenapiWxacode);
  const { uploadFile, getTempFileURL, downloadFile, deleteFile } = cloud;
  const missing = () => Promise.reject(new Error('this wx-server-sdk has no such storage call'));
  const files =
    typeof uploadFile === 'function' && typeof getTempFileURL === 'function'
      ? wxFiles(() => ({
          uploadFile: (p) => uploadFile.call(cloud, p),
          getTempFileURL: (p) => getTempFileURL.call(cloud, p),
          downloadFile: (p) => (typeof downloadFile === 'function' ? downloadFile.call(cloud, p) : missing()),
          deleteFile: (p) => (typeof deleteFile === 'function' ? deleteFile.call(cloud, p) : missing()),
        }), log)
      : undefined;
  return async (event: unknown) => {
    try {
      // Read per invocation: WeChat sets the caller's context in the environment of each call.
      // The event's own fields (openid, userInfo, …) are never consulted.
      const ctx: HandlerContext = { openid: openidOf(cloud), now, db, log, sender, env: process.env, wxacode, files };
      return await runHandler(name, handler, event, ctx);
    } catch (err) {
      return toErrorEnvelope(err, (e) => log.error(`cloud function ${name}: shell failed`, { error: String(e) }));
    }
  };
}
