/**
 * The device draft → the engine's profile, and the shared schema's messages per field.
 */
import { catalog2022, domId } from '../../../shared/policy/engine';
import {
  activeTopics,
  addEntry,
  answeredCount,
  calculatorDraft,
  candidateProfile,
  commonValue,
  draftProfile,
  emptyDraft,
  fieldMessages,
  isShown,
  isStarted,
  pathOf,
  questionsOf,
  removeEntry,
  reviveDraft,
  setAnswer,
  setCalculatorEntity,
  setCity,
  setCommon,
  setText,
  stepOfPath,
  toggleTopic,
  userMessage,
  type Draft,
} from '../../../src/state/draft';
import { AMOUNT_FIELDS, TYPED_AMOUNTS } from '../../support/typed-amounts';

const measure = (id: string) => catalog2022.measures.find((m) => m.id === id)!;

function enterprise(...topics: Parameters<typeof toggleTopic>[1][]): Draft {
  let d: Draft = { ...emptyDraft('enterprise'), step: 'questions' };
  for (const t of topics) d = toggleTopic(d, t);
  return d;
}

describe('draft → profile', () => {
  it('the quick path: two yes answers in two topics', () => {
    let d = enterprise('platforms', 'green');
    d = setAnswer(d, 'm01.techCenter', true);
    d = setAnswer(d, 'm21.nationalGreen', true);
    expect(candidateProfile(d)).toEqual({
      version: 1,
      entity: 'enterprise',
      topics: ['platforms', 'green'],
      facts: { 'm01.techCenter': true, 'm21.nationalGreen': true },
    });
    const r = draftProfile(d);
    expect(r.ok).toBe(true);
  });

  it('region: names and code from the picker, the two flags as answered', () => {
    let d = emptyDraft('enterprise');
    d = setCity(d, '150400');
    d = { ...d, countyCode: '150429', poverty: 'unknown', oldRevolutionary: true, sme: true }
    expect(candidateProfile(d)).toEqual({
      version: 1,
      entity: 'enterprise',
      sme: true,
      region: { cityName: '赤峰市', countyName: '宁城县', countyCode: '150429', poverty: 'unknown', oldRevolutionary: true },
    });
    // Changing the 盟市 clears the 旗县区.
    expect(setCity(d, '150200').countyCode).toBeUndefined();
  });

  it('a park sends no SME answer (and its only topic is chosen for it)', () => {
    const d = { ...emptyDraft('park'), sme: true as const };
    // Before: { version: 1, entity: 'park' } — a park's single topic is now chosen for it (issue 13).
    expect(candidateProfile(d)).toEqual({ version: 1, entity: 'park', topics: ['park'] });
  });

  it('a park’s only topic is chosen for it and cannot be dropped; an enterprise chooses its own', () => {
    let d = emptyDraft('park');
    expect(activeTopics(d)).toEqual(['park']);
    expect(questionsOf(d).map((t) => t.topic)).toEqual(['park']);
    d = toggleTopic(toggleTopic(d, 'park'), 'park');
    expect(activeTopics(d)).toEqual(['park']);
    expect(activeTopics(emptyDraft('enterprise'))).toEqual([]);
    expect(activeTopics(toggleTopic(toggleTopic(emptyDraft('enterprise'), 'green'), 'green'))).toEqual([]);
  });

  it('amounts go as the normalised text; 不确定 as "unknown", keeping the typed text in the draft', () => {
    let d = enterprise('digital');
    d = setText(d, 'm14.cloudCost', ' 180 ');
    expect(candidateProfile(d).facts).toEqual({ 'm14.cloudCost': '180' });
    d = setAnswer(d, 'm14.cloudCost', 'unknown');
    expect(candidateProfile(d).facts).toEqual({ 'm14.cloudCost': 'unknown' });
    expect(d.texts['m14.cloudCost']).toBe(' 180 ');
    // Typing again clears 不确定.
    d = setText(d, 'm14.cloudCost', '200');
    expect(d.values['m14.cloudCost']).toBeUndefined();
    expect(candidateProfile(d).facts).toEqual({ 'm14.cloudCost': '200' });
  });

  it('reads typed amounts the schema’s way (readTypedNumber; its cases are in schema.test.ts)', () => {
    let d = enterprise('digital');
    d = setText(d, 'm14.cloudCost', '２,５００万');
    expect(candidateProfile(d).facts).toEqual({ 'm14.cloudCost': '2500' });
    d = setText(d, 'm14.cloudCost', '1,20');
    expect(candidateProfile(d).facts).toEqual({ 'm14.cloudCost': '1,20' });
    expect(d.texts['m14.cloudCost']).toBe('1,20');
  });

  it('a deselected topic keeps its answers in the draft but not in the profile', () => {
    let d = enterprise('platforms', 'green');
    d = setAnswer(d, 'm01.techCenter', true);
    d = setAnswer(d, 'm21.nationalGreen', true);
    d = toggleTopic(d, 'green');
    expect(candidateProfile(d).facts).toEqual({ 'm01.techCenter': true });
    expect(d.values['m21.nationalGreen']).toBe(true);
    d = toggleTopic(d, 'green');
    expect(candidateProfile(d).facts).toEqual({ 'm01.techCenter': true, 'm21.nationalGreen': true });
  });

  it('a fact gated by a 否 is left out (and comes back with 是)', () => {
    let d = enterprise('digital');
    d = setText(d, 'm14.benchmarkCost', '100');
    d = setAnswer(d, 'm14.benchmark', false);
    expect(candidateProfile(d).facts).toEqual({ 'm14.benchmark': false });
    d = setAnswer(d, 'm14.benchmark', true);
    expect(candidateProfile(d).facts).toEqual({ 'm14.benchmark': true, 'm14.benchmarkCost': '100' });
  });

  it('project entries: in order, with their names, each with its own answers', () => {
    let d = enterprise('investment');
    d = addEntry(d, 'm08.upgrade');
    d = addEntry(d, 'm08.upgrade');
    const [a, b] = d.projects['m08.upgrade'];
    d = setAnswer(d, 'chain', true, 'm08.upgrade', a.key);
    d = setText(d, 'investment', '3000', 'm08.upgrade', a.key);
    d = setText(d, 'investment', '1500', 'm08.upgrade', b.key);
    d = { ...d, projects: { 'm08.upgrade': d.projects['m08.upgrade'].map((e, i) => (i === 0 ? { ...e, name: ' 2 号线技改 ' } : e)) } };
    expect(candidateProfile(d).projects).toEqual({
      'm08.upgrade': [{ name: '2 号线技改', facts: { chain: true, investment: '3000' } }, { facts: { investment: '1500' } }],
    });
    expect(pathOf(d, 'investment', 'm08.upgrade', b.key)).toBe('projects/m08.upgrade/1/investment');
    d = removeEntry(d, 'm08.upgrade', a.key);
    expect(candidateProfile(d).projects).toEqual({ 'm08.upgrade': [{ facts: { investment: '1500' } }] });
    expect(pathOf(d, 'investment', 'm08.upgrade', b.key)).toBe('projects/m08.upgrade/0/investment');
  });
});

