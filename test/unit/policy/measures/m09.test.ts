/**
 * （九）对投资额 10亿元及以上且当年投产的先进制造业集群、优势特色产业链“延链补链强链”建设重点项目，按贷款实际
 * 利息的 30%、单个项目最高不超过 500 万元给予一年贴息补助。
 * (10亿元 = 100000万元; 及以上 includes the threshold)
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ID = 'm09.interest-subsidy';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const OK = { keyChain: true, producedThisYear: true };
const projects = (...entries: Facts[]) => item(withProjects(ID, entries), ID);

describe('（九）重点项目一年贷款贴息', () => {
  it.each([
    // investment (万元), interest (万元), status, amount (万元)
    [100000, 1000, 'eligible', 300], // 10亿 exactly (及以上): 1000 × 30% = 300
    [99999.99, 1000, 'ineligible', 0], // 0.01万元 short of 10亿
    [99999.999999, 1000, 'ineligible', 0], // 1元 short of 10亿
    [150000, 100, 'eligible', 30], // 100 × 30% = 30
    [150000, 1666.66, 'eligible', 499.998], // 1666.66 × 30% = 499.998, just below the cap
    [150000, 1666.67, 'eligible', 500], // 1666.67 × 30% = 500.001 → capped at 500
    [150000, 5000, 'eligible', 500], // 1500 → capped at 500
  ])('a key project of %s万元 paying %s万元 interest is %s for %s万元', (investment, interest, status, amount) => {
    const r = projects({ ...OK, investment, interest });
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
    if (status === 'ineligible') expect(r.reasonCode).toBe('threshold');
  });

  it.each([
    // keyChain, producedThisYear
    [false, true], // not a 延链补链强链 key project
    [true, false], // not 当年投产
  ])('a project with keyChain=%s and producedThisYear=%s is not eligible', (keyChain, producedThisYear) => {
    const r = projects({ keyChain, producedThisYear, investment: 200000, interest: 1000 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure 当年投产 needs information and shows both figures', () => {
    // produced: 1000 × 30% = 300; not: 0
    const r = projects({ keyChain: true, producedThisYear: 'unknown', investment: 100000, interest: 1000 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/producedThisYear`]);
    expect(r.amount).toEqual(range(0, 300));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(300)],
      ['ineligible', wan(0)],
    ]);
  });

  it('a missing investment needs information, up to the 500万元 cap', () => {
    const r = projects({ ...OK, interest: 1000 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/investment`]);
    expect(r.amount).toEqual(range(0, 500));
  });

  it('a project known to be below 10亿元 is not eligible, even before its interest is given', () => {
    // 50000万元 = 5亿 < 10亿: fails 投资额 10亿元及以上 whatever the interest
    const r = projects({ ...OK, investment: 50000 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('threshold');
    expect(r.amount).toEqual(range(0));
  });

  it('a project paying no interest gets nothing', () => {
    const r = projects({ ...OK, investment: 100000, interest: 0 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('several key projects are capped each, then summed', () => {
    // 3000 × 30% = 900 → 500; 1000 × 30% = 300; below 10亿 → 0 → 800
    const r = projects(
      { ...OK, investment: 200000, interest: 3000 },
      { ...OK, investment: 100000, interest: 1000 },
      { ...OK, investment: 50000, interest: 1000 },
    );
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(500), wan(300), wan(0)]);
    expect(r.amount).toEqual(range(800));
  });

  it('no project entered is not offered', () => {
    const r = projects();
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ projects: { [ID]: [{ facts: { ...OK, investment: 100000, interest: 1000 } }] } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
