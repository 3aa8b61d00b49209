/**
 * The `calculate` function's contract: CalculateRequest (a profile, validated by the function with
 * the shared schema) and CalculateResponse (the engine's result, with the VersionStamp of the code
 * and catalog that made it — optional, since a function deployed before issue 26 sends none).
 */
import type { EvaluateResult, VersionStamp } from '../../policy/engine';

/** Any JSON: the function validates it with the shared schema and names each bad field. */
export interface CalculateRequest {
  profile: unknown;
}

export type CalculateResponse = EvaluateResult & { version?: VersionStamp };
