/**
 * The `calculate` function's contract: CalculateRequest (a profile, validated by the function with
 * the shared schema) and CalculateResponse (the engine's result).
 */
import type { EvaluateResult } from '../../policy/engine';

/** Any JSON: the function validates it with the shared schema and names each bad field. */
export interface CalculateRequest {
  profile: unknown;
}

export type CalculateResponse = EvaluateResult;
