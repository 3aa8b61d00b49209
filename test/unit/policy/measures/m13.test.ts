/**
 * （十三）对通过国家“两化融合”管理体系标准贯标评定的企业，达到 5A、4A、3A级、2A 级、A 级的分别给予 300万元、
 * 200万元、100万元、50万元、30 万元一次性奖励。
 */
import { enterprise, item, park, wan, type Facts } from '../helpers';

const ID = 'm13.integration-level';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });

describe('（十三）“两化融合”贯标奖励', () => {
  it.each([
    // level, status, amount (万元)
    ['5A', 'eligible', 300], // 5A: 300
    ['4A', 'eligible', 200], // 4A: 200
    ['3A', 'eligible', 100], // 3A: 100
    ['2A', 'eligible', 50], // 2A: 50
    ['A', 'eligible', 30], // A: 30
    ['none', 'ineligible', 0], // 未通过评定
  ])('an enterprise assessed at level %s is %s for %s万元', (level, status, amount) => {
    const r = item(ent({ 'm13.level': level }), ID);
    expect(r.status).toBe(status);
    expect(r.kind).toBe('exact');
    expect(r.amount).toEqual(range(amount as number));
    if (status === 'ineligible') expect(r.reasonCode).toBe('level');
  });

  it('an unknown level needs information, from 0 up to the 5A 300万元', () => {
    const r = item(ent({ 'm13.level': 'unknown' }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m13.level']);
    expect(r.amount).toEqual(range(0, 300));
    expect(r.alternatives.map((a) => a.amount.max)).toEqual([wan(300), wan(200), wan(100), wan(50), wan(30)]);
  });

  it('an unanswered level is not offered', () => {
    const r = item(ent({}), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ facts: { 'm13.level': '5A' } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
