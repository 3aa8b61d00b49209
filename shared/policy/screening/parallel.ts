/**
 * Screening on worker threads (issue 24, item 3): the main thread reads the register in order and
 * writes result.xlsx; each worker (screen-worker.ts) takes batches of rows through the schema, the
 * engine and the row's words (screenRow) and keeps its own per-measure sums, handed back at the end
 * and merged (exact decimal sums and counts: the same figures whichever worker added which row).
 * Lines and refusals are written in the file's order, so result.xlsx is cell for cell the one a
 * single thread writes (test/unit/screen/workers.test.ts). Workers load catalog2022 themselves (a
 * catalog's rules cannot be posted to a thread) and read the header into the same layout.
 * screenInWorkers runs it; WorkerSetup, WorkerRequest, WorkerReply and BatchOutcome are the messages,
 * a batch of rows going as PackedRows (packRows, unpackRows).
 */
import { Worker } from 'worker_threads';
import type { ColumnMapping } from './header-match';
import type { TableRow } from './read-table';
import type { MeasureTotals, TotalsJson } from './totals';
import type { RefusedRow, ScreenedLine } from './write-result';

/** Rows per message: large enough that posting costs little per row, small enough to keep both threads busy. */
const BATCH_ROWS = 200;
/** Batches waiting or being screened per worker: a worker never waits for the reader, and memory stays bounded. */
const IN_FLIGHT = 3;

export interface WorkerSetup {
  /** The register's header row: each worker reads it into the same layout. */
  header: string[];
  /** The columns as the person confirmed them, when they did. */
  mapping?: ColumnMapping;
}
export type WorkerRequest = { batch: number; rows: PackedRows } | { done: true };

/**
 * A batch of rows as posted to a worker: for each row its number, its count of cells, then each
 * filled cell's position and text, then -1. A register row fills about 15 of its ~150 cells, and
 * copying the empty ones between threads cost more than the rest (issue 24, item 3: 2.5× the time
 * of posting the rows as they are read).
 */
export type PackedRows = (number | string)[];

export function packRows(rows: TableRow[]): PackedRows {
  const out: PackedRows = [];
  for (const { row, cells } of rows) {
    out.push(row, cells.length);
    for (let i = 0; i < cells.length; i++) if (cells[i] !== '') out.push(i, cells[i]);
    out.push(-1);
  }
  return out;
}

export function unpackRows(packed: PackedRows): TableRow[] {
  const rows: TableRow[] = [];
  let k = 0;
  while (k < packed.length) {
    const row = packed[k++] as number;
    const cells = new Array<string>(packed[k++] as number).fill('');
    for (let i = packed[k++]; i !== -1; i = packed[k++]) cells[i as number] = packed[k++] as string;
    rows.push({ row, cells });
  }
  return rows;
}
export type BatchOutcome = { line: ScreenedLine } | { refused: RefusedRow };
export type WorkerReply = { batch: number; outcomes: BatchOutcome[] } | { totals: TotalsJson };

export interface WorkerSink {
  line(line: ScreenedLine): void;
  refused(row: RefusedRow): void;
  /** Rows written so far (screened or refused). */
  progress(rows: number): void;
  /** Until the result's writer has taken the lines given so far (write-result.ts: drained). */
  drained?(): Promise<void>;
}

/**
 * Screens `rows` on `workers` threads running `workerFile` (the built screen-worker.js), handing each
 * outcome to `sink` in the file's order and the workers' sums to `totals`. Returns the rows read.
 */
export async function screenInWorkers(
  header: string[],
  rows: AsyncIterable<TableRow>,
  workerFile: string,
  workers: number,
  sink: WorkerSink,
  totals: MeasureTotals,
  mapping?: ColumnMapping,
): Promise<number> {
  const setup: WorkerSetup = { header, ...(mapping ? { mapping } : {}) };
  const pool = Array.from({ length: workers }, () => new Worker(workerFile, { workerData: setup }));
  const inFlight = pool.map(() => 0);
  const ready = new Map<number, BatchOutcome[]>();
  const sums: TotalsJson[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const nextEvent = () => new Promise<void>((resolve) => (wake = resolve));
  pool.forEach((worker, i) => {
    worker.on('message', (m: WorkerReply) => {
      if ('outcomes' in m) {
        inFlight[i] -= 1;
        ready.set(m.batch, m.outcomes);
      } else sums.push(m.totals);
      notify();
    });
    worker.on('error', (e) => {
      failure ??= e;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`screening worker stopped (exit ${code})`);
      notify();
    });
  });

  let written = 0;
  let next = 0;
  let sent = 0;
  const flush = () => {
    for (let out = ready.get(next); out; out = ready.get(next)) {
      for (const o of out) {
        if ('line' in o) sink.line(o.line);
        else sink.refused(o.refused);
      }
      written += out.length;
      ready.delete(next);
      next += 1;
      sink.progress(written);
    }
  };
  const send = async (batch: TableRow[]) => {
    for (;;) {
      if (failure) throw failure;
      flush();
      await sink.drained?.();
      let i = 0;
      for (let j = 1; j < pool.length; j++) if (inFlight[j] < inFlight[i]) i = j;
      if (inFlight[i] < IN_FLIGHT) {
        pool[i].postMessage({ batch: sent, rows: packRows(batch) } satisfies WorkerRequest);
        sent += 1;
        inFlight[i] += 1;
        return;
      }
      await nextEvent();
    }
  };

  try {
    let read = 0;
    let batch: TableRow[] = [];
    for await (const r of rows) {
      read += 1;
      batch.push(r);
      if (batch.length === BATCH_ROWS) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    for (;;) {
      if (failure) throw failure;
      flush();
      if (next === sent) break;
      await nextEvent();
    }
    for (const w of pool) w.postMessage({ done: true } satisfies WorkerRequest);
    while (sums.length < pool.length) {
      if (failure) throw failure;
      await nextEvent();
    }
    for (const s of sums) totals.merge(s);
    return read;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
