/**
 * （二十七）发布自治区重点支持产业目录，对 5G 基站、充电设施、数据中心、先进材料、制氢、储能等纳入目录的给予电价
 * 政策支持。 (non-monetary, with a condition: 纳入目录)
 */
import { enterprise, item, park, wan, type Facts } from '../helpers';

const ID = 'm27.power-price';
const ent = (facts: Facts) => enterprise({ facts });
const zero = { min: wan(0), max: wan(0) };

describe('（二十七）电价政策支持', () => {
  it.each([
    // listedIndustry, status
    [true, 'eligible'], // 纳入目录: 电价政策支持
    [false, 'ineligible'], // not in the 目录
  ])('an enterprise answering %s to 纳入目录 is %s, with no amount', (answer, status) => {
    const r = item(ent({ 'm27.listedIndustry': answer }), ID);
    expect(r.status).toBe(status);
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual(zero);
    if (status === 'ineligible') expect(r.reasonCode).toBe('condition');
  });

  it('an unsure answer needs information, naming the fact', () => {
    const r = item(ent({ 'm27.listedIndustry': 'unknown' }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m27.listedIndustry']);
    expect(r.alternatives.map((a) => a.status)).toEqual(['eligible', 'ineligible']);
  });

  it('an enterprise that answered nothing is not offered', () => {
    const r = item(ent({}), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ facts: { 'm27.listedIndustry': true } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
