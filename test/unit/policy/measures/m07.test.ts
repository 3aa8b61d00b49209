/**
 * （七）对“大国工匠”“北疆工匠”分别按每人每年 20 万元、10万元标准给予一次性奖励。
 * (no cap in the clause)
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });

describe('（七）工匠人才奖励', () => {
  it.each([
    // item, fact, people, amount (万元)
    ['m07.great-craftsman', 'm07.greatCraftsmen', 1, 20], // 1 × 20 = 20
    ['m07.great-craftsman', 'm07.greatCraftsmen', 3, 60], // 3 × 20 = 60
    ['m07.great-craftsman', 'm07.greatCraftsmen', 30, 600], // 30 × 20 = 600, no cap
    ['m07.north-craftsman', 'm07.northCraftsmen', 1, 10], // 1 × 10 = 10
    ['m07.north-craftsman', 'm07.northCraftsmen', 5, 50], // 5 × 10 = 50
  ])('%s with %s = %s people is %s万元', (id, fact, people, amount) => {
    const r = item(ent({ [fact]: people }), id);
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it.each([
    ['m07.great-craftsman', 'm07.greatCraftsmen'],
    ['m07.north-craftsman', 'm07.northCraftsmen'],
  ])('%s with nobody (%s = 0) gives nothing', (id, fact) => {
    const r = item(ent({ [fact]: 0 }), id);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('both kinds of craftsmen add up, for the craftsmen: not in the enterprise total', () => {
    // 2 × 20 + 3 × 10 = 70, paid to the people (奖励对象是工匠本人)
    const res = evaluate(ent({ 'm07.greatCraftsmen': 2, 'm07.northCraftsmen': 3 }));
    expect(res.peopleTotal).toEqual(range(70));
    expect(res.total).toEqual(range(0));
  });

  it('an unknown number of craftsmen needs information and, with no cap, the upper bound is open', () => {
    const r = item(ent({ 'm07.greatCraftsmen': 'unknown' }), 'm07.great-craftsman');
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m07.greatCraftsmen']);
    expect(r.open).toBe(true);
  });

  it.each(['m07.great-craftsman', 'm07.north-craftsman'])('%s is not offered when left blank', (id) => {
    const r = item(ent({}), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each(['m07.great-craftsman', 'm07.north-craftsman'])('an industrial park is not the audience of %s', (id) => {
    const r = item(park({ facts: { 'm07.greatCraftsmen': 1, 'm07.northCraftsmen': 1 } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
