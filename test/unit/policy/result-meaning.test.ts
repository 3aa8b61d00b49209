/**
 * What results mean, as a user reads them (issue 13, part 5): whose money an item is, which group it
 * is in, what an unsure answer shows, and that the working adds up. Figures are worked from the
 * clause in the comments; the engine and the one result reader (result-view) are under test.
 */
import { catalog2022, evaluate, parseProfile, type EvaluateResult, type ItemResult } from '../../../shared/policy/engine';
import { alternativeLine, figureInGroup, groupOf, groupResults, setByDepartment, summarize } from '../../../shared/policy/view';
import { report } from '../../../shared/policy/cli/report';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE, SMALL_SPECIALIZED } from '../../support/personas';

function run(profile: unknown): EvaluateResult {
  const p = parseProfile(profile);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return evaluate(p.profile);
}
const item = (res: EvaluateResult, id: string): ItemResult => res.items.find((r) => r.id === id)!;
const topicOf = (r: ItemResult) => catalog2022.measures[r.measureNumber - 1].topic;

describe('（七） awards are paid to the craftsmen themselves (“奖励对象是工匠本人”)', () => {
  // 2 大国工匠 × 20万元 + 1 北疆工匠 × 10万元 = 50万元 for the people; （一） 50万元 for the enterprise.
  const res = run({ version: 1, entity: 'enterprise', facts: { 'm01.techCenter': true, 'm07.greatCraftsmen': '2', 'm07.northCraftsmen': '1' } });

  it('are in their own group, 本企业工匠个人可获, not in 可申请', () => {
    expect(groupOf(item(res, 'm07.great-craftsman'))).toBe('people');
    const groups = Object.fromEntries(groupResults(res).map((g) => [g.id, g.items.map((r) => r.id)]));
    expect(groups.people).toEqual(['m07.great-craftsman', 'm07.north-craftsman']);
    expect(groups.eligible).toEqual(['m01.tech-center']);
  });

  it('add up on their own line and never into the enterprise total', () => {
    expect(res.peopleTotal).toEqual({ min: '500000.00', max: '500000.00' });
    expect(res.total).toEqual({ min: '500000.00', max: '500000.00' });
    expect(res.measuresCovered).toBe(1);
  });

  it('the CLI report says the same', () => {
    const text = report(res);
    expect(text).toContain('本企业工匠个人可获（2 项）');
    expect(text).toContain('合计可申请：50万元（涉及 1 条措施、1 个可申请事项）');
    expect(text).toContain('本企业工匠个人可获 50万元（发给个人，不计入企业合计）');
  });
});

describe('（二十） is a cash award whose amount the department sets', () => {
  const yes = run({ version: 1, entity: 'park', topics: ['park'], facts: { 'm20.demoPark': true } });
  const unsure = run({ version: 1, entity: 'park', topics: ['park'], facts: { 'm20.demoPark': 'unknown' } });

  it('answered 是: with what can be claimed, 金额待核定, never under 非资金支持', () => {
    const r = item(yes, 'm20.low-carbon-park');
    expect(groupOf(r)).toBe('eligible');
    expect(figureInGroup(r, 'eligible')).toEqual({ figure: '金额待核定', amountLabel: '' });
    expect(setByDepartment(yes).map((x) => x.id)).toEqual(['m20.low-carbon-park']);
    expect(report(yes)).toContain('你有 1 个可申请事项（涉及 1 条措施）');
    expect(report(yes)).toContain('1 项金额待核定（清单未给出标准，由主管部门核定），未计入合计');
    expect(report(yes)).not.toContain('0元');
  });

  it('unsure: the 是 side says 金额待核定, never 0元', () => {
    const r = item(unsure, 'm20.low-carbon-park');
    expect(groupOf(r)).toBe('needsInfo');
    const lines = r.alternatives.map((a) => alternativeLine(r, a));
    expect(lines.map((l) => l.figure)).toEqual(['金额待核定', '不符合']);
    expect(lines.some((l) => /0元/.test(l.figure))).toBe(false);
  });
});

describe('an item with several projects is the sum of its projects’ figures', () => {
  // Two smart factories of 1.000003万元 = 10000.03元 each: × 20% = 2000.006元, shown 2000.01元.
  // The item is 2000.01 + 2000.01 = 4000.02元 (unrounded the sum would be 4000.012 → 4000.01元).
  const res = run({
    version: 1,
    entity: 'enterprise',
    projects: { 'm08.smart-factory': [{ facts: { investment: '1.000003' } }, { facts: { investment: '1.000003' } }] },
  });
  const r = item(res, 'm08.smart-factory');

  it('each project rounded once, the item their sum', () => {
    expect(r.entries!.map((e) => e.amount.max)).toEqual(['2000.01', '2000.01']);
    expect(r.amount).toEqual({ min: '4000.02', max: '4000.02' });
    expect(res.total.max).toBe('4000.02');
  });

  it('the 合计 line of the working says the same figures', () => {
    expect(r.stages.find((s) => s.step === 'sum')!.text).toBe('2 个智能工厂或数字化车间项目合计：2000.01元 + 2000.01元 = 4000.02元');
  });
});

