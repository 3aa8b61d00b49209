/**
 * （二十九）…对认定为技术改造先进企业、科技创新先进企业、节能降耗先进企业、数字化应用先进企业、专精特新先进企业的，
 * 每户企业给予一次性 100万元支持…
 */
import { enterprise, item, park, wan, type Facts } from '../helpers';

const ID = 'm29.advanced-enterprise';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });

describe('（二十九）年度先进企业支持', () => {
  it.each([
    // advancedEnterprise, status, amount (万元)
    [true, 'eligible', 100], // 每户企业给予一次性 100万元
    [false, 'ineligible', 0],
  ])('an enterprise answering %s is %s for %s万元', (answer, status, amount) => {
    const r = item(ent({ 'm29.advancedEnterprise': answer }), ID);
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
  });

  it('an unsure answer needs information: 100万元 or nothing', () => {
    const r = item(ent({ 'm29.advancedEnterprise': 'unknown' }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m29.advancedEnterprise']);
    expect(r.amount).toEqual(range(0, 100));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(100)],
      ['ineligible', wan(0)],
    ]);
  });

  it('an enterprise that answered nothing is not offered', () => {
    const r = item(ent({}), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ facts: { 'm29.advancedEnterprise': true } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
