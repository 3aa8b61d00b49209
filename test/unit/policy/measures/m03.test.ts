/**
 * （三）对主导制定国际、国家（行业）标准的企业，分别给予每个标准 30万元、20万元一次性奖励；参与制定国际、
 * 国家（行业）标准的企业，分别给予每个 20万元、10万元一次性奖励；单个企业主导或参与标准制定每年奖励资金不超过
 * 50万元。
 *
 * The 50万元 yearly cap is shared by the four items and filled in catalog order:
 * 主导国际 → 主导国家（行业）→ 参与国际 → 参与国家（行业）.
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan, type Facts } from '../helpers';

const ITEMS = ['m03.lead-international', 'm03.lead-national', 'm03.join-international', 'm03.join-national'];
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const ent = (facts: Facts) => enterprise({ facts });
const m03 = (facts: Facts) => evaluate(ent(facts)).items.filter((i) => i.measure === 'm03');

describe('（三）标准制定奖励', () => {
  it.each([
    // facts, amounts per item [主导国际, 主导国家, 参与国际, 参与国家] (万元), total (万元)
    [{ 'm03.leadInternational': 1 }, [30, 0, 0, 0], 30], // 1 × 30 = 30
    [{ 'm03.leadNational': 1 }, [0, 20, 0, 0], 20], // 1 × 20 = 20
    [{ 'm03.joinInternational': 1 }, [0, 0, 20, 0], 20], // 1 × 20 = 20
    [{ 'm03.joinNational': 1 }, [0, 0, 0, 10], 10], // 1 × 10 = 10
    [{ 'm03.joinNational': 4 }, [0, 0, 0, 40], 40], // 4 × 10 = 40, below the yearly 50
    [{ 'm03.leadNational': 1, 'm03.joinNational': 2 }, [0, 20, 0, 20], 40], // 20 + 2 × 10 = 40, below 50
    [{ 'm03.joinNational': 5 }, [0, 0, 0, 50], 50], // 5 × 10 = 50 = yearly cap
    [{ 'm03.leadInternational': 1, 'm03.joinInternational': 1 }, [30, 0, 20, 0], 50], // 30 + 20 = 50 = cap
    [{ 'm03.leadNational': 2, 'm03.joinNational': 1 }, [0, 40, 0, 10], 50], // 2 × 20 + 10 = 50 = cap
    [{ 'm03.joinNational': 6 }, [0, 0, 0, 50], 50], // 6 × 10 = 60 → yearly cap 50
    [{ 'm03.leadInternational': 2 }, [50, 0, 0, 0], 50], // 2 × 30 = 60 → yearly cap 50
    [{ 'm03.leadNational': 2, 'm03.joinInternational': 1 }, [0, 40, 10, 0], 50], // 40, then 20 → 10 left
    [{ 'm03.leadInternational': 1, 'm03.leadNational': 1, 'm03.joinNational': 1 }, [30, 20, 0, 0], 50], // 30 + 20 = 50, 参与 10 → 0 left
    [{ 'm03.leadInternational': 1, 'm03.joinNational': 3 }, [30, 0, 0, 20], 50], // 30, then 3 × 10 = 30 → 20 left
    [
      { 'm03.leadInternational': 3, 'm03.leadNational': 3, 'm03.joinInternational': 3, 'm03.joinNational': 3 },
      [50, 0, 0, 0],
      50,
    ], // 90 + 60 + 60 + 30 = 240 → the first item uses the whole 50
  ])('an enterprise with %j gets %j, %s万元 in all', (facts, perItem, total) => {
    const items = m03(facts as Facts);
    expect(items.map((i) => i.id)).toEqual(ITEMS);
    expect(items.map((i) => i.amount.max)).toEqual((perItem as number[]).map(wan));
    const sum = items.reduce((acc, i) => acc + Number(i.amount.max), 0);
    expect(sum.toFixed(2)).toBe(wan(total as number));
    expect(evaluate(ent(facts as Facts)).total).toEqual(range(total as number));
  });

  it.each(ITEMS.map((id, i) => [id, ['m03.leadInternational', 'm03.leadNational', 'm03.joinInternational', 'm03.joinNational'][i]]))(
    '%s is eligible (capped to 0) once the yearly cap is used up by earlier items',
    (id, fact) => {
      // 2 × 30 = 60 → 50 uses the cap; later items keep status eligible at 0 — unless it is the first item
      const r = item(ent({ 'm03.leadInternational': 2, [fact]: 1 }), id);
      expect(r.status).toBe('eligible');
      if (id !== 'm03.lead-international') expect(r.amount).toEqual(range(0));
      expect(r.stages.some((s) => s.step === 'groupCap')).toBe(true);
    },
  );

  it('zero standards gives nothing', () => {
    const r = item(ent({ 'm03.leadNational': 0 }), 'm03.lead-national');
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('items the enterprise left blank are not offered', () => {
    const items = m03({ 'm03.leadNational': 1 });
    expect(items.map((i) => [i.status, i.reasonCode ?? null])).toEqual([
      ['notForYou', 'unanswered'],
      ['eligible', null],
      ['notForYou', 'unanswered'],
      ['notForYou', 'unanswered'],
    ]);
  });

  it('an unknown count of standards needs information and may bring up to the yearly 50万元', () => {
    // 主导国际 count unknown: n × 30, but 每年奖励资金不超过 50万元 → 0..50
    const r = item(ent({ 'm03.leadInternational': 'unknown' }), 'm03.lead-international');
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m03.leadInternational']);
    expect(r.amount).toEqual(range(0, 50));
  });

  it.each([
    // facts, [主导国际, 主导国家] as [status, min, max] (万元), measure total range (万元)
    [{ 'm03.leadInternational': 'unknown', 'm03.leadNational': 1 }, [['needsInfo', 0, 30], ['eligible', 20, 20]], [20, 50]], // known 20 first; the unknown may bring 50 − 20 = 30
    [{ 'm03.leadInternational': 1, 'm03.leadNational': 'unknown' }, [['eligible', 30, 30], ['needsInfo', 0, 20]], [30, 50]], // known 30; the unknown may bring 50 − 30 = 20
    [{ 'm03.leadInternational': 2, 'm03.leadNational': 'unknown' }, [['eligible', 50, 50], ['needsInfo', 0, 0]], [50, 50]], // 60 → 50 uses the cap; nothing left
  ])('with %j the unknown count gets what is left of the yearly 50万元: %j', (facts, expected, total) => {
    const items = m03(facts as Facts).slice(0, 2);
    expect(items.map((i) => [i.status, i.amount])).toEqual(
      (expected as [string, number, number][]).map(([st, min, max]) => [st, range(min, max)]),
    );
    const [tmin, tmax] = total as number[];
    const sum = (k: 'min' | 'max') => items.reduce((acc, i) => acc + Number(i.amount[k]), 0).toFixed(2);
    expect([sum('min'), sum('max')]).toEqual([wan(tmin), wan(tmax)]);
  });

  it('the yearly cap stage cites the clause phrase', () => {
    const r = item(ent({ 'm03.leadInternational': 2 }), 'm03.lead-international');
    const g = r.stages.find((s) => s.step === 'groupCap');
    expect(g?.quote).toContain('每年奖励资金不超过 50万元');
    expect(g?.value).toBe(wan(50));
  });

  it.each(ITEMS)('an industrial park is not the audience of %s', (id) => {
    const r = item(park({ facts: { 'm03.leadInternational': 1, 'm03.leadNational': 1, 'm03.joinInternational': 1, 'm03.joinNational': 1 } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
