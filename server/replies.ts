/**
 * How the local cloud writes its answers. A function's answer is always the envelope as JSON, its
 * HTTP status following the envelope (200 ok, else by error code: 400 INVALID_INPUT, 404
 * UNKNOWN_FUNCTION, 413 PAYLOAD_TOO_LARGE, 500 INTERNAL …), never kept by a browser; JSON answers of
 * 1 KB and more are compressed (brotli quality 4, else gzip) when the client accepts it. Files and
 * plain-text refusals are an Answer: status, headers and body.
 *
 * Exports: Answer, textAnswer, send, sendJson, sendEnvelope, JSON_COMPRESSION.
 */
import type { FastifyCompressOptions } from '@fastify/compress';
import type { FastifyReply } from 'fastify';
import type { Envelope } from '../shared/cloud/api';
import { HTTP_STATUS, isErrorCode } from '../shared/cloud/errors';

export interface Answer {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer;
}

/** A plain-text (or the 503 page's HTML) answer, never cached. */
export function textAnswer(status: number, text: string, contentType = 'text/plain; charset=utf-8'): Answer {
  return { status, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' }, body: Buffer.from(text, 'utf8') };
}

export function send(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}

/**
 * @fastify/compress for the JSON answers: from 1 KB, br (quality 4: a JSON answer is compressed per
 * request) or gzip (level 6), by the client's Accept-Encoding; a request body is read as sent.
 */
const MIN_COMPRESS_JSON = 1024;
export const JSON_COMPRESSION: FastifyCompressOptions = {
  threshold: MIN_COMPRESS_JSON,
  encodings: ['br', 'gzip'],
  globalDecompression: false,
};

export function sendJson(reply: FastifyReply, status: number, payload: unknown): FastifyReply {
  const body = JSON.stringify(payload);
  // It could have been compressed: a cache must not hand it to a client that accepts otherwise.
  if (Buffer.byteLength(body) >= MIN_COMPRESS_JSON) {
    const vary = reply.getHeader('Vary');
    reply.header('Vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
  }
  return reply
    .code(status)
    .header('Content-Type', 'application/json; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(body);
}

export function sendEnvelope(reply: FastifyReply, env: Envelope<unknown>): FastifyReply {
  const status = env.ok ? 200 : isErrorCode(env.error.code) ? HTTP_STATUS[env.error.code] : 400;
  return sendJson(reply, status, env);
}
