/**
 * The cloud API's contracts — the entry that pages (through src/services/cloud.ts and friends, by
 * way of @cloud-api) and cloud functions (through their handlers) both import, so a name or a
 * payload shape cannot drift between the two sides. One file per concept: the map of functions and
 * the envelope (functions.ts), one contract per function (calculate, deadlines, subscriptions,
 * remind, list-status, qrcode, screen), how much the cloud takes (limits.ts), what an openid may be
 * (openid.ts), the local cloud's headers (dev-headers.ts), what users read for a state (labels.ts)
 * and the date string (date-string.ts).
 *
 * Functions with several operations (`deadlines`, `subscriptions`) take an `action` and answer with
 * the same `action`, so a caller narrows the response with `if (env.ok && env.data.action === 'list')`.
 */
export * from './functions';
export * from './calculate';
export * from './deadlines';
export * from './subscriptions';
export * from './remind';
export * from './list-status';
export * from './qrcode';
export * from './screen';
export * from './limits';
export * from './dev-headers';
export * from './labels';
export * from './date-string';
export * from './openid';
