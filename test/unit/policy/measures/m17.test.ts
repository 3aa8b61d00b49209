/**
 * （十七）对年节能量 2000 吨标准煤以上的（含 2000 吨标准煤）节能技术改造项目（包括打捆项目），每节约 1 吨标准煤
 * 给予 200元补助，单个项目补助不超过 500万元。对大数据中心电源使用效率（PUE值）首次降低到 1.3的，每节约 1 吨
 * 标准煤给予 200元补助，单个项目补助不超过 500万元。
 * (500万元 / 200元 = 25000 吨标准煤 reaches the cap)
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ENERGY = 'm17.energy-saving';
const PUE = 'm17.data-center-pue';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const run = (id: string, ...entries: Facts[]) => item(withProjects(id, entries), id);

describe('（十七）节能技术改造项目补助', () => {
  it.each([
    // saved (吨标准煤), status, amount (万元)
    [1999.999, 'ineligible', 0], // below 2000 (含 2000)
    [2000, 'eligible', 40], // 含 2000: 2000 × 200元 = 400000元 = 40万
    [2000.001, 'eligible', 40.00002], // 2000.001 × 200 = 400000.2元
    [10000, 'eligible', 200], // 10000 × 200 = 200万
    [24999.999, 'eligible', 499.99998], // 24999.999 × 200 = 4999999.8元, just below the cap
    [25000, 'eligible', 500], // 25000 × 200 = 500万 = cap
    [25000.001, 'eligible', 500], // 5000000.2元 → capped at 500万
    [100000, 'eligible', 500], // 2000万 → 500万
  ])('a project saving %s 吨标准煤 a year is %s for %s万元', (savedCoal, status, amount) => {
    const r = run(ENERGY, { savedCoal });
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(range(amount as number));
    if (status === 'ineligible') expect(r.reasonCode).toBe('threshold');
  });

  it('a near miss says how much more saving reaches 2000 吨标准煤', () => {
    // 2000 − 1999 = 1
    const r = run(ENERGY, { savedCoal: 1999 });
    expect(r.hints[0].gap).toBe('1');
  });

  it('several projects are checked and capped each, then summed', () => {
    // 30000 × 200 = 600万 → 500; 2000 × 200 = 40万; 1999 < 2000 → 0 → 540
    const r = run(ENERGY, { savedCoal: 30000 }, { savedCoal: 2000 }, { savedCoal: 1999 });
    expect(r.entries?.map((e) => [e.status, e.amount.max])).toEqual([
      ['eligible', wan(500)],
      ['eligible', wan(40)],
      ['ineligible', wan(0)],
    ]);
    expect(r.amount).toEqual(range(540));
  });

  it('a missing saving needs information, up to the 500万元 cap', () => {
    const r = run(ENERGY, {});
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ENERGY}/0/savedCoal`]);
    expect(r.amount).toEqual(range(0, 500));
  });
});

describe('（十七）大数据中心 PUE 降低补助', () => {
  it.each([
    // saved (吨标准煤), amount (万元) — no 2000 吨 threshold in this sentence
    [100, 2], // 100 × 200 = 20000元 = 2万
    [1999, 39.98], // 1999 × 200 = 399800元 (the 节能改造 threshold does not apply)
    [24999.999, 499.99998], // just below the cap
    [25000, 500], // = cap
    [30000, 500], // 600万 → 500万
  ])('a data center first reaching PUE 1.3 and saving %s 吨标准煤 is eligible for %s万元', (savedCoal, amount) => {
    const r = run(PUE, { pueFirstBelow: true, savedCoal });
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it('a data center not first reaching PUE 1.3 is not eligible', () => {
    const r = run(PUE, { pueFirstBelow: false, savedCoal: 5000 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure PUE answer needs information and shows both figures', () => {
    // yes: 5000 × 200 = 100万; no: 0
    const r = run(PUE, { pueFirstBelow: 'unknown', savedCoal: 5000 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${PUE}/0/pueFirstBelow`]);
    expect(r.amount).toEqual(range(0, 100));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(100)],
      ['ineligible', wan(0)],
    ]);
  });

  it('several data centers are capped each, then summed', () => {
    // 30000 × 200 → 500; 1000 × 200 = 20 → 520
    const r = run(PUE, { pueFirstBelow: true, savedCoal: 30000 }, { pueFirstBelow: true, savedCoal: 1000 });
    expect(r.amount).toEqual(range(520));
  });
});

describe('（十七）audience and unanswered items', () => {
  it.each([ENERGY, PUE])('%s is not offered when no project is entered', (id) => {
    const r = run(id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each([ENERGY, PUE])('an industrial park is not the audience of %s', (id) => {
    const r = item(park({ projects: { [id]: [{ facts: { pueFirstBelow: true, savedCoal: 5000 } }] } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
