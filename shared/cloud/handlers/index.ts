/**
 * Every cloud function's handler, by name (handlers). The mapped type HandlerMap makes a name in
 * CloudFunctions without a handler (or a handler with the wrong request/response types) a type error.
 *
 * A WeChat cloud function imports only its own handler file (so its bundle holds only what it
 * needs); the local cloud imports this map.
 */
import type { FunctionName } from '../api';
import type { Handler } from '../handler';
import { calculate } from './calculate';
import { deadlines } from './deadlines';
import { listStatus } from './listStatus';
import { qrcode } from './qrcode';
import { remind } from './remind';
import { screen } from './screen';
import { subscriptions } from './subscriptions';

export type HandlerMap = { [N in FunctionName]: Handler<N> };

export const handlers: HandlerMap = {
  calculate,
  deadlines,
  subscriptions,
  listStatus,
  remind,
  qrcode,
  screen,
};