describe('field messages (the shared schema, without its technical path)', () => {
  const entryDraft = (text: string) => {
    let d = enterprise('investment');
    d = addEntry(d, 'm08.upgrade');
    return setText(d, 'investment', text, 'm08.upgrade', d.projects['m08.upgrade'][0].key);
  };
  const field = 'projects/m08.upgrade/0/investment';

  it.each([
    ['-5', '技术改造项目第 1 项：「项目实际完成投资额」不能为负数'],
    ['abc', '技术改造项目第 1 项：「项目实际完成投资额」必须是数字，单位：万元'],
    ['1e20', '技术改造项目第 1 项：「项目实际完成投资额」必须是数字，单位：万元'],
    ['100000000000000000000', '技术改造项目第 1 项：「项目实际完成投资额」超过合理范围（最大 10000000万元），请检查单位是否为万元'],
    ['1.1234567', '技术改造项目第 1 项：「项目实际完成投资额」最多保留 6 位小数'],
    // '' (typed, then cleared) was refused here with 必须是数字 until issue 22 (item 1): it is now a
    // skipped field, exactly as one never touched (below, 'an emptied amount is a skipped amount').
  ])('%j → %s', (text, message) => {
    const d = entryDraft(text);
    expect(fieldMessages(d)).toEqual({ [field]: message });
    const r = draftProfile(d);
    expect(r.ok).toBe(false);
    // The typed text is untouched.
    expect(d.projects['m08.upgrade'][0].texts.investment).toBe(text);
  });

  it('an amount never typed is simply unanswered (the engine then asks for it)', () => {
    let d = enterprise('investment');
    d = addEntry(d, 'm08.upgrade');
    expect(fieldMessages(d)).toEqual({});
    expect(draftProfile(d).ok).toBe(true);
  });

  it('counts must be whole numbers', () => {
    const d = setText(enterprise('standards'), 'm03.leadNational', '1.5');
    expect(fieldMessages(d)).toEqual({ 'facts/m03.leadNational': '「本年度主导制定的国家（行业）标准数量」必须是整数' });
  });

  it('strips only the path in parentheses', () => {
    expect(userMessage('facts/x', '「甲」（facts/x）不能为负数')).toBe('「甲」不能为负数');
    expect(userMessage('', '档案必须是一个对象')).toBe('档案必须是一个对象');
  });
});

