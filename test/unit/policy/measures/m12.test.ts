/**
 * （十二）对 5G 等新一代信息技术在工业领域的典型应用场景项目，按照实际完成投资额的 20%、单个项目最高不超过
 * 500万元给予奖补。
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ID = 'm12.application-scenario';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const projects = (...entries: Facts[]) => item(withProjects(ID, entries), ID);

describe('（十二）5G 等新一代信息技术应用场景项目奖补', () => {
  it.each([
    // investment (万元), amount (万元)
    [300, 60], // 300 × 20% = 60
    [2499.99, 499.998], // just below the cap
    [2500, 500], // 2500 × 20% = 500 = cap
    [2500.01, 500], // 500.002 → capped at 500
    [9000, 500], // 1800 → capped at 500
  ])('a scenario project of %s万元 is eligible for %s万元', (investment, amount) => {
    const r = projects({ investment });
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it('a project with nothing invested gets nothing', () => {
    const r = projects({ investment: 0 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('several projects are capped each, then summed', () => {
    // 2600 × 20% = 520 → 500; 2400 × 20% = 480 → 980
    const r = projects({ investment: 2600 }, { investment: 2400 });
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(500), wan(480)]);
    expect(r.amount).toEqual(range(980));
  });

  it('a missing investment needs information, up to the 500万元 cap', () => {
    const r = projects({});
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/investment`]);
    expect(r.amount).toEqual(range(0, 500));
  });

  it('no project entered is not offered', () => {
    const r = projects();
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ projects: { [ID]: [{ facts: { investment: 1000 } }] } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
