/**
 * （十九）对新建年利用量 1 万吨以上的采用先进适用技术进行工业固废和再生资源高端化、绿色化、循环化利用项目，每利用
 * 1 吨工业固废和再生资源给予 10元补助，单个项目补助不超过 500万元。
 * (以上 includes 1万吨; 500万元 / 10元 = 50万吨 reaches the cap)
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ID = 'm19.solid-waste';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const projects = (...entries: Facts[]) => item(withProjects(ID, entries), ID);

describe('（十九）工业固废和再生资源利用项目补助', () => {
  it.each([
    // utilized (吨), status, amount (万元)
    [9999.999, 'ineligible', 0], // below 1万吨
    [10000, 'eligible', 10], // 1万吨 (以上 includes it): 10000 × 10元 = 10万
    [80000, 'eligible', 80], // 80000 × 10 = 80万
    [499999.999, 'eligible', 499.999999], // 4999999.99元, just below the cap
    [500000, 'eligible', 500], // = cap
    [500001, 'eligible', 500], // 5000010元 → 500万
  ])('a new advanced project using %s 吨 a year is %s for %s万元', (utilized, status, amount) => {
    const r = projects({ newAdvanced: true, utilized });
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
    if (status === 'ineligible') expect(r.reasonCode).toBe('threshold');
  });

  it('a project that is not new or not advanced is not eligible, whatever its size', () => {
    const r = projects({ newAdvanced: false, utilized: 100000 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure 新建/先进适用技术 answer needs information and shows both figures', () => {
    // yes: 20000 × 10 = 20万; no: 0
    const r = projects({ newAdvanced: 'unknown', utilized: 20000 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/newAdvanced`]);
    expect(r.amount).toEqual(range(0, 20));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(20)],
      ['ineligible', wan(0)],
    ]);
  });

  it('several projects are checked and capped each, then summed', () => {
    // 600000 × 10 → 500; 10000 × 10 = 10; 9000 < 1万 → 0 → 510
    const r = projects(
      { newAdvanced: true, utilized: 600000 },
      { newAdvanced: true, utilized: 10000 },
      { newAdvanced: true, utilized: 9000 },
    );
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(500), wan(10), wan(0)]);
    expect(r.amount).toEqual(range(510));
  });

  it('no project entered is not offered', () => {
    const r = projects();
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ projects: { [ID]: [{ facts: { newAdvanced: true, utilized: 20000 } }] } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
