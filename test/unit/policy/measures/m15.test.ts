/**
 * （十五）按照首版次软件取得知识产权或证书规定期限内截至申请时的实际销售总额的 20%给予补助，单个企业补助金额最高
 * 不超过300万元。对企业新开发的工业软件（工业 APP），按照研发该产品实际投入金额的 20%给予补助，单个企业最高
 * 不超过 300 万元。
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });
const FIRST = ['m15.first-version-software', 'm15.firstVersionSales'] as const;
const APP = ['m15.industrial-software', 'm15.industrialSoftwareCost'] as const;

describe('（十五）软件产业补助', () => {
  it.each([
    // item, fact, base (万元), amount (万元)
    [...FIRST, 200, 40], // 首版次软件: sales 200 × 20% = 40
    [...FIRST, 1499.99, 299.998], // just below the 300 cap
    [...FIRST, 1500, 300], // 1500 × 20% = 300 = cap
    [...FIRST, 1500.01, 300], // 300.002 → 300
    [...FIRST, 4000, 300], // 800 → 300
    [...APP, 200, 40], // 工业软件: R&D 200 × 20% = 40
    [...APP, 1499.99, 299.998], // just below the 300 cap
    [...APP, 1500, 300], // = cap
    [...APP, 1500.01, 300], // 300.002 → 300
    [...APP, 4000, 300], // 800 → 300
  ])('%s with %s = %s万元 is eligible for %s万元', (id, fact, base, amount) => {
    const r = item(ent({ [fact]: base }), id);
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it('each sentence has its own 300万元 per-enterprise cap, so both add up', () => {
    // 4000 × 20% = 800 → 300; 4000 × 20% = 800 → 300 → 600
    const res = evaluate(ent({ 'm15.firstVersionSales': 4000, 'm15.industrialSoftwareCost': 4000 }));
    expect(res.total).toEqual(range(600));
  });

  it.each([FIRST, APP])('%s with a zero base (%s) gives nothing', (id, fact) => {
    const r = item(ent({ [fact]: 0 }), id);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it.each([FIRST, APP])('%s with an unknown base (%s) needs information, up to 300万元', (id, fact) => {
    const r = item(ent({ [fact]: 'unknown' }), id);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`facts/${fact}`]);
    expect(r.amount).toEqual(range(0, 300));
  });

  it.each([FIRST[0], APP[0]])('%s is not offered when left blank', (id) => {
    const r = item(ent({}), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each([FIRST[0], APP[0]])('an industrial park is not the audience of %s', (id) => {
    const r = item(park({ facts: { 'm15.firstVersionSales': 100, 'm15.industrialSoftwareCost': 100 } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
