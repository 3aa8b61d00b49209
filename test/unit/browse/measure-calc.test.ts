/**
 * The mini calculator of each measure: only its own questions; its figure is the engine's total for
 * the profile its answers make; bad input gets the schema's Chinese message on the right field.
 * The answers go through the questionnaire's draft → profile → schema code (src/state/draft.ts,
 * scoped to the measure) — the calculator has no input path of its own.
 */
import { catalog2022, evaluate, formatInterval, parseProfile, type FactDef, type Measure } from '../../../shared/policy/engine';
import { calcSpec, figureText } from '../../../shared/policy/view';
import { calculate } from '../../../src/components/mini-calculator/calc';
import {
  addEntry,
  calculatorDraft,
  candidateProfile,
  draftProfile,
  questionsOf,
  setAnswer,
  setCommon,
  setText,
  type Draft,
} from '../../../src/state/draft';

const measures = catalog2022.measures;
const byId = (id: string) => measures.find((m) => m.id === id)!;
const start = (m: Measure) => calculatorDraft(m, calcSpec(m).entities);
const scoped = (m: Measure) => ({ measure: m });

/** A favourable answer to a question, as the page records it (flags and choices as values, amounts as text). */
function answer(d: Draft, def: FactDef, itemId?: string, key?: string): Draft {
  if (def.type === 'flag') return setAnswer(d, def.id, true, itemId, key);
  if (def.type === 'choice') return setAnswer(d, def.id, def.options[0].value, itemId, key);
  return setText(d, def.id, def.integer ? '2' : '3000', itemId, key);
}

/** Every question of the measure answered, region flags 否, one entry per kind of entry. */
function filled(m: Measure): Draft {
  let d = start(m);
  for (const def of calcSpec(m).region) d = setCommon(d, def.id as 'region.poverty', false);
  for (const t of questionsOf(d, scoped(m))) {
    for (const q of t.measures) {
      for (const f of q.facts) d = answer(d, f.def);
      for (const r of q.repeats) {
        if ((d.projects[r.itemId] ?? []).length === 0) d = addEntry(d, r.itemId);
        const key = d.projects[r.itemId][0].key;
        for (const f of r.facts) d = answer(d, f.def, r.itemId, key);
      }
    }
  }
  return d;
}

/** The calculator's draft with one entry of an item, answered. */
function withEntry(m: Measure, itemId: string, answers: Record<string, boolean | string>, d: Draft = start(m)): Draft {
  if ((d.projects[itemId] ?? []).length === 0) d = addEntry(d, itemId);
  const key = d.projects[itemId][d.projects[itemId].length - 1].key;
  for (const [id, v] of Object.entries(answers)) d = typeof v === 'string' && v !== 'unknown' ? setText(d, id, v, itemId, key) : setAnswer(d, id, v, itemId, key);
  return d;
}

describe.each(measures.map((m) => [m.id, m] as const))('%s', (_id, m) => {
  const spec = calcSpec(m);

  test('asks only its own questions (and the region ones its threshold reads)', () => {
    for (const f of spec.facts) expect(f.id.startsWith(`${m.id}.`)).toBe(true);
    for (const r of spec.repeats) expect(r.item.id.startsWith(`${m.id}.`)).toBe(true);
    expect(spec.region.length > 0).toBe(m.items.some((i) => 'threshold' in i && !!i.threshold?.reduced));
    expect(spec.computable || spec.guidance.length > 0).toBe(true);
    const asked = questionsOf(start(m), scoped(m)).flatMap((t) => t.measures);
    expect(asked.every((q) => q.measureId === m.id)).toBe(true);
  });

  test('nothing answered: no figure, nothing claimed', () => {
    const calc = calculate(m, start(m));
    expect(calc.answered).toBe(false);
    expect(calc.messages).toEqual({});
    expect(calc.result!.total).toEqual({ min: '0.00', max: '0.00' });
  });
});

/** The measures whose support has no figure to compute: guidance only, no calculator (8 of 30). */
const GUIDANCE_ONLY = ['m10', 'm20', 'm22', 'm23', 'm25', 'm26', 'm27', 'm28'];
const computable = measures.filter((m) => calcSpec(m).computable);

test('22 measures have a calculator: all but the 8 with guidance only', () => {
  expect(measures).toHaveLength(30);
  expect(computable.map((m) => m.id)).toEqual(measures.map((m) => m.id).filter((id) => !GUIDANCE_ONLY.includes(id)));
  expect(computable).toHaveLength(22);
});

test.each(computable.map((m) => [m.id, m] as const))('%s, every question answered: the figure is the engine’s own total, and only this measure’s items count', (_id, m) => {
  const d = filled(m);
  const built = draftProfile(d, scoped(m));
  if (!built.ok) throw new Error(JSON.stringify(built.messages));
  const profile = built.profile;
  const parsed = parseProfile(candidateProfile(d, { scope: scoped(m) }));
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  const calc = calculate(m, d);
  const engine = evaluate(profile);
  expect(calc.result).toEqual(engine);
  const claimed = engine.items.filter((i) => i.status !== 'notForYou');
  for (const i of claimed) expect(i.measure === m.id || i.amountKind === 'nonMonetary').toBe(true);
  expect(calc.items.every((i) => i.measure === m.id)).toBe(true);
  // Every money item of the measure is claimed and shows its stages.
  for (const r of calc.items.filter((i) => i.amountKind !== 'nonMonetary' && i.amountKind !== 'unquantified')) {
    expect([r.id, r.status]).not.toEqual([r.id, 'notForYou']);
    if (r.status === 'eligible') expect(r.stages.length).toBeGreaterThan(0);
    expect(figureText(r).length).toBeGreaterThan(0);
  }
});

