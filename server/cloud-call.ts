/**
 * POST /cloud/<name>: a call of a real cloud-function handler, as WeChat's cloud would make it —
 * the request body is the event (JSON, at most MAX_REQUEST_BYTES), the caller and the clock come
 * from the dev headers (./dev-headers.ts), the database is the local store, and the answer is the
 * handler's envelope. An unknown name is refused before anything else, then ./caller.ts's guard.
 *
 * Exports: addCloudCallRoutes, CloudCallDeps.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FunctionName } from '../shared/cloud/api';
import type { HandlerContext } from '../shared/cloud/context';
import { failure, MESSAGES } from '../shared/cloud/errors';
import { MAX_REQUEST_BYTES, runHandler, type Handler } from '../shared/cloud/handler';
import type { HandlerMap } from '../shared/cloud/handlers';
import { readJson } from '../shared/policy/engine';
import { postCaller } from './caller';
import { DEV_NOW_HEADER, DEV_TIMER_HEADER, devClock } from './dev-headers';
import { sendEnvelope } from './replies';

export interface CloudCallDeps {
  table: HandlerMap;
  /** What every call shares: the store, log, sender, env, wxacode and files (openid and now are per call). */
  context: Omit<HandlerContext, 'openid' | 'now'>;
  now: () => Date;
}

/** The function a path names, or null: `/cloud/<letters, digits, _>` as requested (not decoded), and in the table. */
function functionOf(table: HandlerMap, url: string): FunctionName | null {
  const pathname = url.split('?')[0];
  const name = pathname.startsWith('/cloud/') ? pathname.slice('/cloud/'.length) : '';
  return /^[A-Za-z0-9_]+$/.test(name) && Object.prototype.hasOwnProperty.call(table, name) ? (name as FunctionName) : null;
}

export function addCloudCallRoutes(app: FastifyInstance, deps: CloudCallDeps): void {
  async function knownFunction(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    return functionOf(deps.table, request.url) ? undefined : sendEnvelope(reply, failure('UNKNOWN_FUNCTION'));
  }

  async function call(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const fn = functionOf(deps.table, request.url) as FunctionName;
    // The same reading as the CLI's profile file: UTF-8 (BOM dropped), then JSON; a refusal names
    // the line and column in Chinese (请求不是有效的 JSON：第 3 行第 15 列：缺少逗号或右括号「}」).
    const json = readJson((request.body as Buffer | undefined) ?? Buffer.alloc(0));
    if (!json.ok) return sendEnvelope(reply, failure('INVALID_INPUT', `${MESSAGES.notJson}：${json.message}`));
    const clock = devClock(request.headers[DEV_NOW_HEADER], deps.now);
    if (!clock.ok) return sendEnvelope(reply, clock);
    const timer = request.headers[DEV_TIMER_HEADER] === '1';
    const ctx: HandlerContext = { ...deps.context, openid: timer ? null : request.openid, now: clock.now };
    return sendEnvelope(reply, await runHandler(fn, deps.table[fn] as Handler<FunctionName>, json.value, ctx));
  }

  // `/cloud` alone names no function: it gets the same 404 as an unknown name.
  for (const url of ['/cloud', '/cloud/*']) {
    app.route({
      method: app.supportedMethods,
      url,
      bodyLimit: MAX_REQUEST_BYTES,
      config: { tooLarge: MESSAGES.tooLarge },
      onRequest: [knownFunction, postCaller],
      handler: call,
    });
  }
}
