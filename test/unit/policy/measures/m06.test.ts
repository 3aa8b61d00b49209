/**
 * （六）对自治区认定的创新型中小企业、“专精特新”中小企业和“小巨人”企业，分别给予 20万元、50万元、100万元
 * 一次性奖励。
 */
import { enterprise, item, park, wan, type Facts } from '../helpers';

const ID = 'm06.sme-recognition';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });

describe('（六）“专精特新”中小企业奖励', () => {
  it.each([
    // recognition, status, amount (万元)
    ['innovative', 'eligible', 20], // 创新型中小企业: 20
    ['specialized', 'eligible', 50], // “专精特新”中小企业: 50
    ['littleGiant', 'eligible', 100], // “小巨人”企业: 100
    ['none', 'ineligible', 0], // none of the three
  ])('an enterprise recognized as %s is %s for %s万元', (recognition, status, amount) => {
    const r = item(ent({ 'm06.recognition': recognition }), ID);
    expect(r.status).toBe(status);
    expect(r.kind).toBe('exact');
    expect(r.amount).toEqual(range(amount as number));
    if (status === 'ineligible') expect(r.reasonCode).toBe('level');
  });

  it('an unknown recognition needs information, from 0 up to the “小巨人” 100万元', () => {
    const r = item(ent({ 'm06.recognition': 'unknown' }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m06.recognition']);
    expect(r.amount).toEqual(range(0, 100));
    expect(r.alternatives.map((a) => a.amount.max)).toEqual([wan(20), wan(50), wan(100)]);
  });

  it('an unanswered recognition is not offered', () => {
    const r = item(ent({}), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ facts: { 'm06.recognition': 'littleGiant' } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