describe('an emptied amount is a skipped amount, exactly as one never touched (issue 22, item 1)', () => {
  const CLEARED: [string, string][] = [
    ['cleared to nothing', ''],
    ['cleared to spaces', '   '],
    ['cleared to a full-width space', '\u3000'],
  ];
  const inEntry = (d: Draft) => {
    d = addEntry(d, 'm08.upgrade');
    return { d, key: d.projects['m08.upgrade'][0].key };
  };

  it.each(CLEARED)('a fact %s: no message, the profile leaves it out, the draft is the untouched one', (_, text) => {
    const untouched = enterprise('digital');
    const d = setText(setText(untouched, 'm14.cloudCost', '180'), 'm14.cloudCost', text);
    expect(fieldMessages(d)).toEqual({});
    expect(draftProfile(d)).toEqual(draftProfile(untouched));
    expect(d).toEqual(untouched);
  });

  it.each(CLEARED)('a project’s amount %s: no message, the profile leaves it out', (_, text) => {
    const { d: untouched, key } = inEntry(enterprise('investment'));
    const d = setText(setText(untouched, 'investment', '3000', 'm08.upgrade', key), 'investment', text, 'm08.upgrade', key);
    expect(fieldMessages(d)).toEqual({});
    expect(candidateProfile(d).projects).toEqual({ 'm08.upgrade': [{ facts: {} }] });
    expect(d).toEqual(untouched);
  });

  it.each(CLEARED)('a draft stored with an amount %s (before this fix) reloads as untouched', (_, text) => {
    const { d: untouched, key } = inEntry(enterprise('investment'));
    const stored = JSON.parse(JSON.stringify(untouched));
    stored.texts['m14.cloudCost'] = text;
    stored.projects['m08.upgrade'][0].texts.investment = text;
    const revived = reviveDraft(stored)!;
    expect(revived).toEqual(untouched);
    expect(fieldMessages(revived)).toEqual({});
    expect(revived.projects['m08.upgrade'][0].key).toBe(key);
  });

  it.each(CLEARED)('the 算一算 draft (scoped to a measure) %s: no message', (_, text) => {
    const m14 = measure('m14');
    const d = setText(setText(calculatorDraft(m14, ['enterprise']), 'm14.cloudCost', '180'), 'm14.cloudCost', text);
    expect(draftProfile(d, { measure: m14 }).ok).toBe(true);
    expect(answeredCount(d, { measure: m14 }).answered).toBe(0);
  });
});

