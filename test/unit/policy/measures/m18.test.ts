/**
 * （十八）对年节水量 5万吨以上的节水技术改造项目（包括打捆项目），按每节约 1 吨水给予 10元补助，单个项目补助
 * 不超过 500万元。 (以上 includes 5万吨; 500万元 / 10元 = 50万吨 reaches the cap)
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ID = 'm18.water-saving';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const projects = (...entries: Facts[]) => item(withProjects(ID, entries), ID);

describe('（十八）节水技术改造项目补助', () => {
  it.each([
    // saved water (吨), status, amount (万元)
    [49999.999, 'ineligible', 0], // below 5万吨
    [50000, 'eligible', 50], // 5万吨 (以上 includes it): 50000 × 10元 = 50万
    [120000, 'eligible', 120], // 120000 × 10 = 120万
    [499999.999, 'eligible', 499.999999], // 4999999.99元, just below the cap
    [500000, 'eligible', 500], // 500000 × 10 = 500万 = cap
    [500000.001, 'eligible', 500], // 5000000.01元 → 500万
    [2000000, 'eligible', 500], // 2000万 → 500万
  ])('a project saving %s 吨 of water a year is %s for %s万元', (savedWater, status, amount) => {
    const r = projects({ savedWater });
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
    if (status === 'ineligible') expect(r.reasonCode).toBe('threshold');
  });

  it('several projects are checked and capped each, then summed', () => {
    // 600000 × 10 = 600万 → 500; 50000 × 10 = 50; 40000 < 5万 → 0 → 550
    const r = projects({ savedWater: 600000 }, { savedWater: 50000 }, { savedWater: 40000 });
    expect(r.entries?.map((e) => [e.status, e.amount.max])).toEqual([
      ['eligible', wan(500)],
      ['eligible', wan(50)],
      ['ineligible', wan(0)],
    ]);
    expect(r.amount).toEqual(range(550));
  });

  it('a near miss says how much more saving reaches 5万吨', () => {
    // 50000 − 40000 = 10000 吨
    const r = projects({ savedWater: 40000 });
    expect(r.hints[0].gap).toBe('10000');
  });

  it('a missing saving needs information, up to the 500万元 cap', () => {
    const r = projects({});
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/savedWater`]);
    expect(r.amount).toEqual(range(0, 500));
  });

  it('no project entered is not offered', () => {
    const r = projects();
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ projects: { [ID]: [{ facts: { savedWater: 60000 } }] } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
