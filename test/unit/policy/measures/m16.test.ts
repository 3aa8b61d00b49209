/**
 * （十六）建设涵盖企业运行、项目建设、能耗管控、污染监测等一体化、“全景式”园区管控平台，对单个园区给予最高
 * 不超过 2000万元一次性奖补。 (a park item; no formula → 0 … 2000)
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm16.smart-park';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });

describe('（十六）智慧工业园区奖补', () => {
  it('a park with the 全景式 management platform gets an award of up to 2000万元', () => {
    // 最高不超过 2000万元 → 0 … 2000
    const r = item(park({ facts: { 'm16.parkPlatform': true } }), ID);
    expect(r.status).toBe('eligible');
    expect(r.itemKind).toBe('upTo');
    expect(r.kind).toBe('upTo');
    expect(r.amount).toEqual(range(0, 2000));
    expect(evaluate(park({ facts: { 'm16.parkPlatform': true } })).total).toEqual(range(0, 2000));
  });

  it('a park without the platform is not eligible', () => {
    const r = item(park({ facts: { 'm16.parkPlatform': false } }), ID);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure answer needs information and shows both ranges', () => {
    const r = item(park({ facts: { 'm16.parkPlatform': 'unknown' } }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m16.parkPlatform']);
    expect(r.amount).toEqual(range(0, 2000));
    expect(r.alternatives.map((a) => [a.status, a.amount])).toEqual([
      ['eligible', range(0, 2000)],
      ['ineligible', range(0)],
    ]);
  });

  it('a park that answered nothing is not offered', () => {
    const r = item(park(), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an enterprise is not the audience, even with the platform', () => {
    const r = item(enterprise({ facts: { 'm16.parkPlatform': true } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
