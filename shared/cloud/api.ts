/**
 * The one map of cloud function names → request/response types. Pages (through
 * src/services/cloud.ts) and cloud functions (through their handlers) both import it, so a name or
 * a payload shape cannot drift between the two sides.
 */
import type { EvaluateResult } from '../policy/types';

export interface CloudFunctions {
  /** Validates a profile with the shared schema and returns the engine's result. Stores nothing. */
  calculate: {
    request: { profile: unknown };
    response: EvaluateResult;
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
export const FUNCTION_NAMES: readonly FunctionName[] = ['calculate'] as const;
