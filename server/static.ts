/**
 * The H5 build's files, answering GET/HEAD of every path no other route takes: content types,
 * brotli/gzip for text when the client accepts it (compressed once per file version, kept in
 * memory, sent with its Content-Length), ETag/304, and cache headers — hashed asset names are
 * immutable, HTML is revalidated every time; a page path of the H5 router gets index.html.
 * Not @fastify/static: with @fastify/compress it compresses the file on every request as a chunked
 * stream (no Content-Length), and its preCompressed mode needs .br/.gz files beside the build,
 * which Taro does not write.
 *
 * Exports: StaticFiles.
 */
import { promises as fsp, type Stats } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import { textAnswer, type Answer } from './replies';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.txt', '.svg']);
/** Below this size compression does not pay. */
const MIN_COMPRESS_BYTES = 512;
/** A content hash in the file name (e.g. app.3f9a1c2e.js): the file never changes. */
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts (q-values honoured), by the negotiator @fastify/compress uses for the JSON answers. */
function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  return (negotiate((acceptEncoding ?? '').toLowerCase(), ['br', 'gzip']) as 'br' | 'gzip' | null) ?? 'identity';
}

/**
 * Brotli quality 9 (measured on the 217 KB H5 app.js: 68.5 KB in 78 ms; quality 11 gives 63.4 KB
 * but takes 0.8–1.6 s), gzip level 9; off the event loop, once per file version (cached).
 */
function compressFile(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(out));
    if (encoding === 'br') {
      const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length };
      zlib.brotliCompress(body, { params }, done);
    } else {
      zlib.gzip(body, { level: 9 }, done);
    }
  });
}

function cacheControlFor(file: string): string {
  if (file.endsWith('.html')) return 'no-cache';
  if (HASHED_NAME.test(path.basename(file))) return 'public, max-age=31536000, immutable';
  return 'public, max-age=300';
}

interface Cached {
  key: string;
  body: Promise<Buffer>;
}

export class StaticFiles {
  private readonly root: string;
  /** file path + encoding → compressed body of one version (size+mtime) of the file. */
  private readonly cache = new Map<string, Cached>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The absolute file for a URL path inside the root, or null (outside, or malformed). */
  resolve(urlPath: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(this.root, rel);
    if (file !== this.root && !file.startsWith(this.root + path.sep)) return null;
    return file;
  }

  private async statFile(file: string): Promise<Stats | null> {
    try {
      const st = await fsp.stat(file);
      return st.isFile() ? st : null;
    } catch {
      return null;
    }
  }

  /**
   * The answer to GET/HEAD `urlPath` (as requested, still URL-encoded). An unknown path without a
   * file extension gets index.html (the H5 router's pages); an unknown file (with extension) gets
   * 404. Null when nothing could be served (no build yet).
   */
  async answer(urlPath: string, headers: IncomingHttpHeaders): Promise<Answer | null> {
    const resolved = this.resolve(urlPath);
    if (resolved === null) return textAnswer(400, 'Bad Request');
    let file = resolved;
    let st = await this.statFile(file);
    if (!st) {
      if (path.extname(file) !== '' && !file.endsWith('.html')) return textAnswer(404, 'Not Found');
      file = path.join(this.root, 'index.html');
      st = await this.statFile(file);
      if (!st) return null;
    }

    const ext = path.extname(file).toLowerCase();
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const out: Answer['headers'] = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': cacheControlFor(file),
      ETag: etag,
      'Last-Modified': st.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    };
    const compressible = COMPRESSIBLE.has(ext) && st.size >= MIN_COMPRESS_BYTES;
    if (compressible) out.Vary = 'Accept-Encoding';

    if (headers['if-none-match'] === etag) return { status: 304, headers: out, body: Buffer.alloc(0) };

    const encoding = compressible ? negotiateEncoding(headers['accept-encoding']) : 'identity';
    if (encoding === 'identity') return { status: 200, headers: out, body: await fsp.readFile(file) };
    const key = `${st.size}:${st.mtimeMs}`;
    const cacheKey = `${file}\0${encoding}`;
    let hit = this.cache.get(cacheKey);
    if (!hit || hit.key !== key) {
      // Concurrent requests for the same file share one compression.
      hit = { key, body: fsp.readFile(file).then((raw) => compressFile(raw, encoding)) };
      this.cache.set(cacheKey, hit);
      hit.body.catch(() => this.cache.delete(cacheKey));
    }
    const body = await hit.body;
    return { status: 200, headers: { ...out, 'Content-Encoding': encoding }, body };
  }
}
