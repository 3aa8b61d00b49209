/**
 * （八）…对智能工厂、数字化车间项目，按照实际完成投资额的 20%、单个项目最高不超过 500 万元给予补助。支持高危、
 * 高强度生产环节“机器换人”，按照工业机器人购置费用的 20%、单个项目最高不超过 500万元给予补助。
 * (m08.upgrade, with its 2000万/1000万 threshold, is covered in ../m08-upgrade.test.ts.)
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const run = (id: string, ...entries: Facts[]) => item(withProjects(id, entries), id);
const SMART = 'm08.smart-factory';
const ROBOTS = 'm08.robots';

describe('（八）智能工厂、数字化车间项目补助', () => {
  it.each([
    // investment (万元), amount (万元)
    [100, 20], // 100 × 20% = 20 — no investment threshold in this sentence
    [1000, 200], // 1000 × 20% = 200 (below the 技术改造 2000万 threshold, which does not apply here)
    [2499.99, 499.998], // 2499.99 × 20% = 499.998, just below the cap
    [2500, 500], // 2500 × 20% = 500 = cap
    [2500.01, 500], // 500.002 → capped at 500
    [8000, 500], // 1600 → capped at 500
  ])('a smart-factory project of %s万元 is eligible for %s万元', (investment, amount) => {
    const r = run(SMART, { investment });
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it('a project with nothing invested gets nothing', () => {
    const r = run(SMART, { investment: 0 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('zero');
  });

  it('several smart-factory projects are capped each, then summed', () => {
    // 3000 × 20% = 600 → 500; 1000 × 20% = 200; 2500 × 20% = 500 → 1200
    const r = run(SMART, { investment: 3000 }, { investment: 1000 }, { investment: 2500 });
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(500), wan(200), wan(500)]);
    expect(r.amount).toEqual(range(1200));
  });

  it('a missing investment needs information, up to the 500万元 cap', () => {
    const r = run(SMART, {});
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${SMART}/0/investment`]);
    expect(r.amount).toEqual(range(0, 500));
  });
});

describe('（八）“机器换人”工业机器人购置补助', () => {
  it.each([
    // robot cost (万元), amount (万元)
    [50, 10], // 50 × 20% = 10
    [2499.99, 499.998], // just below the cap
    [2500, 500], // 2500 × 20% = 500 = cap
    [2500.01, 500], // 500.002 → capped at 500
    [6000, 500], // 1200 → capped at 500
  ])('robots bought for %s万元 for a 高危/高强度 process give %s万元', (robotCost, amount) => {
    const r = run(ROBOTS, { hazardous: true, robotCost });
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(amount));
  });

  it('robots outside 高危、高强度 processes are not eligible', () => {
    const r = run(ROBOTS, { hazardous: false, robotCost: 1000 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure 高危 answer needs information and shows both figures', () => {
    // yes: 1000 × 20% = 200; no: 0
    const r = run(ROBOTS, { hazardous: 'unknown', robotCost: 1000 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ROBOTS}/0/hazardous`]);
    expect(r.amount).toEqual(range(0, 200));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(200)],
      ['ineligible', wan(0)],
    ]);
  });

  it('several 机器换人 projects are capped each, then summed', () => {
    // 4000 × 20% = 800 → 500; 300 × 20% = 60; not 高危 → 0 → 560
    const r = run(
      ROBOTS,
      { hazardous: true, robotCost: 4000 },
      { hazardous: true, robotCost: 300 },
      { hazardous: false, robotCost: 300 },
    );
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(500), wan(60), wan(0)]);
    expect(r.amount).toEqual(range(560));
  });
});

describe('（八）audience and unanswered items', () => {
  it.each([SMART, ROBOTS, 'm08.upgrade'])('%s is not offered when no project is entered', (id) => {
    const r = run(id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it.each([SMART, ROBOTS, 'm08.upgrade'])('an industrial park is not the audience of %s', (id) => {
    const r = item(park({ projects: { [id]: [{ facts: { chain: true, hazardous: true, investment: 3000, robotCost: 3000 } }] } }), id);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
