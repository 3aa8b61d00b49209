/**
 * （二十四）对新建先进制造业项目用地可采取长期租赁、先租后让、弹性年期出让等多种方式取得土地使用权。对原依法取得的
 * 工业用地改造开发后提高厂房容积率但不改变用途的，可不再增缴土地价款，企业在现有厂区内改建、翻建厂房或者建设地下
 * 厂房的免收城市基础设施配套费，在现有厂区内扩建、新建厂房按规定标准减半征收城市基础设施配套费。
 * (免收 = 100%, 减半 = 50% of the fee the user states; kind 'saving', counted in savings, not in the total)
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });
const REBUILD = 'm24.rebuild-fee-waiver';
const EXPAND = 'm24.expand-fee-half';

describe('（二十四）城市基础设施配套费减免', () => {
  it.each([
    // item, facts, saving (万元)
    [REBUILD, { 'm24.rebuild': true, 'm24.rebuildFee': 80 }, 80], // 免收: 80 × 100% = 80
    [REBUILD, { 'm24.rebuild': true, 'm24.rebuildFee': 0.01 }, 0.01], // 0.01 × 100% = 0.01 (100元)
    [REBUILD, { 'm24.rebuild': true, 'm24.rebuildFee': 12345.678 }, 12345.678], // no cap on a waiver
    [EXPAND, { 'm24.expand': true, 'm24.expandFee': 80 }, 40], // 减半: 80 × 50% = 40
    [EXPAND, { 'm24.expand': true, 'm24.expandFee': 0.01 }, 0.005], // 0.01 × 50% = 0.005 (50元)
    [EXPAND, { 'm24.expand': true, 'm24.expandFee': 333.33 }, 166.665], // 333.33 × 50% = 166.665
  ])('%s with %j saves %s万元', (id, facts, saving) => {
    const r = item(ent(facts), id);
    expect(r.status).toBe('eligible');
    expect(r.itemKind).toBe('feeReduction');
    expect(r.kind).toBe('saving');
    expect(r.amount).toEqual(range(saving));
  });

  it('savings are counted apart from the money awarded', () => {
    // 免收 100 + 减半 60 × 50% = 30 → savings 130; total 0
    const res = evaluate(ent({ 'm24.rebuild': true, 'm24.rebuildFee': 100, 'm24.expand': true, 'm24.expandFee': 60 }));
    expect(res.savings).toEqual(range(130));
    expect(res.total).toEqual(range(0));
  });

  it.each([
    [REBUILD, { 'm24.rebuild': false, 'm24.rebuildFee': 80 }], // not 改建、翻建、地下厂房
    [EXPAND, { 'm24.expand': false, 'm24.expandFee': 80 }], // not 扩建、新建
  ])('%s does not apply with %j', (id, facts) => {
    const r = item(ent(facts), id);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it.each([
    [REBUILD, 'm24.rebuild', 'm24.rebuildFee'],
    [EXPAND, 'm24.expand', 'm24.expandFee'],
  ])('%s without the fee needs the fee (%s yes, %s missing) to say how much is saved', (id, flagFact, feeFact) => {
    const r = item(ent({ [flagFact]: true }), id);
    expect(r.status).toBe('needsInfo');
    expect(r.kind).toBe('saving');
    expect(r.missing).toEqual([`facts/${feeFact}`]);
  });

  it('an unsure 扩建/新建 answer needs information and shows both figures', () => {
    // yes: 80 × 50% = 40; no: 0
    const r = item(ent({ 'm24.expand': 'unknown', 'm24.expandFee': 80 }), EXPAND);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m24.expand']);
    expect(r.amount).toEqual(range(0, 40));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(40)],
      ['ineligible', wan(0)],
    ]);
  });

  it.each([REBUILD, EXPAND])('%s is not offered when left blank', (id) => {
    const r = item(ent({}), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });
});

describe('（二十四）用地支持', () => {
  it.each(['m24.flexible-land-supply', 'm24.plot-ratio'])('%s is non-monetary support with no amount for an enterprise', (id) => {
    const r = item(enterprise(), id);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual(range(0));
  });

  it.each(['m24.flexible-land-supply', 'm24.plot-ratio', REBUILD, EXPAND])('an industrial park is not the audience of %s', (id) => {
    const r = item(park({ facts: { 'm24.rebuild': true, 'm24.rebuildFee': 80, 'm24.expand': true, 'm24.expandFee': 80 } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
