/**
 * The local cloud: one HTTP server on 127.0.0.1 (Fastify, routes in ./routes.ts) that serves the
 * H5 build and runs the real cloud-function handlers at POST /cloud/<name> (JSON request → JSON
 * Envelope), with an embedded persistent store (NeDB) in place of the WeChat cloud database, and a
 * folder in place of cloud storage (the codes `qrcode` makes, served at GET /files/<path>; see
 * files.ts, wxacode.ts). Dev-only: the caller's identity is the `x-dev-openid` header (default
 * 'dev-user-a'), never a field of the body.
 *
 * Exports: createServer, LocalCloud, LocalCloudOptions, DEFAULT_PORT, consoleServerLogger, and
 * for the tests and CLIs the names of ./dev-headers.ts and UPLOAD_MESSAGES.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../shared/cloud/context';
import { handlers as defaultHandlers, type HandlerMap } from '../shared/cloud/handlers';
import { bootstrap } from './bootstrap';
import { LocalFiles } from './files';
import { outboxSender } from './outbox';
import { buildRoutes } from './routes';
import { StaticFiles } from './static';
import { NedbStore } from './store';
import { localWxacode } from './wxacode';

export { DEFAULT_OPENID, DEV_NOW_HEADER, DEV_OPENID_HEADER, DEV_TIMER_HEADER, devClock, devOpenid } from './dev-headers';
export { UPLOAD_MESSAGES } from './upload';

export const DEFAULT_PORT = 10086;

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

export function createServer(options: LocalCloudOptions): LocalCloud {
  const log = options.log ?? consoleServerLogger();
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const store = new NedbStore(options.dataDir, { log });
  const env = options.env ?? process.env;
  let url = '';
  // `qrcode`: codes of the H5 links, stored under <dataDir>/files/ and served at /files/.
  const stored = new LocalFiles(path.join(options.dataDir, 'files'), () => url);
  const app = buildRoutes({
    table: { ...defaultHandlers, ...options.handlers },
    context: { db: store, log, sender: outboxSender(store, now), env, wxacode: localWxacode(() => url, env), files: stored },
    now,
    stored,
    site: new StaticFiles(options.staticDir),
    log,
  });

  return {
    get url() {
      return url;
    },
    store,
    async listen() {
      const admins = options.admins ?? (process.env.LOCAL_ADMINS ?? '').split(',').map((x) => x.trim()).filter(Boolean);
      await bootstrap(store, log, now(), admins, options.sampleDeadlines ?? false);
      await app.listen({ port: options.port ?? DEFAULT_PORT, host });
      const addr = app.server.address() as AddressInfo;
      const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      url = `http://${shownHost}:${addr.port}`;
      return url;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
