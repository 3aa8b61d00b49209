/**
 * The one map of cloud function names → request/response types (CloudFunctions, FunctionName,
 * RequestOf, ResponseOf, FUNCTION_NAMES) and the envelope every function answers with (CloudError,
 * Envelope).
 */
import type { CalculateRequest, CalculateResponse } from './calculate';
import type { DeadlinesRequest, DeadlinesResponse } from './deadlines';
import type { ListStatusRequest, ListStatusResponse } from './list-status';
import type { QrcodeRequest, QrcodeResponse } from './qrcode';
import type { RemindRequest, RemindRunSummary } from './remind';
import type { ScreenRequest, ScreenResponse } from './screen';
import type { SubscriptionsRequest, SubscriptionsResponse } from './subscriptions';

export interface CloudFunctions {
  /** Validates a profile with the shared schema and returns the engine's result. Stores nothing. */
  calculate: {
    request: CalculateRequest;
    response: CalculateResponse;
  };
  /** Application windows per measure: anyone reads, admins write (audited). */
  deadlines: {
    request: DeadlinesRequest;
    response: DeadlinesResponse;
  };
  /** The caller's reminder subscriptions: record accepted templates, status, list, cancel. */
  subscriptions: {
    request: SubscriptionsRequest;
    response: SubscriptionsResponse;
  };
  /** Whether the 2022 list is still in force: anyone reads, admins set (audited). */
  listStatus: {
    request: ListStatusRequest;
    response: ListStatusResponse;
  };
  /**
   * The reminder timer (config.json trigger). Called without a user (timer) or by an admin; sends
   * due reminders exactly once and answers the run's summary.
   */
  remind: {
    request: RemindRequest;
    response: RemindRunSummary;
  };
  /** Anyone: the 小程序码 of a measure, an item or the home page, made once and kept in cloud storage. */
  qrcode: {
    request: QrcodeRequest;
    response: QrcodeResponse;
  };
  /** Admins (and park staff they added): screen a register into a result .xlsx kept in the caller's own storage folder. */
  screen: {
    request: ScreenRequest;
    response: ScreenResponse;
  };
}

export type FunctionName = keyof CloudFunctions;

export type RequestOf<N extends FunctionName> = CloudFunctions[N]['request'];

export type ResponseOf<N extends FunctionName> = CloudFunctions[N]['response'];

/** Every function answers with this envelope; an error never carries a stack trace. */
export interface CloudError {
  /** Stable machine code, e.g. 'INVALID_INPUT', 'UNKNOWN_FUNCTION', 'FORBIDDEN', 'INTERNAL'. */
  code: string;
  /** Chinese message for the user, naming the field where there is one. */
  message: string;
  /** Per-field problems, for inline messages. */
  fields?: { field: string; message: string }[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: CloudError };

/** Runtime list of names (the server routes and the bundler iterate over it). */
export const FUNCTION_NAMES: readonly FunctionName[] = ['calculate', 'deadlines', 'subscriptions', 'listStatus', 'remind', 'qrcode', 'screen'] as const;
