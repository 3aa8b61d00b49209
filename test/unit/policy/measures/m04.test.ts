/**
 * （四）对认定为自治区技术装备首台（套）、关键零部件首批（次）、新材料首批（次）产品，按照保费的 80%给予补偿。
 * (no cap in the clause)
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ID = 'm04.first-set-insurance';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const products = (...entries: Facts[]) => item(withProjects(ID, entries), ID);

describe('（四）首台（套）、首批（次）产品保费补偿', () => {
  it.each([
    // premium (万元), amount (万元)
    [10, 8], // 10 × 80% = 8
    [0.01, 0.008], // 0.01 × 80% = 0.008 (80元)
    [125, 100], // 125 × 80% = 100
    [10000, 8000], // 10000 × 80% = 8000 — the clause sets no cap
  ])('a recognized product insured for %s万元 is compensated %s万元', (premium, amount) => {
    const r = products({ recognized: true, premium });
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('exact');
    expect(r.amount).toEqual(range(amount));
  });

  it('a product with no premium gets nothing', () => {
    const r = products({ recognized: true, premium: 0 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('a product not recognized as 首台（套）/首批（次） is not eligible', () => {
    const r = products({ recognized: false, premium: 10 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('several products are each compensated, then summed', () => {
    // 10 × 80% = 8; 20 × 80% = 16; not recognized 0 → 24
    const r = products({ recognized: true, premium: 10 }, { recognized: true, premium: 20 }, { recognized: false, premium: 50 });
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(8), wan(16), wan(0)]);
    expect(r.amount).toEqual(range(24));
  });

  it('an unsure recognition needs information and shows both figures', () => {
    // recognized: 10 × 80% = 8; not: 0
    const r = products({ recognized: 'unknown', premium: 10 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/recognized`]);
    expect(r.amount).toEqual(range(0, 8));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(8)],
      ['ineligible', wan(0)],
    ]);
  });

  it('a missing premium needs information and, with no cap, the upper bound is open', () => {
    const r = products({ recognized: true });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/premium`]);
    expect(r.open).toBe(true);
  });

  it('no product entered is not offered', () => {
    const r = item(withProjects(ID, []), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ projects: { [ID]: [{ facts: { recognized: true, premium: 10 } }] } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
