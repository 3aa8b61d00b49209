/**
 * Run in a child process by hostile.test.ts (bundled by test/support/child-script.ts, run by node --max-old-space-size=…): reads one
 * register the way the CLI does (screenFile) or the way the `screen` function's `open` does (the
 * handler itself, on an in-memory database and storage), and prints one line `RESULT {…}` with what
 * happened, the seconds it took (wall clock, and CPU: the process's threads, zlib's included) and the
 * process's peak resident memory (maxRSS, MB). The mode
 * `hang-open` / `hang-finish` stops inside the function's call after printing `HANGING`, for the
 * parent to kill it there: in open, the database never answers the look-up of a remembered column
 * mapping (made once the register lies in the call's temp folder, and awaited inside it — a stored
 * rows file is not awaited until the folder is gone, so hanging there raced the folder's removal);
 * in finish, storage never takes the result. Exports nothing (a script).
 */
import { readFileSync } from 'fs';
import { basename } from 'path';
import type { Envelope, ScreenResponse } from '../../../shared/cloud/api';
import type { DocumentStore, FileStore, HandlerContext } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { screen } from '../../../shared/cloud/handlers/screen';
import { adminsRepo } from '../../../shared/cloud/repos';
import { wxDocumentStore } from '../../../shared/cloud/wx-db';
import { screenFile } from '../../../shared/policy/screening';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { capturingLogger } from '../cloud/fakes';

const [mode, file, out, sheet] = process.argv.slice(2);
const started = performance.now();
const cpuStart = process.cpuUsage();
const short = (s: unknown) => (typeof s === 'string' && s.length > 300 ? `${s.slice(0, 300)}…(${s.length})` : s);

function report(result: Record<string, unknown>): void {
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

const ADMIN = 'oAdmin0000000000000000000001';
const PREFIX = 'cloud://env-1.7465/';

async function cloud(hangOn: 'open' | 'finish' | null): Promise<void> {
  const db = new FakeWxDatabase();
  const stored = new Map<string, Uint8Array>();
  let hang = false;
  const hanging = async (): Promise<never> => {
    process.stdout.write('HANGING\n');
    return new Promise<never>(() => undefined);
  };
  const store = wxDocumentStore(() => db);
  const hangingStore: DocumentStore = {
    collection: (name) => {
      const col = store.collection(name);
      return name === 'screenMappings' ? Object.assign(Object.create(col), { get: (id: string) => (hang ? hanging() : col.get(id)) }) : col;
    },
    transaction: (fn) => store.transaction(fn),
  };
  const files: FileStore = {
    async put(cloudPath, content) {
      if (hang && hangOn === 'finish') await hanging();
      stored.set(cloudPath, Uint8Array.from(content));
      return { fileID: `${PREFIX}${cloudPath}` };
    },
    async urlOf(fileID) {
      return stored.has(fileID.slice(PREFIX.length)) ? `https://x/${fileID.slice(PREFIX.length)}` : null;
    },
    async get(fileID) {
      return stored.get(fileID.slice(PREFIX.length)) ?? null;
    },
    async remove(fileIDs) {
      for (const id of fileIDs) stored.delete(id.slice(PREFIX.length));
    },
  };
  const ctx = (): HandlerContext => ({ openid: ADMIN, now: () => new Date('2026-12-06T04:00:00Z'), db: hangingStore, log: capturingLogger(), files });
  const call = (req: Record<string, unknown>) => runHandler('screen', screen, req, ctx()) as Promise<Envelope<ScreenResponse>>;
  await adminsRepo(wxDocumentStore(() => db)).add({ _id: ADMIN, addedAt: '2026-11-01T00:00:00Z', addedBy: 'console' });
  const bytes = readFileSync(file);
  const s = await call({ action: 'start', fileName: basename(file), size: bytes.byteLength });
  if (!s.ok || s.data.action !== 'start') return report({ ok: false, message: !s.ok && s.error.message });
  const { fileID } = await files.put(s.data.cloudPath, bytes, 'application/octet-stream');
  const jobId = s.data.job.jobId;
  hang = hangOn === 'open';
  const opened = await call({ action: 'open', jobId, fileID, ...(sheet ? { sheet } : {}) });
  if (!opened.ok || opened.data.action !== 'open') return report({ ok: false, message: short(!opened.ok && opened.error.message) });
  const job = opened.data.job;
  if (hangOn === null) return report({ ok: true, rows: job.rows, sheets: (opened.data as { sheets?: unknown }).sheets });
  for (let index = 0; index < job.chunks; index++) await call({ action: 'chunk', jobId, index });
  hang = true;
  await call({ action: 'finish', jobId });
}

async function main(): Promise<void> {
  if (mode === 'cli') {
    try {
      const r = await screenFile(file, out, sheet ? ({ sheet } as object) : {});
      report({ ok: true, rows: r.rows, refused: r.refused.map((x) => ({ row: x.row, name: short(x.name), messages: x.messages.map(short) })) });
    } catch (e) {
      report({ ok: false, message: short((e as Error).message), kind: (e as Error).constructor.name });
    }
  } else await cloud(mode === 'hang-open' ? 'open' : mode === 'hang-finish' ? 'finish' : null);
}

void main();
