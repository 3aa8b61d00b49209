/**
 * The one reading of a profile: bytes → text (UTF-8, BOM dropped) → JSON (./read-json) → schema
 * (parseProfile). The CLI reads a file with `readProfile`; the local cloud reads a request body
 * with the same `readJson` and hands the object on; the calculate handler — in WeChat the request
 * arrives already parsed — starts at the object, with the same parseProfile. So the same bytes are
 * accepted with the same profile, or refused with the same Chinese message: one naming the line
 * and column (bytes that are not UTF-8 or not JSON), or one per field (the schema).
 *
 * Numbers: `-0` is read as 0 (the schema drops the sign of a zero amount; see schema.ts).
 */
import { catalog2022 } from './catalog';
import { readJson } from './read-json';
import { parseProfile, type FieldIssue } from './schema';
import type { Catalog, Profile } from './types';

export type ProfileReading =
  | { ok: true; profile: Profile }
  /** Not UTF-8 or not JSON: `message` names the line and column (`第 3 行第 15 列：…`). */
  | { ok: false; stage: 'json'; message: string }
  /** JSON, but not a profile: one Chinese message per field. */
  | { ok: false; stage: 'schema'; issues: FieldIssue[] };

/** A profile file's bytes (or its text) → the profile, or why not. */
export function readProfile(input: Uint8Array | string, catalog: Catalog = catalog2022): ProfileReading {
  const json = readJson(input);
  if (!json.ok) return { ok: false, stage: 'json', message: json.message };
  const parsed = parseProfile(json.value, catalog);
  return parsed.ok ? parsed : { ok: false, stage: 'schema', issues: parsed.issues };
}
