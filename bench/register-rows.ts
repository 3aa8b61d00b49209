/**
 * registerRows: the rows of a filled screening table for the screening benchmarks (bench/screen.ts,
 * bench/cloud-screen.ts) — `count` seeded questionnaire-like profiles, each validated by the shared
 * schema, written as the template's columns (numbers as numbers for .xlsx, as text for .csv).
 */
import { catalog2022, parseProfile } from '../shared/policy/engine';
import { profileRow, screenColumns } from '../shared/policy/screening';
import { rng } from '../test/fakes/simulate';
import { questionnaireProfile } from './profiles';

export function* registerRows(count: number, numbers: boolean) {
  const columns = screenColumns(catalog2022);
  const r = rng(3);
  for (let i = 0; i < count; i++) {
    const parsed = parseProfile(questionnaireProfile(r));
    if (!parsed.ok) throw new Error(`generated profile ${i} is invalid`);
    yield profileRow(`企业 ${i + 1}`, parsed.profile, columns, { numbers });
  }
}