test('（八） one upgrade project of 3000万元 on a chain outside the reduced areas → 500万元, as the engine says', () => {
  const m = byId('m08');
  let d = setCommon(setCommon(start(m), 'region.poverty', false), 'region.oldRevolutionary', false);
  d = withEntry(m, 'm08.upgrade', { chain: true, investment: '3000' }, d);
  const calc = calculate(m, d);
  expect(formatInterval(calc.result!.total)).toBe('500万元');
  const up = calc.items.find((i) => i.id === 'm08.upgrade')!;
  expect(up.stages.map((s) => s.step)).toEqual(['condition', 'base', 'rate', 'threshold', 'cap']);
});

test('an unknown region makes the item "needs information" with both figures', () => {
  const m = byId('m08');
  const d = withEntry(m, 'm08.upgrade', { chain: true, investment: '1500' }, setCommon(start(m), 'region.poverty', 'unknown'));
  const calc = calculate(m, d);
  const up = calc.items.find((i) => i.id === 'm08.upgrade')!;
  expect(up.status).toBe('needsInfo');
  expect(up.alternatives).toHaveLength(2);
  expect(calc.result!.pending.max).toBe('3000000.00');
});

test('bad input: the schema’s Chinese message on the field’s path, the typed text kept in the draft', () => {
  const m = byId('m14');
  const d = setText(start(m), 'm14.cloudCost', '-5');
  const calc = calculate(m, d);
  expect(calc.result).toBeUndefined();
  expect(calc.messages['facts/m14.cloudCost']).toBe('「设备上云上平台的实际费用」不能为负数');
  expect(d.texts['m14.cloudCost']).toBe('-5');

  const m08 = byId('m08');
  expect(Object.keys(calculate(m08, withEntry(m08, 'm08.upgrade', { investment: 'abc' })).messages)).toEqual(['projects/m08.upgrade/0/investment']);
});

test('entries count as in the questionnaire; spaces-only is a skipped answer, as in the questionnaire', () => {
  // Before (the calculator's own buildProfile): entries with nothing answered were left out and
  // "   " was no answer. Now the calculator reads answers as the questionnaire does (issue 13).
  const m = byId('m02');
  let d = start(m);
  expect(d.projects['m02.industrialization']).toHaveLength(1);
  d = withEntry(m, 'm02.industrialization', {}, addEntry(d, 'm02.industrialization'));
  d = setText(d, 'investment', '100', 'm02.industrialization', d.projects['m02.industrialization'][1].key);
  expect(candidateProfile(d, { scope: scoped(m) }).projects).toEqual({ 'm02.industrialization': [{ facts: {} }, { facts: { investment: '100' } }] });
  d = setText(d, 'investment', '   ', 'm02.industrialization', d.projects['m02.industrialization'][0].key);
  // Refused with 必须是数字 until issue 22 (item 1): an emptied box is a skipped answer, nothing blocked.
  expect(calculate(m, d).messages).toEqual({});
  expect(candidateProfile(d, { scope: scoped(m) }).projects).toEqual({ 'm02.industrialization': [{ facts: {} }, { facts: { investment: '100' } }] });
});

test('a measure for parks and enterprises lets the user say which; park-only measures answer as a park', () => {
  expect(calcSpec(byId('m23')).entities).toEqual(['enterprise', 'park']);
  expect(calcSpec(byId('m16')).entities).toEqual(['park']);
  expect(start(byId('m30')).entity).toBe('park');
  const m30 = byId('m30');
  const d = setAnswer(start(m30), 'm30.strongPark', true);
  expect(formatInterval(calculate(m30, d).result!.total)).toBe('3000万元');
});

test.each(GUIDANCE_ONLY)('%s (non-monetary) has guidance and no calculator', (id) => {
  const spec = calcSpec(byId(id));
  expect([id, spec.computable]).toEqual([id, false]);
  expect(spec.guidance.length).toBeGreaterThan(0);
  for (const g of spec.guidance) expect(g.guidance.length).toBeGreaterThan(10);
});

test('（二十四） has fee reductions to compute, and land support to explain', () => {
  const m24 = calcSpec(byId('m24'));
  expect(m24.computable).toBe(true);
  expect(m24.guidance.map((g) => g.id)).toEqual(['m24.flexible-land-supply', 'm24.plot-ratio']);
});

test('amount words are the results page’s (result-view figureText): at least, up to, savings', () => {
  const m05 = byId('m05');
  const f = withEntry(m05, 'm05.generic-drug', { accepted: true, passed: true, investment: '500' });
  expect(figureText(calculate(m05, f).items[0])).toBe('至少 130万元，最高 300万元');

  const m16 = byId('m16');
  const g = setAnswer(start(m16), 'm16.parkPlatform', true);
  expect(figureText(calculate(m16, g).items[0])).toBe('最高 2000万元');

  const m24 = byId('m24');
  const h = setText(setAnswer(start(m24), 'm24.expand', true), 'm24.expandFee', '40');
  const saving = calculate(m24, h).items.find((i) => i.id === 'm24.expand-fee-half')!;
  expect(figureText(saving)).toBe('少缴 20万元');
});
