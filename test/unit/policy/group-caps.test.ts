/**
 * （三）单个企业主导或参与标准制定每年奖励资金不超过 50万元: the four standard items share one yearly cap.
 */
import { evaluate } from '../../../shared/policy/engine';
import { enterprise, wan } from './helpers';

const standards = (facts: Record<string, number | 'unknown'>) =>
  evaluate(enterprise({ facts })).items.filter((i) => i.measure === 'm03');

describe('the shared yearly cap of （三）', () => {
  it('fills the cap in catalog order when every count is known', () => {
    // 主导国际 1 × 30 = 30; 主导国家 2 × 20 = 40 → 20 left; 参与国家 1 × 10 → 0 left
    const r = standards({ 'm03.leadInternational': 1, 'm03.leadNational': 2, 'm03.joinNational': 1 });
    expect(r.map((i) => i.amount.max)).toEqual([wan(30), wan(20), wan(0), wan(0)]);
  });

  it('keeps known awards exact and gives an unknown count only what may be left', () => {
    // 主导国家 1 × 20 = 20 is known → the unknown 主导国际 count can add at most 50 − 20 = 30
    const r = standards({ 'm03.leadInternational': 'unknown', 'm03.leadNational': 1 });
    const [intl, national] = r;
    expect(national.status).toBe('eligible');
    expect(national.amount).toEqual({ min: wan(20), max: wan(20) });
    expect(intl.status).toBe('needsInfo');
    expect(intl.amount).toEqual({ min: wan(0), max: wan(30) });
  });

  it('never lets the four items together exceed 50万元', () => {
    // 10 × 30 + 10 × 20 + 10 × 20 + 10 × 10 = 800 → 50
    const r = standards({ 'm03.leadInternational': 10, 'm03.leadNational': 10, 'm03.joinInternational': 10, 'm03.joinNational': 10 });
    const sum = r.reduce((a, i) => a + Number(i.amount.max), 0);
    expect(sum).toBe(500000);
  });
});