describe('non-monetary support is listed where it concerns the one asking', () => {
  it.each([
    ['a large enterprise (topics 投资与技术改造, 数字化)', LARGE_ENTERPRISE],
    ['a small 专精特新 firm (topics 创新平台, 投资)', SMALL_SPECIALIZED],
  ])('%s: only measures of the topics it chose', (_name, profile) => {
    const res = run(profile);
    const support = groupResults(res).find((g) => g.id === 'nonMonetary')!.items;
    expect(support.length).toBeGreaterThan(0);
    for (const r of support) expect(profile.topics).toContain(topicOf(r));
  });

  it('a park: only what the catalog addresses to parks', () => {
    const res = run(INDUSTRIAL_PARK);
    const support = groupResults(res).find((g) => g.id === 'nonMonetary')!.items;
    expect(support.length).toBeGreaterThan(0);
    for (const r of support) {
      const record = catalog2022.measures[r.measureNumber - 1].items.find((i) => i.id === r.id)!;
      expect(record.audience).toContain('park');
    }
  });
});

describe('what an unsure answer is said to depend on', () => {
  const CHAIN = '「项目是否属于先进制造业集群或优势特色产业链的技术改造（工艺设备更新、新产品开发等）」';
  const upgrade = (entries: { chain: boolean | 'unknown'; investment: string }[], region: object) =>
    item(run({ version: 1, entity: 'enterprise', region, projects: { 'm08.upgrade': entries.map((facts) => ({ facts })) } }), 'm08.upgrade');

  it('several projects: each project’s own question is named with its project, the region once', () => {
    // Project 1: 1500万元 needs an area (1000万元 there, 2000万元 elsewhere) → 1500 × 20% = 300万元.
    // Project 2: 2500万元 ≥ 2000万元 needs only its 产业链 answer → 2500 × 20% = 500, capped at 500万元.
    const r = upgrade([{ chain: true, investment: '1500' }, { chain: 'unknown', investment: '2500' }], { poverty: 'unknown', oldRevolutionary: 'unknown' });
    expect(r.alternatives.map((a) => [a.assume, alternativeLine(r, a).figure])).toEqual([
      [`项目位于脱贫地区或革命老区，且技术改造项目 2：${CHAIN}为“是”`, '800万元'],
      [`项目不在脱贫地区或革命老区，且技术改造项目 2：${CHAIN}为“否”`, '不符合'],
    ]);
    expect(r.reason).toBe(`技术改造项目 1 需要确认：「项目所在旗县区是否属于脱贫地区」、「项目所在旗县区是否属于革命老区」；技术改造项目 2 需要确认：${CHAIN}`);
  });

  it('an area already answered 否 is not named: only the one still unsure', () => {
    const r = upgrade([{ chain: true, investment: '1200' }], { poverty: 'unknown', oldRevolutionary: false });
    expect(r.alternatives.map((a) => a.assume)).toEqual(['项目位于脱贫地区', '项目不在脱贫地区']);
  });

  it('one fact: the card’s short form is the answer alone', () => {
    const r = upgrade([{ chain: 'unknown', investment: '3000' }], { poverty: false, oldRevolutionary: false });
    expect(r.alternatives.map((a) => alternativeLine(r, a, { short: true }).assume)).toEqual(['为“是”', '为“否”']);
  });
});

describe('the summary, as the results page, the calculator and the CLI say it', () => {
  it('a fee saving alone: an item to claim, the saving on its own line, no 金额待核定 and no 0元', () => {
    // （二十四）改建厂房免收配套费: 100万元 not paid.
    const s = summarize(run({ version: 1, entity: 'enterprise', facts: { 'm24.rebuild': true, 'm24.rebuildFee': '100' } }));
    expect(s).toEqual({ lead: '你有 1 个可申请事项', covers: '涉及 1 条措施', lines: [{ id: 'savings', text: '另可少缴费用 100万元' }] });
  });

  it('a park: every claimable measure is counted, 金额待核定 included', () => {
    const s = summarize(run(INDUSTRIAL_PARK));
    expect([s.lead, s.totalWan, s.covers]).toEqual(['你可以申请', '500–2500', '涉及 3 条措施、3 个可申请事项']);
    expect(s.lines.map((l) => l.id)).toEqual(['set-by-department']);
  });

  it('（七） with the number unsure: no “0元 起”', () => {
    const r = item(run({ version: 1, entity: 'enterprise', facts: { 'm07.northCraftsmen': 'unknown' } }), 'm07.north-craftsman');
    expect(figureInGroup(r, 'needsInfo')).toEqual({ figure: '填写后算出', amountLabel: '待确认' });
  });
});
