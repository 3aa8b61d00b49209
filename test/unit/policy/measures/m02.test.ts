/**
 * （二）…对列入目录的重大技术创新成果在区内实现转化应用的项目，按实际完成投资额的 20%给予一次性补助，
 * 单个项目最高不超过 500 万元。
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ID = 'm02.industrialization';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const projects = (...entries: Facts[]) => item(withProjects(ID, entries), ID);

describe('（二）技术创新成果转化应用项目补助', () => {
  it.each([
    // investment (万元), status, amount (万元)
    [1000, 'eligible', 200], // 1000 × 20% = 200
    [2499.99, 'eligible', 499.998], // 2499.99 × 20% = 499.998, just below the cap
    [2500, 'eligible', 500], // 2500 × 20% = 500 = cap
    [2500.01, 'eligible', 500], // 2500.01 × 20% = 500.002 → capped at 500
    [10000, 'eligible', 500], // 10000 × 20% = 2000 → capped at 500
    [0.01, 'eligible', 0.002], // 0.01 × 20% = 0.002 (20元); no threshold in the clause
  ])('a listed project of %s万元 is %s for %s万元', (investment, status, amount) => {
    const r = projects({ listed: true, investment });
    expect(r.status).toBe(status);
    expect(r.kind).toBe('exact');
    expect(r.amount).toEqual(range(amount as number));
  });

  it('a listed project with nothing invested gets nothing', () => {
    // 0 × 20% = 0
    const r = projects({ listed: true, investment: 0 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('a project whose result is not in the 目录 is not eligible, whatever its size', () => {
    const r = projects({ listed: false, investment: 3000 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
    expect(r.amount).toEqual(range(0));
  });

  it('several projects are capped each, then summed', () => {
    // 3000 × 20% = 600 → 500; 1000 × 20% = 200; 2500 × 20% = 500 → 1200
    const r = projects(
      { listed: true, investment: 3000 },
      { listed: true, investment: 1000 },
      { listed: true, investment: 2500 },
    );
    expect(r.status).toBe('eligible');
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(500), wan(200), wan(500)]);
    expect(r.amount).toEqual(range(1200));
  });

  it('a project outside the 目录 adds nothing to the others', () => {
    // 3000 × 20% → 500; second not listed → 0; total 500
    const r = projects({ listed: true, investment: 3000 }, { listed: false, investment: 1000 });
    expect(r.status).toBe('eligible');
    expect(r.entries?.map((e) => e.status)).toEqual(['eligible', 'ineligible']);
    expect(r.amount).toEqual(range(500));
  });

  it('an unsure listing needs information and shows both figures', () => {
    // listed: 1000 × 20% = 200; not listed: 0
    const r = projects({ listed: 'unknown', investment: 1000 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/listed`]);
    expect(r.amount).toEqual(range(0, 200));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(200)],
      ['ineligible', wan(0)],
    ]);
  });

  it('a missing investment needs information, up to the 500万元 cap', () => {
    const r = projects({ listed: true });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/investment`]);
    expect(r.amount).toEqual(range(0, 500));
  });

  it('no project entered is not offered', () => {
    const r = item(withProjects(ID, []), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ projects: { [ID]: [{ facts: { listed: true, investment: 1000 } }] } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
