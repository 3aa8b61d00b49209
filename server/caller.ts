/**
 * The guard of every POST route (a function call, an upload), run before the body is read: a
 * preflight that CORS did not answer (no local origin) gets 204, any other method 405 with
 * Allow: POST, a malformed dev openid 400 — so none of them is weighed against the body limit.
 * The caller it reads is `request.openid` in the route.
 *
 * Exports: postCaller (an onRequest hook), and FastifyRequest's `openid`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { failure } from '../shared/cloud/errors';
import { DEV_OPENID_HEADER, devOpenid } from './dev-headers';
import { sendEnvelope } from './replies';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller (x-dev-openid, or the default dev user), set by postCaller. */
    openid: string;
  }
}

export async function postCaller(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.method === 'OPTIONS') return reply.code(204).send();
  if (request.method !== 'POST') return sendEnvelope(reply.header('Allow', 'POST'), failure('METHOD_NOT_ALLOWED'));
  const who = devOpenid(request.headers[DEV_OPENID_HEADER]);
  if (!who.ok) return sendEnvelope(reply, who);
  request.openid = who.openid;
  return undefined;
}
