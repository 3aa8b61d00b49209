/**
 * The mini calculator of each measure: only its own questions; its figure is the engine's total for
 * the profile its answers make; bad input gets the schema's Chinese message on the right field.
 */
import { catalog2022, evaluate, formatInterval, parseProfile } from '../../../shared/policy';
import {
  buildProfile,
  calcSpec,
  emptyForm,
  entryKey,
  factKey,
  itemAmountText,
  runMeasure,
  totalText,
  type CalcForm,
} from '../../../shared/policy/measure-calc';
import type { FactDef, Measure } from '../../../shared/policy/types';

const measures = catalog2022.measures;
const byId = (id: string) => measures.find((m) => m.id === id)!;

/** A favourable answer to every question of a measure. */
function sample(def: FactDef): string | boolean {
  if (def.type === 'flag') return true;
  if (def.type === 'choice') return def.options[0].value;
  return def.integer ? '2' : '3000';
}

function filled(m: Measure): CalcForm {
  const spec = calcSpec(m);
  const form = emptyForm(m);
  for (const f of spec.facts) form.answers[factKey(f.id)] = sample(f);
  for (const f of spec.region) form.answers[factKey(f.id)] = false;
  for (const r of spec.repeats) for (const f of r.facts) form.answers[entryKey(r.item.id, 0, f.id)] = sample(f);
  return form;
}

describe.each(measures.map((m) => [m.id, m] as const))('%s', (_id, m) => {
  const spec = calcSpec(m);

  test('asks only its own questions (and the region ones its threshold reads)', () => {
    for (const f of spec.facts) expect(f.id.startsWith(`${m.id}.`)).toBe(true);
    for (const r of spec.repeats) expect(r.item.id.startsWith(`${m.id}.`)).toBe(true);
    expect(spec.region.length > 0).toBe(m.items.some((i) => 'threshold' in i && !!i.threshold?.reduced));
    expect(spec.computable || spec.guidance.length > 0).toBe(true);
  });

  test('nothing answered: no figure, nothing claimed', () => {
    const calc = runMeasure(m, emptyForm(m));
    expect(calc.answered).toBe(false);
    expect(calc.errors).toEqual({});
    expect(calc.result!.total).toEqual({ min: '0.00', max: '0.00' });
  });

  test('answered: the figure is the engine’s own total, and only this measure’s items count', () => {
    if (!spec.computable) return;
    const form = filled(m);
    const profile = buildProfile(m, form);
    const parsed = parseProfile(profile);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    const calc = runMeasure(m, form);
    const engine = evaluate(profile);
    expect(calc.result).toEqual(engine);
    expect(totalText(calc.result!.total)).toBe(formatInterval(engine.total));
    const claimed = engine.items.filter((i) => i.status !== 'notForYou');
    for (const i of claimed) expect(i.measure === m.id || i.kind === 'nonMonetary').toBe(true);
    expect(calc.items.every((i) => i.measure === m.id)).toBe(true);
    // Every money item of the measure is claimed and shows its stages.
    for (const r of calc.items.filter((i) => i.kind !== 'nonMonetary' && i.kind !== 'unquantified')) {
      expect([r.id, r.status]).not.toEqual([r.id, 'notForYou']);
      if (r.status === 'eligible') expect(r.stages.length).toBeGreaterThan(0);
      expect(itemAmountText(r).length).toBeGreaterThan(0);
    }
  });
});

test('（八） one upgrade project of 3000万元 on a chain outside the reduced areas → 500万元, as the engine says', () => {
  const m = byId('m08');
  const form = emptyForm(m);
  form.answers['region/poverty'] = false;
  form.answers['region/oldRevolutionary'] = false;
  form.answers['projects/m08.upgrade/0/chain'] = true;
  form.answers['projects/m08.upgrade/0/investment'] = '3000';
  const calc = runMeasure(m, form);
  expect(totalText(calc.result!.total)).toBe('500万元');
  const up = calc.items.find((i) => i.id === 'm08.upgrade')!;
  expect(up.stages.map((s) => s.step)).toEqual(['condition', 'base', 'rate', 'threshold', 'cap']);
});

