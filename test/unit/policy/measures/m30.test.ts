/**
 * （三十）…对考核评价认定为综合实力强的工业园区，每个工业园区给予一次性 3000万元支持，对考核评价认定为争先进位快、
 * 亩均效益高、绿色转型好、科技创新强、招商引资多的工业园区，每个工业园区给予一次性 500万元支持…
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const parkWith = (facts: Facts) => park({ facts });
const ITEMS = [
  // label, item, fact, amount (万元)
  ['综合实力强', 'm30.strong-park', 'm30.strongPark', 3000], // 3000
  ['争先进位快等', 'm30.excellent-park', 'm30.excellentPark', 500], // 500
] as const;

describe('（三十）园区考核支持', () => {
  it.each(ITEMS)('a park recognized as %s (%s) gets %s万元', (_l, id, fact, amount) => {
    const r = item(parkWith({ [fact]: true }), id);
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it.each(ITEMS)('a park not recognized as %s (%s) gets nothing', (_l, id, fact) => {
    const r = item(parkWith({ [fact]: false }), id);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it.each(ITEMS)('an unsure %s recognition (%s) needs information: 0 or %s万元', (_l, id, fact, amount) => {
    const r = item(parkWith({ [fact]: 'unknown' }), id);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`facts/${fact}`]);
    expect(r.amount).toEqual(range(0, amount));
  });

  it('both recognitions, in two clauses, add up', () => {
    // 3000 + 500 = 3500
    expect(evaluate(parkWith({ 'm30.strongPark': true, 'm30.excellentPark': true })).total).toEqual(range(3500));
  });

  it.each(ITEMS)('a %s item (%s) is not offered when left blank', (_l, id) => {
    const r = item(park(), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each(ITEMS)('an enterprise is not the audience of the %s item (%s)', (_l, id, fact) => {
    const r = item(enterprise({ facts: { [fact]: true } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
