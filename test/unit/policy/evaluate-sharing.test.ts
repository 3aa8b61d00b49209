/**
 * What the engine shares between profiles (issue 24, item 1: a screening run builds per profile only
 * what the profile answers) gives the same results as building everything anew: the catalog header
 * is one object; a choice of topics has one baseline whatever its order or repeats; the measures
 * covered are counted from the items themselves; and dense profiles (every fact answered, the
 * benchmark's worst case) agree between the screening run and the full evaluation; a level not yet
 * chosen shows every profile the same alternatives, one shared frozen list per item.
 */
import { AWARD_AMOUNT_KINDS } from '../../../shared/policy/engine/amount-kind';
import { catalog2022, evaluate, parseProfile, type EvaluateResult, type Profile } from '../../../shared/policy/engine';
import { denseProfile, questionnaireProfile } from '../../../bench/profiles';
import { rng } from '../../fakes/simulate';

function parsed(raw: Profile): Profile {
  const p = parseProfile(raw);
  if (!p.ok) throw new Error(`invalid profile: ${p.issues[0].message}`);
  return p.profile;
}

/** A result without its working (stages), as the screening run must give it. */
function figures(res: EvaluateResult): string {
  return JSON.stringify({ ...res, items: res.items.map(({ stages: _stages, ...rest }) => rest) });
}

/** Measures with an award in the enterprise's total, read from the items. */
function coveredByItems(res: EvaluateResult): number {
  const ids = new Set(
    res.items.filter((r) => r.status === 'eligible' && AWARD_AMOUNT_KINDS.has(r.amountKind) && !r.paidToPerson && r.amount.max !== '0.00').map((r) => r.measure),
  );
  return ids.size;
}

const seeds = [1, 2, 3, 5, 8, 13, 21, 34];

describe('what the engine shares between profiles', () => {
  it('gives every result the same catalog header object, frozen', () => {
    const a = evaluate(parsed(questionnaireProfile(rng(1))), catalog2022, { explain: false });
    const b = evaluate(parsed(questionnaireProfile(rng(2))));
    expect(a.catalog).toBe(b.catalog);
    expect(Object.isFrozen(a.catalog)).toBe(true);
    expect(a.catalog).toEqual({ id: catalog2022.id, title: catalog2022.title, year: catalog2022.year, issuer: catalog2022.issuer });
  });

  it('shares one baseline for a choice of topics in any order, a topic named twice included', () => {
    const one: Profile = { version: 1, entity: 'enterprise', topics: ['platforms', 'green'] };
    const other: Profile = { version: 1, entity: 'enterprise', topics: ['green', 'platforms', 'green'] };
    const a = evaluate(one, catalog2022, { explain: false });
    const b = evaluate(other, catalog2022, { explain: false });
    expect(b.items.every((r, i) => r === a.items[i])).toBe(true);
    expect(figures(b)).toBe(figures(a));
  });

  it.each(seeds)('counts the measures covered as the items show them (questionnaire profile, seed %i)', (seed) => {
    const res = evaluate(parsed(questionnaireProfile(rng(seed))), catalog2022, { explain: false });
    expect(res.measuresCovered).toBe(coveredByItems(res));
  });

  it.each(seeds)('counts the measures covered as the items show them (dense profile, seed %i)', (seed) => {
    const res = evaluate(parsed(denseProfile(rng(seed))));
    expect(res.measuresCovered).toBe(coveredByItems(res));
  });

  it.each(seeds)('gives a dense profile the same figures in the screening run as in the full evaluation (seed %i)', (seed) => {
    const profile = parsed(denseProfile(rng(seed)));
    expect(figures(evaluate(profile, catalog2022, { explain: false }))).toBe(figures(evaluate(profile)));
  });
});

/** Each level item with its question answered 不确定 and its conditions 是: its levels are the alternatives. */
const levelCases = catalog2022.measures
  .flatMap((m) => m.items)
  .flatMap((item) => (item.kind === 'level' && !item.repeat ? [item] : []))
  .map((item) => {
    const profile: Profile = { version: 1, entity: 'enterprise', facts: { [item.fact]: 'unknown' } };
    // 中小企业 is asked at the top of the questionnaire, the other conditions among the measure's facts.
    for (const c of item.conditions ?? []) {
      if (c.fact === 'sme') profile.sme = true;
      else profile.facts![c.fact] = true;
    }
    return [`${item.id} (${item.title})`, item.id, item.levels.length, profile] as const;
  });

describe('a level not yet chosen', () => {
  it.each(levelCases)('%s: every profile shows the same alternatives, one per level, shared and frozen', (_name, id, levels, raw) => {
    const profile = parsed(raw);
    const a = evaluate(profile, catalog2022, { explain: false }).items.find((r) => r.id === id)!;
    const b = evaluate(profile).items.find((r) => r.id === id)!;
    expect(a.status).toBe('needsInfo');
    expect(a.alternatives).toHaveLength(levels);
    expect(b.alternatives).toBe(a.alternatives);
    expect(Object.isFrozen(a.alternatives) && a.alternatives.every((x) => Object.isFrozen(x) && Object.isFrozen(x.amount))).toBe(true);
  });
});
