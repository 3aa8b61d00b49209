/**
 * The engine as the end-to-end suites use it for their expected figures: a profile through the
 * shared schema, then `evaluate`. A profile the schema refuses is a mistake in the test, so it throws.
 */
import { evaluate, parseProfile, type EvaluateResult, type Profile } from '../../shared/policy/engine';

/** The profile as the schema reads it (throws with the schema's issues if it is not valid). */
export function parsed(profile: unknown): Profile {
  const p = parseProfile(profile);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.profile;
}

/** The engine on a profile (throws if the profile is not valid). */
export function engine(profile: unknown): EvaluateResult {
  return evaluate(parsed(profile));
}
