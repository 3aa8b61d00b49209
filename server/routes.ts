/**
 * The local cloud's routes on Fastify, and what is answered when a route cannot be:
 *   POST /cloud/<name>   a cloud function (./cloud-call.ts)
 *   POST /upload         a file into the caller's folder (./upload.ts)
 *   GET  /files/<path>   a stored file (./files.ts)
 *   GET  /dev/outbox     the local outbox and the latest reminder runs (./outbox.ts)
 *   GET  anything else   the H5 build (./static.ts), or a page saying how to build it (503)
 * The first four share CORS for a local dev server (./cors.ts), compression of JSON answers
 * (./replies.ts) and a body read as bytes, up to the route's limit (the route reads it). A body
 * over that limit is answered 413 with the route's message, then a lingering close (./linger.ts);
 * a CloudFailure thrown on the way is answered with its code; anything else is logged and answered
 * 500 (an envelope under /cloud, else text).
 *
 * Exports: buildRoutes, RouteDeps.
 */
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from '../shared/cloud/context';
import { CloudFailure, failure, HTTP_STATUS, isErrorCode, toErrorEnvelope } from '../shared/cloud/errors';
import { addCloudCallRoutes, type CloudCallDeps } from './cloud-call';
import { localCors } from './cors';
import { FILES_ROUTE, type LocalFiles } from './files';
import { lingerAfterAnswer } from './linger';
import { addOutboxRoute } from './outbox';
import { JSON_COMPRESSION, send, sendEnvelope, sendJson, textAnswer } from './replies';
import type { StaticFiles } from './static';
import { addUploadRoute } from './upload';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a body over the route's limit is answered (PAYLOAD_TOO_LARGE). */
    tooLarge?: string;
  }
}

export interface RouteDeps extends CloudCallDeps {
  stored: LocalFiles;
  site: StaticFiles;
  log: Logger;
}

const NO_BUILD_PAGE =
  '<!doctype html><meta charset="utf-8"><title>政策算盘</title><p>H5 尚未构建：请先运行 <code>npm run build:h5</code>（或 <code>npm start</code>）。</p>';

const pathOf = (url: string) => url.split('?')[0] || '/';
const isGetOrHead = (method: string) => method === 'GET' || method === 'HEAD';
const methodNotAllowed = (reply: FastifyReply) => send(reply.header('Allow', 'GET, HEAD'), textAnswer(405, 'Method Not Allowed'));

/** GET/HEAD of any path no route takes: the H5 build. */
async function site(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (!isGetOrHead(request.method)) return methodNotAllowed(reply);
  const answer = await deps.site.answer(pathOf(request.url), request.headers);
  return send(reply, answer ?? textAnswer(503, NO_BUILD_PAGE, 'text/html; charset=utf-8'));
}

/** A path the router cannot decode (bad %-encoding): what its route answers for a name it does not know. */
function undecodable(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const pathname = pathOf(request.url);
  if (pathname === '/cloud' || pathname.startsWith('/cloud/')) return sendEnvelope(reply, failure('UNKNOWN_FUNCTION'));
  if (pathname.startsWith('/dev/')) return sendJson(reply, 404, failure('UNKNOWN_FUNCTION'));
  if (pathname.startsWith(FILES_ROUTE)) return send(reply, textAnswer(404, 'Not Found'));
  if (!isGetOrHead(request.method)) return methodNotAllowed(reply);
  return send(reply, textAnswer(400, 'Bad Request'));
}

function answerError(deps: RouteDeps, err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // The client may still be sending: answer, then close the connection after the answer.
    lingerAfterAnswer(request.raw);
    return sendEnvelope(reply.header('Connection', 'close'), failure('PAYLOAD_TOO_LARGE', request.routeOptions.config.tooLarge));
  }
  // A body Fastify cannot take (a malformed Content-Type, a length other than declared).
  if (err.code?.startsWith('FST_') && typeof err.statusCode === 'number' && err.statusCode < 500) return sendEnvelope(reply, failure('INVALID_INPUT'));
  // A failure with a code (e.g. StoreDamagedError from GET /dev/outbox) is answered with it.
  if (err instanceof CloudFailure && isErrorCode(err.code)) return sendJson(reply, HTTP_STATUS[err.code], toErrorEnvelope(err));
  deps.log.error(`request failed: ${request.method} ${request.url}`, { error: err.message, stack: err.stack });
  if (request.url.startsWith('/cloud')) return sendEnvelope(reply, failure('INTERNAL'));
  return send(reply, textAnswer(500, '服务暂时不可用，请稍后再试'));
}

export function buildRoutes(deps: RouteDeps): FastifyInstance {
  const app = Fastify({
    // Node's own keep-alive (Fastify's default is 72 s); close() ends open connections too.
    keepAliveTimeout: 5000,
    forceCloseConnections: true,
    frameworkErrors: (err, request, reply) => (err.code === 'FST_ERR_BAD_URL' ? undecodable(request, reply) : send(reply, textAnswer(400, 'Bad Request'))),
  });
  // No parsing outside the routes below: a page path never reads a body.
  app.removeAllContentTypeParsers();
  app.setErrorHandler((err: FastifyError, request, reply) => answerError(deps, err, request, reply));
  app.setNotFoundHandler((request, reply) => site(deps, request, reply));

  app.register(async (api) => {
    await api.register(cors, localCors);
    await api.register(compress, JSON_COMPRESSION);
    // The routes read the body as bytes whatever type it declares (a function's is JSON by
    // definition): a missing, other or malformed Content-Type is read the same way.
    api.addHook('onRequest', async (request) => {
      delete request.headers['content-type'];
    });
    api.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    addCloudCallRoutes(api, deps);
    addUploadRoute(api, deps.stored);
    addOutboxRoute(api, deps.context.db);
    api.route({
      method: api.supportedMethods,
      url: `${FILES_ROUTE}*`,
      compress: false,
      handler: async (request, reply) => (isGetOrHead(request.method) ? send(reply, await deps.stored.answer(pathOf(request.url))) : methodNotAllowed(reply)),
    });
  });
  return app;
}
