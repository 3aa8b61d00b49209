/**
 * （十一）对新创建的区域级、行业级、企业级的工业互联网平台，按照实际完成投资额的 20%、单个项目最高不超过 500万元、
 * 400万元、300万元给予奖补。对新建工业互联网标识解析二级节点且与国家顶级节点实现互联互通的企业，给予 500万元
 * 一次性补助。对开展工业互联网标识解析创新应用的企业，依据应用效果给予补助，单个企业最高不超过 300万元。
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, withProjects, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });
const run = (id: string, ...entries: Facts[]) => item(withProjects(id, entries), id);

describe('（十一）工业互联网平台奖补', () => {
  it.each([
    // platform item, investment (万元), amount (万元)
    ['m11.platform-regional', 1000, 200], // 区域级: 1000 × 20% = 200
    ['m11.platform-regional', 2499.99, 499.998], // just below the 500 cap
    ['m11.platform-regional', 2500, 500], // 2500 × 20% = 500 = cap
    ['m11.platform-regional', 2500.01, 500], // 500.002 → 500
    ['m11.platform-industry', 1000, 200], // 行业级: 1000 × 20% = 200
    ['m11.platform-industry', 1999.99, 399.998], // just below the 400 cap
    ['m11.platform-industry', 2000, 400], // 2000 × 20% = 400 = cap
    ['m11.platform-industry', 2500, 400], // 500 → 400
    ['m11.platform-enterprise', 1000, 200], // 企业级: 1000 × 20% = 200
    ['m11.platform-enterprise', 1499.99, 299.998], // just below the 300 cap
    ['m11.platform-enterprise', 1500, 300], // 1500 × 20% = 300 = cap
    ['m11.platform-enterprise', 1500.01, 300], // 300.002 → 300
  ])('%s with %s万元 invested is eligible for %s万元', (id, investment, amount) => {
    const r = run(id, { investment });
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it.each([
    // item, investments, per-platform amounts, total (万元)
    ['m11.platform-regional', [3000, 1000], [500, 200], 700], // 600 → 500; 200
    ['m11.platform-industry', [3000, 1000], [400, 200], 600], // 600 → 400; 200
    ['m11.platform-enterprise', [3000, 1000, 1500], [300, 200, 300], 800], // 600 → 300; 200; 300
  ])('several %s platforms %j are capped each: %j, %s万元 in all', (id, investments, each, total) => {
    const r = run(id, ...investments.map((investment) => ({ investment })));
    expect(r.entries?.map((e) => e.amount.max)).toEqual(each.map(wan));
    expect(r.amount).toEqual(range(total));
  });

  it.each(['m11.platform-regional', 'm11.platform-industry', 'm11.platform-enterprise'])(
    '%s is not offered when no platform is entered',
    (id) => {
      const r = run(id);
      expect(r.status).toBe('notForYou');
      expect(r.reasonCode).toBe('unanswered');
    },
  );
});

describe('（十一）标识解析二级节点与创新应用', () => {
  it.each([
    // identifierNode, status, amount (万元)
    [true, 'eligible', 500], // 新建二级节点且与国家顶级节点互联互通: 500
    [false, 'ineligible', 0],
  ])('a secondary identifier node answered %s is %s for %s万元', (answer, status, amount) => {
    const r = item(ent({ 'm11.identifierNode': answer }), 'm11.identifier-node');
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
  });

  it('an unsure identifier node needs information: 500万元 or nothing', () => {
    const r = item(ent({ 'm11.identifierNode': 'unknown' }), 'm11.identifier-node');
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m11.identifierNode']);
    expect(r.amount).toEqual(range(0, 500));
  });

  it('an identifier-resolution application is an award of up to 300万元, with no formula', () => {
    // 依据应用效果给予补助，单个企业最高不超过 300万元 → 0 … 300
    const r = item(ent({ 'm11.identifierApplication': true }), 'm11.identifier-application');
    expect(r.status).toBe('eligible');
    expect(r.itemKind).toBe('upTo');
    expect(r.kind).toBe('upTo');
    expect(r.amount).toEqual(range(0, 300));
  });

  it('an enterprise without an identifier-resolution application is not eligible', () => {
    const r = item(ent({ 'm11.identifierApplication': false }), 'm11.identifier-application');
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure identifier-resolution application needs information and shows both ranges', () => {
    const r = item(ent({ 'm11.identifierApplication': 'unknown' }), 'm11.identifier-application');
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m11.identifierApplication']);
    expect(r.amount).toEqual(range(0, 300));
    expect(r.alternatives.map((a) => [a.status, a.amount])).toEqual([
      ['eligible', range(0, 300)],
      ['ineligible', range(0)],
    ]);
  });

  it('the up-to award enters the total as a range', () => {
    // node 500 + application 0…300 → 500 … 800
    const res = evaluate(ent({ 'm11.identifierNode': true, 'm11.identifierApplication': true }));
    expect(res.total).toEqual(range(500, 800));
  });

  it.each(['m11.identifier-node', 'm11.identifier-application'])('%s is not offered when left blank', (id) => {
    const r = item(ent({}), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });
});

describe('（十一）audience', () => {
  it.each([
    'm11.platform-regional',
    'm11.platform-industry',
    'm11.platform-enterprise',
    'm11.identifier-node',
    'm11.identifier-application',
  ])('an industrial park is not the audience of %s', (id) => {
    const r = item(
      park({
        facts: { 'm11.identifierNode': true, 'm11.identifierApplication': true },
        projects: { [id]: [{ facts: { investment: 1000 } }] },
      }),
      id,
    );
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
