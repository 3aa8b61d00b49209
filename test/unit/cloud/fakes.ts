/** Test doubles for a handler's context. */
import type { Collection, DocumentStore, HandlerContext, Logger, StoredDoc } from '../../../shared/cloud/context';

export interface CapturingLogger extends Logger {
  entries: { level: string; message: string; meta?: Record<string, unknown> }[];
}

export function capturingLogger(): CapturingLogger {
  const entries: CapturingLogger['entries'] = [];
  return {
    entries,
    info: (message, meta) => entries.push({ level: 'info', message, meta }),
    warn: (message, meta) => entries.push({ level: 'warn', message, meta }),
    error: (message, meta) => entries.push({ level: 'error', message, meta }),
  };
}

/** A store whose every call fails: for handlers that must not store anything. */
export const forbiddenStore: DocumentStore = {
  collection<T extends StoredDoc>(name: string): Collection<T> {
    const no = () => Promise.reject(new Error(`unexpected db access to ${name}`));
    return { get: no, add: no, update: no, remove: no, find: no, updateIf: no };
  },
  transaction: () => Promise.reject(new Error('unexpected transaction')),
};

export function fakeContext(over: Partial<HandlerContext> = {}): HandlerContext {
  return {
    openid: 'o-test',
    now: () => new Date('2026-11-26T08:00:00Z'),
    db: forbiddenStore,
    log: capturingLogger(),
    ...over,
  };
}

export const CJK = /[\u4e00-\u9fff]/;
