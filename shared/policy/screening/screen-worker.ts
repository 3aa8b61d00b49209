/**
 * A screening worker thread's entry (parallel.ts; built beside the CLI as screen-worker.js): reads
 * the header it is given into the layout, then screens each batch of rows it receives with
 * screenRow — the same function a single thread uses — and answers each batch's lines and
 * refusals in order; at the end, its per-measure sums. Exports nothing.
 */
import { parentPort, workerData } from 'worker_threads';
import { catalog2022 } from '../engine';
import { readLayout } from './layout';
import { unpackRows, type BatchOutcome, type WorkerReply, type WorkerRequest, type WorkerSetup } from './parallel';
import { screenRow } from './screen-row';
import { MeasureTotals } from './totals';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const reading = readLayout(setup.header, catalog2022, setup.mapping);
if (!reading.ok) throw new Error(reading.message);
const layout = reading.layout;
const totals = new MeasureTotals(catalog2022);

port.on('message', (m: WorkerRequest) => {
  if ('done' in m) {
    port.postMessage({ totals: totals.toJSON() } satisfies WorkerReply);
    port.close();
    return;
  }
  const outcomes: BatchOutcome[] = [];
  for (const { row, cells } of unpackRows(m.rows)) {
    const out = screenRow(row, cells, layout, catalog2022);
    if (out.ok) {
      outcomes.push({ line: out.line });
      totals.add(out.result);
    } else outcomes.push({ refused: out.refused });
  }
  port.postMessage({ batch: m.batch, outcomes } satisfies WorkerReply);
});
