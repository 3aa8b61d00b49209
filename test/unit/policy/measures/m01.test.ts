/**
 * （一）支持企业创新平台建设。对国家级制造业创新中心给予 1000万元研发经费补助。对新创建成为自治区制造业创新
 * 中心的给予 500万元一次性研发经费补助。对新认定为国家级、自治区级工业设计中心的，分别给予 100万元、50万元
 * 一次性研发经费补助。对新认定的自治区级企业技术中心，给予 50万元一次性研发经费补助。对新认定的国家技术创新
 * 示范企业、全国“质量标杆”企业，给予 100万元一次性研发经费补助。
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });

const FIXED = [
  // label, item, fact, amount (万元)
  ['国家级制造业创新中心', 'm01.national-innovation-center', 'm01.nationalInnovationCenter', 1000], // 给予 1000万元
  ['自治区制造业创新中心', 'm01.regional-innovation-center', 'm01.regionalInnovationCenter', 500], // 给予 500万元
  ['自治区级企业技术中心', 'm01.tech-center', 'm01.techCenter', 50], // 给予 50万元
  ['国家技术创新示范企业或“质量标杆”', 'm01.demo-or-benchmark', 'm01.demoOrBenchmark', 100], // 给予 100万元
] as const;

describe('（一）企业创新平台建设研发经费补助', () => {
  it.each(FIXED)('a %s (%s) is eligible for exactly %s万元', (_label, id, fact, amount) => {
    const r = item(ent({ [fact]: true }), id);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('exact');
    expect(r.amount).toEqual(range(amount));
  });

  it.each(FIXED)('an enterprise that is not a %s gets nothing from %s', (_label, id, fact) => {
    const r = item(ent({ [fact]: false }), id);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
    expect(r.amount).toEqual(range(0));
  });

  it.each(FIXED)('an unsure %s needs information for %s and shows 0 or %s万元', (_label, id, fact, amount) => {
    // 是 → the fixed amount; 否 → 0
    const r = item(ent({ [fact]: 'unknown' }), id);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`facts/${fact}`]);
    expect(r.amount).toEqual(range(0, amount));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(amount)],
      ['ineligible', wan(0)],
    ]);
  });

  it.each(FIXED)('an enterprise that answered nothing is not offered %s (%s)', (_label, id) => {
    const r = item(ent({}), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each([
    // design-center level, status, amount (万元)
    ['national', 'eligible', 100], // 国家级工业设计中心: 分别给予 100万元
    ['regional', 'eligible', 50], // 自治区级工业设计中心: 50万元
    ['none', 'ineligible', 0], // 没有新认定: no level reached
  ])('an industrial design center of level %s is %s for %s万元', (level, status, amount) => {
    const r = item(ent({ 'm01.designCenter': level }), 'm01.design-center');
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
    if (status === 'ineligible') expect(r.reasonCode).toBe('level');
  });

  it('an unknown design-center level needs information, from 0 up to the national 100万元', () => {
    // levels 100 / 50 → range 0..100
    const r = item(ent({ 'm01.designCenter': 'unknown' }), 'm01.design-center');
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m01.designCenter']);
    expect(r.amount).toEqual(range(0, 100));
    expect(r.alternatives.map((a) => a.amount.max)).toEqual([wan(100), wan(50)]);
  });

  it('an unanswered design-center level is not offered', () => {
    const r = item(ent({}), 'm01.design-center');
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('recognitions named in separate sentences add up', () => {
    // 1000 + 500 + 100 (国家级工业设计中心) + 50 + 100 = 1750
    const res = evaluate(
      ent({
        'm01.nationalInnovationCenter': true,
        'm01.regionalInnovationCenter': true,
        'm01.designCenter': 'national',
        'm01.techCenter': true,
        'm01.demoOrBenchmark': true,
      }),
    );
    expect(res.total).toEqual(range(1750));
    expect(res.items.filter((i) => i.measure === 'm01').every((i) => i.status === 'eligible')).toBe(true);
  });

  it.each([
    'm01.national-innovation-center',
    'm01.regional-innovation-center',
    'm01.design-center',
    'm01.tech-center',
    'm01.demo-or-benchmark',
  ])('an industrial park is not the audience of %s', (id) => {
    const r = item(park({ facts: { 'm01.techCenter': true, 'm01.designCenter': 'national' } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
