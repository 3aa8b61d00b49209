/**
 * How the local command-line tools (`npm run remind`, `npm run admin`) reach the local cloud:
 * through the running server when there is one (its data folder holds server.json), otherwise by
 * opening the NeDB store themselves — never both at once, since two processes appending to the
 * same NeDB datafiles would lose writes. Opening the store takes the folder's lock (./data-lock.ts):
 * a server still starting, or another CLI at work, makes this refuse, naming its pid.
 *
 * Exports: SERVER_FILE, CallAs, dataDirFromEnv, runningServer, LocalCaller, localCaller.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Envelope, FunctionName, RequestOf, ResponseOf } from '../shared/cloud/api';
import type { HandlerContext, Logger } from '../shared/cloud/context';
import { runHandler, type Handler } from '../shared/cloud/handler';
import { handlers } from '../shared/cloud/handlers';
import { DEV_NOW_HEADER, DEV_OPENID_HEADER, DEV_TIMER_HEADER, devClock } from './dev-headers';
import { lockDataDir } from './data-lock';
import { outboxSender } from './outbox';
import { NedbStore } from './store';

export const SERVER_FILE = 'server.json';

export interface CallAs {
  /** The caller's dev openid; null = no user (the timer). */
  openid: string | null;
  /** 'YYYY-MM-DD' (09:00 Beijing) or an ISO time. */
  now?: string;
}

export function dataDirFromEnv(): string {
  return path.resolve(process.env.LOCAL_CLOUD_DIR || '.local-cloud');
}

/** The running server's URL, if its server.json names a live process. */
export function runningServer(dataDir: string): string | null {
  const file = path.join(dataDir, SERVER_FILE);
  if (!existsSync(file)) return null;
  try {
    const { pid, url } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; url: string };
    process.kill(pid, 0); // throws if the process is gone
    return url;
  } catch {
    return null;
  }
}

const cliLogger: Logger = {
  info: () => {},
  warn: (m, meta) => console.warn(`warn: ${m}${meta ? ` ${JSON.stringify(meta)}` : ''}`),
  error: (m, meta) => console.error(`error: ${m}${meta ? ` ${JSON.stringify(meta)}` : ''}`),
};

export interface LocalCaller {
  call<N extends FunctionName>(name: N, request: RequestOf<N>, as: CallAs): Promise<Envelope<ResponseOf<N>>>;
  /** 'server <url>' or 'store <dir>'. */
  readonly via: string;
  /** The store when there is no running server (for bootstrap commands), else null. */
  readonly store: NedbStore | null;
  close(): Promise<void>;
}

export function localCaller(dataDir = dataDirFromEnv()): LocalCaller {
  const url = runningServer(dataDir);
  if (url) {
    return {
      via: `server ${url}`,
      store: null,
      async call(name, request, as) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (as.openid === null) headers[DEV_TIMER_HEADER] = '1';
        else headers[DEV_OPENID_HEADER] = as.openid;
        if (as.now) headers[DEV_NOW_HEADER] = as.now;
        const res = await fetch(`${url}/cloud/${name}`, { method: 'POST', headers, body: JSON.stringify(request) });
        return (await res.json()) as Envelope<ResponseOf<typeof name>>;
      },
      close: async () => {},
    };
  }
  const lock = lockDataDir(dataDir, `npm run ${path.basename(process.argv[1] ?? 'cli').replace(/\.[jt]s$/, '')}`);
  const store = new NedbStore(dataDir);
  const sender = outboxSender(store);
  return {
    via: `store ${dataDir}`,
    store,
    async call(name, request, as) {
      const clock = devClock(as.now, () => new Date());
      if (!clock.ok) return clock;
      const ctx: HandlerContext = { openid: as.openid, now: clock.now, db: store, log: cliLogger, sender, env: process.env };
      return runHandler(name, handlers[name] as Handler<typeof name>, request, ctx);
    },
    close: async () => {
      try {
        await store.close();
      } finally {
        lock.release();
      }
    },
  };
}
