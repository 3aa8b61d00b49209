/**
 * The device draft → the engine's profile, and the shared schema's messages per field.
 */
import {
  addEntry,
  answeredCount,
  candidateProfile,
  draftProfile,
  emptyDraft,
  fieldMessages,
  isStarted,
  numberText,
  pathOf,
  questionDomId,
  removeEntry,
  reviveDraft,
  setAnswer,
  setCity,
  setText,
  stepOfPath,
  toggleTopic,
  userMessage,
  type Draft,
} from '../../../src/state/draft';

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

  it('a park sends no SME answer', () => {
    const d = { ...emptyDraft('park'), sme: true as const };
    expect(candidateProfile(d)).toEqual({ version: 1, entity: 'park' });
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

  it('reads full-width digits and thousands separators, and nothing else', () => {
    expect(numberText('３０００')).toBe('3000');
    expect(numberText('3,000.5')).toBe('3000.5');
    expect(numberText('1，200')).toBe('1200');
    expect(numberText('１２．５')).toBe('12.5');
    expect(numberText('1,20')).toBe('1,20');
    expect(numberText('1e20')).toBe('1e20');
    expect(numberText('-5')).toBe('-5');
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
    ['', '技术改造项目第 1 项：「项目实际完成投资额」必须是数字，单位：万元'],
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
    expect(questionDomId('projects/m08.upgrade/0/investment')).toBe('q-projects-m08-upgrade-0-investment');
  });
});
