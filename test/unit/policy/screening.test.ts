/**
 * The screening run (`evaluate(profile, catalog, { explain: false })`, what `npm run screen` and the
 * `screen` function use for a register) against the full evaluation, on 10 000 random valid
 * profiles: the same items in the same order, and for each the same status, kind, figures, reason,
 * hints, alternatives and entries, and the same totals — figure for figure. The only difference
 * allowed is the working: a screening result builds no stages (a result shared by every profile,
 * frozen, keeps the ones it was built with).
 *
 * The profiles are the property tests' (any valid profile; profiles that claim items through their
 * formula) and the benchmark's questionnaire-like ones (topics chosen, projects entered). The counts
 * at the end assert that the cases reached what differs between the two runs: items computed with
 * a working, several projects summed, answers assumed both ways, a shared yearly cap applied.
 * PROPERTY_COUNTS=1 prints the counts.
 */
import fc from 'fast-check';
import { evaluate, parseProfile, type EvaluateResult, type ItemResult, type Profile, catalog2022 } from '../../../shared/policy/engine';
import { rng } from '../../fakes/simulate';
import { questionnaireProfile } from '../../../bench/profiles';
import { claimingProfileArb, profileArb } from './arbitraries';

const RUNS = 10_000;

const questionnaireArb: fc.Arbitrary<Profile> = fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => questionnaireProfile(rng(seed)));
const anyProfile = fc.oneof(profileArb, claimingProfileArb, questionnaireArb);

/** A result without its working: everything the screening run must give exactly as the full one. */
function figures(res: EvaluateResult): unknown {
  return { ...res, items: res.items.map(({ stages: _stages, ...rest }) => rest) };
}

/** A screening item either is a shared (frozen) result or carries no working. */
const builtNoWorking = (r: ItemResult) => Object.isFrozen(r) || r.stages.length === 0;

describe('the screening run gives the full evaluation’s figures without building the working', () => {
  it(`agrees figure for figure on ${RUNS.toLocaleString('en')} random profiles`, () => {
    const n: Record<string, number> = {};
    const hit = (k: string, yes: boolean) => void (yes && (n[k] = (n[k] ?? 0) + 1));
    let mismatch: { profile: Profile; full: unknown; screen: unknown } | undefined;
    let working: { profile: Profile; item: ItemResult } | undefined;

    fc.assert(
      fc.property(anyProfile, (raw) => {
        const parsed = parseProfile(raw);
        if (!parsed.ok) throw new Error(`generated profile invalid: ${parsed.issues[0].message}`);
        const profile = parsed.profile;
        const full = evaluate(profile, catalog2022);
        const screen = evaluate(profile, catalog2022, { explain: false });
        const a = JSON.stringify(figures(full));
        const b = JSON.stringify(figures(screen));
        if (a !== b) mismatch ??= { profile, full: figures(full), screen: figures(screen) };
        const built = screen.items.find((r) => !builtNoWorking(r));
        if (built) working ??= { profile, item: built };

        const computed = full.items.filter((r) => !Object.isFrozen(r) && r.stages.length > 0);
        hit('profiles with an item computed with a working', computed.length > 0);
        hit('profiles with money in the total', full.total.max !== '0.00');
        hit('profiles with several projects summed', computed.some((r) => r.stages.some((s) => s.step === 'sum')));
        hit('profiles with an answer assumed both ways', computed.some((r) => r.alternatives.length > 0));
        hit('profiles with a shared yearly cap applied', computed.some((r) => r.stages.some((s) => s.step === 'groupCap')));
        hit('profiles with a near miss', full.items.some((r) => r.hints.length > 0));
        return a === b && !built;
      }),
      { numRuns: RUNS, seed: 20261201 },
    );

    // Readable failures (the property above already failed if either is set).
    expect(mismatch).toBeUndefined();
    expect(working).toBeUndefined();

    if (process.env.PROPERTY_COUNTS) console.log(n);
    const atLeast = (k: string, share: number) => {
      const got = n[k] ?? 0;
      expect({ [k]: got >= share * RUNS ? 'enough' : `${got} of ${RUNS}, fewer than ${Math.ceil(share * RUNS)}` }).toEqual({ [k]: 'enough' });
    };
    atLeast('profiles with an item computed with a working', 0.6);
    atLeast('profiles with money in the total', 0.4);
    atLeast('profiles with several projects summed', 0.1);
    atLeast('profiles with an answer assumed both ways', 0.2);
    atLeast('profiles with a shared yearly cap applied', 0.01);
    atLeast('profiles with a near miss', 0.02);
  });

  it('keeps a full result’s working: the explanation is the full evaluation of that one profile', () => {
    // 技术改造项目 of 3000万元 → 3000万元 × 20% = 600万元 > 500万元 cap → 500万元.
    const profile: Profile = {
      version: 1,
      entity: 'enterprise',
      region: { poverty: false, oldRevolutionary: false },
      projects: { 'm08.upgrade': [{ facts: { chain: true, investment: 3000 } }] },
    };
    const full = evaluate(profile).items.find((r) => r.id === 'm08.upgrade')!;
    const screen = evaluate(profile, catalog2022, { explain: false }).items.find((r) => r.id === 'm08.upgrade')!;
    expect(full.amount).toEqual({ min: '5000000.00', max: '5000000.00' });
    expect(screen.amount).toEqual(full.amount);
    expect(full.stages.map((s) => s.step)).toEqual(['condition', 'base', 'rate', 'threshold', 'cap']);
    expect(screen.stages).toEqual([]);
  });
});
