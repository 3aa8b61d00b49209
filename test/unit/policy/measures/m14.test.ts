/**
 * （十四）对设备上云上平台的企业按照实际费用的 20%给予补助，单个企业最高补助不超过 300万元。对认定为自治区优秀
 * 云服务商给予最高不超过 100万元一次性奖励。对登云标杆企业，按照登云投入实际费用的 20%给予补助，单个企业最高
 * 不超过 200万元。…对开展婴幼儿配方乳粉数字化可追溯平台建设，且接入国家婴幼儿配方乳粉质量追溯平台的企业给予
 * 50万元一次性奖励。
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });

describe('（十四）设备上云上平台补助', () => {
  const ID = 'm14.equipment-cloud';
  it.each([
    // actual cost (万元), amount (万元)
    [100, 20], // 100 × 20% = 20
    [1499.99, 299.998], // just below the 300 cap
    [1500, 300], // 1500 × 20% = 300 = cap
    [1500.01, 300], // 300.002 → 300
    [5000, 300], // 1000 → 300
  ])('an enterprise spending %s万元 on 设备上云 is eligible for %s万元', (cost, amount) => {
    const r = item(ent({ 'm14.cloudCost': cost }), ID);
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it('no cost gives nothing', () => {
    const r = item(ent({ 'm14.cloudCost': 0 }), ID);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('an unknown cost needs information, up to the 300万元 cap', () => {
    const r = item(ent({ 'm14.cloudCost': 'unknown' }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m14.cloudCost']);
    expect(r.amount).toEqual(range(0, 300));
  });
});

describe('（十四）自治区优秀云服务商奖励', () => {
  const ID = 'm14.cloud-provider';
  it('a recognized cloud provider gets an award of up to 100万元, with no formula', () => {
    // 最高不超过 100万元 → 0 … 100
    const r = item(ent({ 'm14.cloudProvider': true }), ID);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('upTo');
    expect(r.amount).toEqual(range(0, 100));
  });

  it('an enterprise that is not a recognized provider is not eligible', () => {
    const r = item(ent({ 'm14.cloudProvider': false }), ID);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure recognition needs information, 0 … 100万元', () => {
    const r = item(ent({ 'm14.cloudProvider': 'unknown' }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m14.cloudProvider']);
    expect(r.amount).toEqual(range(0, 100));
    expect(r.alternatives.map((a) => [a.status, a.amount])).toEqual([
      ['eligible', range(0, 100)],
      ['ineligible', range(0)],
    ]);
  });
});

describe('（十四）登云标杆企业补助', () => {
  const ID = 'm14.cloud-benchmark';
  it.each([
    // benchmark, cost (万元), status, amount (万元)
    [true, 500, 'eligible', 100], // 500 × 20% = 100
    [true, 999.99, 'eligible', 199.998], // just below the 200 cap
    [true, 1000, 'eligible', 200], // 1000 × 20% = 200 = cap
    [true, 1000.01, 'eligible', 200], // 200.002 → 200
    [true, 3000, 'eligible', 200], // 600 → 200
    [false, 1000, 'ineligible', 0], // not a 登云标杆企业
  ])('benchmark=%s spending %s万元 is %s for %s万元', (benchmark, cost, status, amount) => {
    const r = item(ent({ 'm14.benchmark': benchmark, 'm14.benchmarkCost': cost }), ID);
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
  });

  it('an unsure benchmark status needs information and shows both figures', () => {
    // yes: 500 × 20% = 100; no: 0
    const r = item(ent({ 'm14.benchmark': 'unknown', 'm14.benchmarkCost': 500 }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m14.benchmark']);
    expect(r.amount).toEqual(range(0, 100));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(100)],
      ['ineligible', wan(0)],
    ]);
  });

  it('a benchmark enterprise without its cost needs information, up to the 200万元 cap', () => {
    const r = item(ent({ 'm14.benchmark': true }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m14.benchmarkCost']);
    expect(r.amount).toEqual(range(0, 200));
  });
});

describe('（十四）婴幼儿配方乳粉追溯平台奖励', () => {
  const ID = 'm14.infant-formula-trace';
  it.each([
    // answer, status, amount (万元)
    [true, 'eligible', 50], // 建设且接入国家追溯平台: 50
    [false, 'ineligible', 0],
  ])('an enterprise answering %s is %s for %s万元', (answer, status, amount) => {
    const r = item(ent({ 'm14.formulaTrace': answer }), ID);
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
  });

  it('an unsure answer needs information: 50万元 or nothing', () => {
    const r = item(ent({ 'm14.formulaTrace': 'unknown' }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m14.formulaTrace']);
    expect(r.amount).toEqual(range(0, 50));
  });
});

describe('（十四）together', () => {
  const ITEMS = ['m14.equipment-cloud', 'm14.cloud-provider', 'm14.cloud-benchmark', 'm14.infant-formula-trace'];

  it('the four items have their own caps and add up', () => {
    // 设备上云 2000 × 20% = 400 → 300; 云服务商 0 … 100; 登云 2000 × 20% = 400 → 200; 乳粉 50 → 550 … 650
    const res = evaluate(
      ent({
        'm14.cloudCost': 2000,
        'm14.cloudProvider': true,
        'm14.benchmark': true,
        'm14.benchmarkCost': 2000,
        'm14.formulaTrace': true,
      }),
    );
    expect(res.total).toEqual(range(550, 650));
  });

  it.each(ITEMS)('%s is not offered when left blank', (id) => {
    const r = item(ent({}), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each(ITEMS)('an industrial park is not the audience of %s', (id) => {
    const r = item(
      park({ facts: { 'm14.cloudCost': 100, 'm14.cloudProvider': true, 'm14.benchmark': true, 'm14.benchmarkCost': 100, 'm14.formulaTrace': true } }),
      id,
    );
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