describe('storage, progress, paths', () => {
  it('revives what storage held, dropping what is not ours', () => {
    let d = enterprise('investment');
    d = addEntry(d, 'm08.upgrade');
    d = setText(d, 'investment', '-5', 'm08.upgrade', d.projects['m08.upgrade'][0].key);
    expect(reviveDraft(JSON.parse(JSON.stringify(d)))).toEqual(d);
    expect(reviveDraft(undefined)).toBeUndefined();
    expect(reviveDraft('')).toBeUndefined();
    expect(reviveDraft({ v: 2 })).toBeUndefined();
    const damaged = reviveDraft({ v: 1, step: 'nowhere', entity: 'bank', values: { a: 1, b: true }, texts: { c: 3, d: 'x' }, projects: { x: 'no' } })!;
    expect(damaged).toEqual({ ...emptyDraft(), values: { b: true }, texts: { d: 'x' } });
    expect(isStarted(damaged)).toBe(false);
    expect(isStarted(d)).toBe(true);
  });

  it('counts visible questions and answers', () => {
    let d = enterprise('green');
    expect(answeredCount(d)).toEqual({ answered: 0, total: 2 });
    d = setAnswer(d, 'm21.regionalGreen', 'unknown');
    expect(answeredCount(d)).toEqual({ answered: 1, total: 2 });
  });

  it('maps paths to steps and DOM ids', () => {
    expect(stepOfPath('region/poverty')).toBe('who');
    expect(stepOfPath('sme')).toBe('who');
    expect(stepOfPath('facts/m13.level')).toBe('questions');
    // questionDomId (draft.ts) is now domId (shared/policy/engine/paths.ts), the same id.
    expect(domId('projects/m08.upgrade/0/investment')).toBe('q-projects-m08-upgrade-0-investment');
    expect(domId('projects/m08.upgrade/0/investment', 'calc')).toBe('calc-projects-m08-upgrade-0-investment');
  });

  it('keeps the common flags where the profile puts them', () => {
    let d = emptyDraft('enterprise');
    d = setCommon(setCommon(setCommon(d, 'sme', true), 'region.poverty', 'unknown'), 'region.oldRevolutionary', false);
    expect([d.sme, d.poverty, d.oldRevolutionary]).toEqual([true, 'unknown', false]);
    expect(commonValue(d, 'region.poverty')).toBe('unknown');
    expect(candidateProfile(d)).toEqual({ version: 1, entity: 'enterprise', sme: true, region: { poverty: 'unknown', oldRevolutionary: false } });
  });
});

describe('typed amounts (test/support/typed-amounts.ts) through the draft: the schema’s message, the text kept', () => {
  it.each(TYPED_AMOUNTS)('$what: $typed', (row) => {
    const f = AMOUNT_FIELDS[row.field];
    let d = enterprise(f.topic as Parameters<typeof toggleTopic>[1]);
    const [scope, id, , fact] = f.path.split('/');
    if (scope === 'projects') {
      d = addEntry(d, id);
      d = setText(d, fact, row.typed, id, d.projects[id][0].key);
    } else d = setText(d, id, row.typed);
    const r = draftProfile(d);
    if (row.accepted !== undefined) {
      expect(r.ok ? [] : r.messages).toEqual([]);
      const p = r.ok ? r.profile : undefined;
      expect(scope === 'projects' ? p?.projects?.[id]?.[0].facts[fact] : p?.facts?.[id]).toBe(row.accepted);
    } else {
      expect(r).toEqual({ ok: false, messages: { [f.path]: row.message } });
    }
  });
});

