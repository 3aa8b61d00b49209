/**
 * Uploads over MAX_REQUEST_BYTES: whether the body is declared (Content-Length) or streamed
 * (Transfer-Encoding: chunked), the client always reads a 413 JSON envelope — never a connection
 * reset (ECONNRESET / EPIPE) before the response — and the server closes the connection.
 */
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { MESSAGES } from '../../../shared/cloud/errors';
import { MAX_REQUEST_BYTES, type Handler } from '../../../shared/cloud/handler';
import { createServer, type LocalCloud } from '../../../server';
import { capturingLogger } from '../cloud/fakes';
import { tempDir } from './tmp';

let tmp: ReturnType<typeof tempDir>;
let cloud: LocalCloud;
let called = 0;

/** Must never run: every upload here is over the limit. */
const spy: Handler<'calculate'> = async () => {
  called += 1;
  return { ok: true, data: {} as never };
};

beforeAll(async () => {
  tmp = tempDir('body-limit');
  cloud = createServer({ port: 0, dataDir: path.join(tmp.dir, 'data'), staticDir: path.join(tmp.dir, 'h5'), log: capturingLogger(), handlers: { calculate: spy } });
  await cloud.listen();
});

afterAll(async () => {
  await cloud.close();
  tmp.cleanup();
});

interface Outcome {
  size: number;
  chunked: boolean;
  status?: number;
  connection?: string;
  body?: string;
  /** A client error before the whole response was read (the defect: ECONNRESET / EPIPE). */
  early?: string;
}

type Pace = 'drain' | 'immediate' | 'timer';

/**
 * POSTs `size` bytes, `chunk` bytes per write, the whole body even when the answer comes early —
 * as most clients do. `pace`: write again on 'drain' only when the buffer is full, or after each
 * write on the next turn of the event loop (setImmediate) or a 1 ms timer — a client that produces
 * its body as it goes. Chunked = no Content-Length.
 */
function upload(url: string, size: number, chunk: number, chunked: boolean, pace: Pace = 'drain'): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { size, chunked };
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = size;
    const req = http.request(`${url}/cloud/calculate`, { method: 'POST', headers, agent: false }, (res) => {
      outcome.status = res.statusCode;
      outcome.connection = res.headers.connection;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        outcome.body = Buffer.concat(parts).toString('utf8');
        settle();
      });
      res.on('error', (err: NodeJS.ErrnoException) => {
        outcome.early = err.code ?? err.message;
        settle();
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // After the whole response was read, a reset on the rest of the upload is harmless.
      if (outcome.body === undefined) outcome.early = err.code ?? err.message;
      settle();
    });
    const piece = Buffer.alloc(chunk, 0x20);
    let sent = 0;
    const step = (): void => {
      if (req.destroyed) return;
      if (sent >= size) {
        req.end();
        return;
      }
      const n = Math.min(chunk, size - sent);
      sent += n;
      const drained = req.write(piece.subarray(0, n));
      if (pace === 'immediate') setImmediate(step);
      else if (pace === 'timer') setTimeout(step, 1);
      else if (drained) step();
      else req.once('drain', step);
    };
    step();
  });
}

/** Runs the uploads `width` at a time. */
async function all(jobs: (() => Promise<Outcome>)[], width: number): Promise<Outcome[]> {
  const results: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

const KB = 1024;
const SIZES = (n: number) => Array.from({ length: n }, (_, i) => 65 * KB + Math.round((i * (2 * KB * KB - 65 * KB)) / (n - 1)));
const CHUNKS = [4 * KB, 16 * KB, 64 * KB, 100 * KB];
const PACES: Pace[] = ['immediate', 'drain', 'timer'];

function failures(results: Outcome[]): string[] {
  return results
    .filter((r) => r.early || r.status !== 413 || !isTooLarge(r.body) || r.connection !== 'close')
    .map((r) => `${r.chunked ? 'chunked' : 'content-length'} ${r.size} B → ${r.early ?? `${r.status} ${r.connection} ${r.body}`}`);
}

function isTooLarge(body: string | undefined): boolean {
  try {
    const env = JSON.parse(body ?? '');
    return env.ok === false && env.error.code === 'PAYLOAD_TOO_LARGE' && env.error.message === MESSAGES.tooLarge;
  } catch {
    return false;
  }
}

describe('uploads over the limit', () => {
  it('80 chunked uploads (65 KB – 2 MB, no Content-Length) all get the 413 envelope, no reset', async () => {
    const sizes = SIZES(80);
    const results = await all(
      sizes.map((size, i) => () => upload(cloud.url, size, CHUNKS[i % CHUNKS.length], true, PACES[i % PACES.length])),
      8,
    );
    expect(failures(results)).toEqual([]);
    expect(called).toBe(0);
  }, 60_000);

  it('40 uploads with Content-Length (65 KB – 2 MB) all get the 413 envelope, no reset', async () => {
    const sizes = SIZES(40);
    const results = await all(
      sizes.map((size, i) => () => upload(cloud.url, size, CHUNKS[i % CHUNKS.length], false, PACES[i % PACES.length])),
      8,
    );
    expect(failures(results)).toEqual([]);
    expect(called).toBe(0);
  }, 60_000);

  it('the server keeps serving after them: a small request on a new connection is answered', async () => {
    const res = await upload(cloud.url, 10, 10, true);
    expect(res.early).toBeUndefined();
    expect(res.status).toBe(400); // 10 spaces are not JSON — but it was read and answered
  });

  it('a raw client that never stops sending gets the 413, then the server closes the connection within a few seconds', async () => {
    const { port } = new URL(cloud.url);
    const started = Date.now();
    const { head, closedAfter } = await new Promise<{ head: string; closedAfter: number }>((resolve) => {
      // allowHalfOpen: it goes on sending after the server's FIN, as a stubborn client would.
      const socket = net.connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true });
      let received = '';
      socket.on('data', (c: Buffer) => (received += c.toString('utf8')));
      socket.on('error', () => undefined); // the server may reset what it no longer reads, after the answer
      socket.write('POST /cloud/calculate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
      const piece = Buffer.concat([Buffer.from('2000\r\n'), Buffer.alloc(0x2000, 0x20), Buffer.from('\r\n')]);
      const timer = setInterval(() => {
        if (socket.writable) socket.write(piece);
      }, 5);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ head: received, closedAfter: Date.now() - started });
      });
    });
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head).toMatch(/\r\nConnection: close\r\n/i);
    expect(head).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(closedAfter).toBeGreaterThan(1000); // it lingered, reading and dropping
    expect(closedAfter).toBeLessThan(5000);
  }, 10_000);

  it('the limit is MAX_REQUEST_BYTES: one byte over a chunked body is refused', async () => {
    const res = await upload(cloud.url, MAX_REQUEST_BYTES + 1, 16 * KB, true);
    expect(failures([res])).toEqual([]);
  });
});
