/**
 * Caps in words (issue 22): a yearly cap used up says so instead of "可申请 0元"; a figure that
 * reaches its cap says 达到上限, not 未超过上限; a figure that already says its kind ('最高 2000万元')
 * gets no kind word beside it. The cap figures are the catalog records' (（三）每年奖励资金不超过
 * 50万元; （八）最高不超过 500万元), never written in a page.
 */
import { catalog2022, evaluate, type EvaluateResult, type ItemResult } from '../../../shared/policy/engine';
import { figureInGroup, figureText, groupOf, whyText } from '../../../shared/policy/view';
import { parsed } from '../../support/engine';
import { INDUSTRIAL_PARK } from '../../support/personas';

const run = (p: unknown): EvaluateResult => evaluate(parsed(p));
const item = (res: EvaluateResult, id: string): ItemResult => res.items.find((r) => r.id === id)!;
const shown = (r: ItemResult) => figureInGroup(r, groupOf(r)!);
const m03 = (facts: Record<string, string>) => run({ version: 1, entity: 'enterprise', facts });
const upgrade = (investment: string) =>
  item(run({ version: 1, entity: 'enterprise', projects: { 'm08.upgrade': [{ facts: { chain: true, investment } }] } }), 'm08.upgrade');

// （三）: 主导国际 30万元/个, 主导国家 20万元/个, 参与国家 10万元/个, together at most 50万元 a year.
const USED_UP = m03({ 'm03.leadInternational': '1', 'm03.leadNational': '1', 'm03.joinNational': '2' });

describe('（三）’s yearly cap of 50万元, used up by the items before', () => {
  it('the item it leaves nothing for says the cap is used up, with no kind word beside it', () => {
    expect(shown(item(USED_UP, 'm03.join-national'))).toEqual({ figure: '本年度上限 50万元 已用完', amountLabel: '' });
  });

  it('its working says so too', () => {
    expect(whyText(item(USED_UP, 'm03.join-national'))).toBe('2个 × 每个 10万元 = 20万元；本年度上限 50万元 已用完（同类奖励合计不超过 50万元），本项按 0元 计');
  });

  it('the item that fills the cap exactly says it reaches what is left', () => {
    expect(whyText(item(USED_UP, 'm03.lead-national'))).toBe('1个 × 每个 20万元 = 20万元；同类奖励本年度合计不超过 50万元，本项 20万元 达到剩余额度 20万元');
  });

  it('the total is the cap, and the figures add up to it', () => {
    expect(USED_UP.total).toEqual({ min: '500000.00', max: '500000.00' });
    expect(['m03.lead-international', 'm03.lead-national', 'm03.join-national'].map((id) => figureText(item(USED_UP, id)))).toEqual(['30万元', '20万元', '本年度上限 50万元 已用完']);
  });

  it('an item the cap only trims keeps its figure', () => {
    const trimmed = m03({ 'm03.leadInternational': '1', 'm03.joinNational': '3' });
    expect(shown(item(trimmed, 'm03.join-national'))).toEqual({ figure: '20万元', amountLabel: '精确' });
  });

  // A register's screening run has no working (issue 27, item 3: 企业结果 and 按措施名单 said 0元（精确）).
  const screening = (facts: Record<string, string>) => evaluate(parsed({ version: 1, entity: 'enterprise', facts }), catalog2022, { explain: false });
  it.each([
    ['used up: says so, as the full run does', { 'm03.leadInternational': '1', 'm03.leadNational': '1', 'm03.joinNational': '2' }, { figure: '本年度上限 50万元 已用完', amountLabel: '' }],
    ['only trimmed: keeps its figure', { 'm03.leadInternational': '1', 'm03.joinNational': '3' }, { figure: '20万元', amountLabel: '精确' }],
  ])('in a screening run (no working), the item the cap is %s', (_, facts, expected) => {
    expect(shown(item(screening(facts), 'm03.join-national'))).toEqual(expected);
  });
});

describe('（八）技术改造: 20% of the investment, at most 500万元 per project', () => {
  it.each([
    ['2100万元 stays under the cap', '2100', '2100万元 × 20% = 420万元；420万元 未超过上限 500万元'],
    ['2500万元 reaches the cap exactly', '2500', '2500万元 × 20% = 500万元；500万元 达到上限 500万元'],
    ['3000万元 goes over the cap', '3000', '3000万元 × 20% = 600万元；600万元 超过上限，按 500万元 计'],
  ])('%s', (_, investment, why) => {
    expect(whyText(upgrade(investment))).toBe(why);
  });
});

describe('a figure that already says its kind gets no kind word beside it', () => {
  it.each([
    ['（十六）最高 2000万元: no [最高] beside it', 'm16.smart-park', { figure: '最高 2000万元', amountLabel: '' }],
    ['（三十）500万元: 精确 beside it', 'm30.excellent-park', { figure: '500万元', amountLabel: '精确' }],
  ])('%s', (_, id, expected) => {
    expect(shown(item(run(INDUSTRIAL_PARK), id))).toEqual(expected);
  });
});