describe('a draft scoped to one measure (the detail page’s calculator)', () => {
  it('asks and sends only that measure’s answers, with the region flags its threshold reads', () => {
    let d = enterprise('digital', 'investment');
    d = { ...d, sme: true, countyCode: '150429', poverty: true, oldRevolutionary: false };
    d = setText(d, 'm14.cloudCost', '180');
    d = addEntry(d, 'm08.upgrade');
    d = setText(d, 'investment', '1200', 'm08.upgrade', d.projects['m08.upgrade'][0].key);
    const m08 = { measure: measure('m08') };
    expect(questionsOf(d, m08).flatMap((t) => t.measures.map((m) => m.measureId))).toEqual(['m08']);
    expect(candidateProfile(d, { scope: m08 })).toEqual({
      version: 1,
      entity: 'enterprise',
      region: { poverty: true, oldRevolutionary: false },
      projects: { 'm08.upgrade': [{ facts: { investment: '1200' } }] },
    });
    expect(candidateProfile(d, { scope: { measure: measure('m14') } })).toEqual({ version: 1, entity: 'enterprise', facts: { 'm14.cloudCost': '180' } });
    // Whatever the topics: the calculator of （二十一） asks its questions though 绿色制造 was not chosen.
    expect(answeredCount(d, { measure: measure('m21') })).toEqual({ answered: 0, total: 2 });
  });

  it('its messages are the questionnaire’s, on the same paths', () => {
    const d = setText(enterprise(), 'm14.cloudCost', '-5');
    expect(fieldMessages(d, { measure: measure('m14') })).toEqual({ 'facts/m14.cloudCost': '「设备上云上平台的实际费用」不能为负数' });
    expect(fieldMessages(d)).toEqual({}); // the questionnaire without the topic does not ask it
  });

  it('starts from the stored answers, for an entity the measure is for, without changing them', () => {
    let stored = enterprise('investment');
    stored = addEntry(stored, 'm08.upgrade');
    stored = setText(stored, 'investment', '2100', 'm08.upgrade', stored.projects['m08.upgrade'][0].key);
    const copy = JSON.parse(JSON.stringify(stored));
    const d = calculatorDraft(measure('m08'), ['enterprise'], stored);
    expect(d.projects['m08.upgrade'][0].texts.investment).toBe('2100');
    expect(stored).toEqual(copy);
    // A park's answers open an enterprise-only measure as an enterprise; a park measure as a park.
    expect(calculatorDraft(measure('m08'), ['enterprise'], { ...stored, entity: 'park' }).entity).toBe('enterprise');
    expect(calculatorDraft(measure('m30'), ['park'], stored).entity).toBe('park');
    expect(calculatorDraft(measure('m30'), ['park']).entity).toBe('park');
    expect(setCalculatorEntity(d, 'park', measure('m23')).entity).toBe('park');
  });

  it('a measure asked only through one kind of entry shows its first entry; several kinds are added by the user', () => {
    expect(calculatorDraft(measure('m02'), ['enterprise']).projects['m02.industrialization']).toHaveLength(1);
    expect(calculatorDraft(measure('m18'), ['enterprise']).projects['m18.water-saving']).toHaveLength(1);
    expect(calculatorDraft(measure('m08'), ['enterprise']).projects).toEqual({});
    expect(calculatorDraft(measure('m14'), ['enterprise']).projects).toEqual({});
  });
});

describe('a question about SME recognitions is asked only of an enterprise that may be an SME (issue 22, item 8)', () => {
  const recognition = () => questionsOf(enterprise('platforms')).flatMap((t) => t.measures).find((m) => m.measureId === 'm06')!.facts[0];
  const withSme = (sme: 'yes' | 'no' | 'unknown' | undefined) => {
    const d = setAnswer(enterprise('platforms'), 'm06.recognition', 'specialized');
    return sme === undefined ? d : setCommon(d, 'sme', sme === 'yes' ? true : sme === 'no' ? false : 'unknown');
  };
  it.each([
    { who: 'an SME', sme: 'yes', asked: true },
    { who: 'an enterprise that has not said', sme: undefined, asked: true },
    { who: 'an enterprise that is unsure', sme: 'unknown', asked: true },
    { who: 'a non-SME', sme: 'no', asked: false },
  ] as const)('$who: asked it is $asked', ({ sme, asked }) => {
    const d = withSme(sme);
    expect(recognition().gates).toEqual(['sme']);
    expect(isShown(recognition(), d, d)).toBe(asked);
    // What is not asked is not sent either, and does not count among the questions.
    expect((candidateProfile(d).facts as Record<string, unknown> | undefined)?.['m06.recognition']).toBe(asked ? 'specialized' : undefined);
    expect(answeredCount(d).total - answeredCount(setCommon(d, 'sme', true)).total).toBe(asked ? 0 : -1);
  });
});
