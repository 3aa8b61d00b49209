/**
 * The shape of a handler (Handler) and the one place requests are checked before a handler sees
 * them (checkRequest). Both shells — the WeChat cloud function and the local cloud — call
 * `runHandler`, so size limit, object check, the reserved `userInfo` field and error wrapping
 * behave the same in both.
 */
import { type Envelope, type FunctionName, MAX_REQUEST_BYTES, type RequestOf, type ResponseOf } from './api';
import type { HandlerContext } from './context';
import { failure, MESSAGES, toErrorEnvelope } from './errors';

/**
 * A request as it arrives: the fields the api map declares, each of unknown type — the client is
 * not trusted, so a handler validates every field it reads.
 */
export type Untrusted<T> = { [K in keyof T]?: unknown };

export type Handler<N extends FunctionName> = (
  request: Untrusted<RequestOf<N>>,
  ctx: HandlerContext,
) => Promise<Envelope<ResponseOf<N>>>;

export { MAX_REQUEST_BYTES } from './api';

/**
 * Fields WeChat adds to a cloud function's event. `userInfo` ({appId, openId}) is added on every
 * call from a mini-program; it is removed before validation, and no request type may use the name.
 */
export const RESERVED_EVENT_FIELDS = ['userInfo'] as const;

type ReservedFieldFree = {
  [N in FunctionName]: Extract<keyof RequestOf<N>, (typeof RESERVED_EVENT_FIELDS)[number]> extends never ? true : false;
};
// Compile-time check: a request type that declares `userInfo` makes this line a type error.
const reservedFieldFree: { [N in FunctionName]: true } = {} as ReservedFieldFree;
void reservedFieldFree;

export type RequestCheck =
  | { ok: true; request: Record<string, unknown> }
  | { ok: false; envelope: ReturnType<typeof failure> };

/** The event must be a plain JSON object of at most MAX_REQUEST_BYTES; reserved fields are dropped. */
export function checkRequest(event: unknown): RequestCheck {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    return { ok: false, envelope: failure('INVALID_INPUT', MESSAGES.notObject) };
  }
  let json: string;
  try {
    json = JSON.stringify(event);
  } catch {
    return { ok: false, envelope: failure('INVALID_INPUT', MESSAGES.notSerializable) };
  }
  if (utf8Length(json) > MAX_REQUEST_BYTES) {
    return { ok: false, envelope: failure('PAYLOAD_TOO_LARGE', MESSAGES.tooLarge) };
  }
  // A fresh copy: the handler cannot reach prototypes, getters or the caller's object. Being JSON,
  // it also has no -0 (JSON.stringify writes it as 0) — as WeChat's own transport delivers it; the
  // profile schema reads -0 as 0 too, so the CLI, which has no round trip, agrees.
  const request = JSON.parse(json) as Record<string, unknown>;
  for (const field of RESERVED_EVENT_FIELDS) delete request[field];
  return { ok: true, request };
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Checks the event, runs the handler, and turns anything thrown into an envelope. */
export async function runHandler<N extends FunctionName>(
  name: N,
  handler: Handler<N>,
  event: unknown,
  ctx: HandlerContext,
): Promise<Envelope<ResponseOf<N>>> {
  const checked = checkRequest(event);
  if (!checked.ok) return checked.envelope;
  try {
    return await handler(checked.request as Untrusted<RequestOf<N>>, ctx);
  } catch (err) {
    return toErrorEnvelope(err, (e) =>
      ctx.log.error(`cloud function ${name} failed`, {
        error: e instanceof Error ? e.message : String(e),
        stack: e instanceof Error ? e.stack : undefined,
      }),
    );
  }
}
