/**
 * （二十一）对新认定为国家级绿色工厂、绿色产品、绿色供应链、能效领跑者、水效领跑者的企业给予 100万元一次性奖励，
 * 对新认定为自治区级绿色工厂、绿色产品、绿色供应链、节水标杆的企业给予 50万元一次性奖励。
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });
const ITEMS = [
  // label, item, fact, amount (万元)
  ['国家级', 'm21.national-green', 'm21.nationalGreen', 100], // 国家级: 100
  ['自治区级', 'm21.regional-green', 'm21.regionalGreen', 50], // 自治区级: 50
] as const;

describe('（二十一）绿色制造示范奖励', () => {
  it.each(ITEMS)('a %s green-manufacturing recognition (%s) gives %s万元', (_l, id, fact, amount) => {
    const r = item(ent({ [fact]: true }), id);
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it.each(ITEMS)('no %s recognition (%s) gives nothing', (_l, id, fact) => {
    const r = item(ent({ [fact]: false }), id);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it.each(ITEMS)('an unsure %s recognition (%s) needs information: 0 or %s万元', (_l, id, fact, amount) => {
    const r = item(ent({ [fact]: 'unknown' }), id);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`facts/${fact}`]);
    expect(r.amount).toEqual(range(0, amount));
  });

  it('a national and a regional recognition, in two clauses, add up', () => {
    // 100 + 50 = 150
    expect(evaluate(ent({ 'm21.nationalGreen': true, 'm21.regionalGreen': true })).total).toEqual(range(150));
  });

  it.each(ITEMS)('a %s item (%s) is not offered when left blank', (_l, id) => {
    const r = item(ent({}), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each(ITEMS)('an industrial park is not the audience of the %s item (%s)', (_l, id, fact) => {
    const r = item(park({ facts: { [fact]: true } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