test('an unknown region makes the item "needs information" with both figures', () => {
  const m = byId('m08');
  const form = emptyForm(m);
  form.answers['region/poverty'] = 'unknown';
  form.answers['projects/m08.upgrade/0/chain'] = true;
  form.answers['projects/m08.upgrade/0/investment'] = '1500';
  const calc = runMeasure(m, form);
  const up = calc.items.find((i) => i.id === 'm08.upgrade')!;
  expect(up.status).toBe('needsInfo');
  expect(up.alternatives).toHaveLength(2);
  expect(calc.result!.pending.max).toBe('3000000.00');
});

test('bad input: the schema’s Chinese message on the field key, the typed text kept in the form', () => {
  const m = byId('m14');
  const form = emptyForm(m);
  form.answers['facts/m14.cloudCost'] = '-5';
  const calc = runMeasure(m, form);
  expect(calc.result).toBeUndefined();
  expect(calc.errors['facts/m14.cloudCost']).toContain('不能为负数');
  expect(form.answers['facts/m14.cloudCost']).toBe('-5');

  const m08 = byId('m08');
  const f2 = emptyForm(m08);
  f2.answers['projects/m08.upgrade/0/investment'] = 'abc';
  expect(Object.keys(runMeasure(m08, f2).errors)).toEqual(['projects/m08.upgrade/0/investment']);
});

test('empty entries are left out; blank text is not an answer', () => {
  const m = byId('m02');
  const form = emptyForm(m);
  form.entries['m02.industrialization'] = 3;
  form.answers['projects/m02.industrialization/1/investment'] = '100';
  form.answers['projects/m02.industrialization/2/investment'] = '   ';
  expect(buildProfile(m, form).projects).toEqual({ 'm02.industrialization': [{ facts: { investment: '100' } }] });
});

test('a measure for parks and enterprises lets the user say which; park-only measures answer as a park', () => {
  expect(calcSpec(byId('m23')).entities).toEqual(['enterprise', 'park']);
  expect(calcSpec(byId('m16')).entities).toEqual(['park']);
  expect(emptyForm(byId('m30')).entity).toBe('park');
  const m30 = byId('m30');
  const form = emptyForm(m30);
  form.answers['facts/m30.strongPark'] = true;
  expect(totalText(runMeasure(m30, form).result!.total)).toBe('3000万元');
});

test('non-monetary measures have guidance and no calculator', () => {
  for (const id of ['m10', 'm20', 'm22', 'm23', 'm25', 'm26', 'm27', 'm28']) {
    const spec = calcSpec(byId(id));
    expect([id, spec.computable]).toEqual([id, false]);
    expect(spec.guidance.length).toBeGreaterThan(0);
    for (const g of spec.guidance) expect(g.guidance.length).toBeGreaterThan(10);
  }
  // （二十四）: fee reductions to compute, and land support to explain.
  const m24 = calcSpec(byId('m24'));
  expect(m24.computable).toBe(true);
  expect(m24.guidance.map((g) => g.id)).toEqual(['m24.flexible-land-supply', 'm24.plot-ratio']);
});

test('amount words: at least, up to, savings, open-ended', () => {
  const m05 = byId('m05');
  const f = emptyForm(m05);
  f.answers['projects/m05.generic-drug/0/accepted'] = true;
  f.answers['projects/m05.generic-drug/0/passed'] = true;
  f.answers['projects/m05.generic-drug/0/investment'] = '500';
  expect(itemAmountText(runMeasure(m05, f).items[0])).toBe('至少 130万元（总额不超过 300万元）');

  const m16 = byId('m16');
  const g = emptyForm(m16);
  g.answers['facts/m16.parkPlatform'] = true;
  expect(itemAmountText(runMeasure(m16, g).items[0])).toBe('最高 2000万元（由主管部门核定）');

  const m24 = byId('m24');
  const h = emptyForm(m24);
  h.answers['facts/m24.expand'] = true;
  h.answers['facts/m24.expandFee'] = '40';
  const saving = runMeasure(m24, h).items.find((i) => i.id === 'm24.expand-fee-half')!;
  expect(itemAmountText(saving)).toBe('可少缴 20万元');
});
