/** fast-check arbitraries for valid profiles, derived from the catalog's fact definitions. */
import fc from 'fast-check';
import { catalog2022, type FactDef, type FactValue, type Profile } from '../../../shared/policy';

const tri = fc.constantFrom<true | false | 'unknown'>(true, false, 'unknown');

/** Amounts in the fact's unit: mostly realistic sizes, sometimes 0 or exact thresholds' neighbourhoods. */
export function factValue(f: FactDef): fc.Arbitrary<FactValue> {
  switch (f.type) {
    case 'flag':
      return tri;
    case 'choice':
      return fc.constantFrom(...f.options.map((o) => o.value), 'unknown');
    case 'amount':
      if (f.integer) return fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant('unknown'));
      return fc.oneof(
        fc.integer({ min: 0, max: 200000 }),
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
        // typed text, as the questionnaire sends it
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 1000).toFixed(3)),
        fc.constantFrom(0, 1000, 2000, 50000, 10000, 100000, 'unknown'),
      );
  }
}

function factsOf(defs: FactDef[]): fc.Arbitrary<Record<string, FactValue>> {
  return fc.record(Object.fromEntries(defs.map((f) => [f.id, factValue(f)])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, FactValue>
  >;
}

const measureFacts = catalog2022.measures.flatMap((m) => m.facts);
const repeats = catalog2022.measures.flatMap((m) => m.items).filter((i) => i.repeat);

export const profileArb: fc.Arbitrary<Profile> = fc.record(
  {
    version: fc.constant(1 as const),
    entity: fc.constantFrom<'enterprise' | 'park'>('enterprise', 'enterprise', 'park'),
    sme: tri,
    region: fc.record({ poverty: tri, oldRevolutionary: tri }, { requiredKeys: [] }),
    facts: factsOf(measureFacts),
    projects: fc.record(
      Object.fromEntries(
        repeats.map((i) => [i.id, fc.array(factsOf(i.repeat!.facts).map((facts) => ({ facts })), { maxLength: 3 })]),
      ),
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['version', 'entity'] },
) as fc.Arbitrary<Profile>;
