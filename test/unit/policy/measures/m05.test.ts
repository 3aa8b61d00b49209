/**
 * （五）对启动仿制药一致性评价的药品品种，以受理仿制药一致性评价申请或备案临床试验为节点，先行补助 30万元，
 * 通过一致性评价的品种再给予不低于总投入 20%后续补助，单个品种补助总额不超过 300万元。
 *
 * 不低于 is a lower bound: after passing, min = min(30 + 20% × 总投入, 300), max = 300 (kind atLeast);
 * before passing only the 30万元 advance is due (kind exact).
 */
import { item, park, wan, withProjects, type Facts } from '../helpers';

const ID = 'm05.generic-drug';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });
const varieties = (...entries: Facts[]) => item(withProjects(ID, entries), ID);

describe('（五）仿制药一致性评价补助', () => {
  it.each([
    // facts of one variety, status, kind, min, max (万元)
    [{ accepted: true, passed: false }, 'eligible', 'exact', 30, 30], // 受理/备案: 先行补助 30
    [{ accepted: true, passed: false, investment: 1000 }, 'eligible', 'exact', 30, 30], // not passed yet: 总投入 does not count
    [{ accepted: true, passed: true, investment: 0 }, 'eligible', 'atLeast', 30, 300], // 30 + 0 × 20% = 30 ≤ total ≤ 300
    [{ accepted: true, passed: true, investment: 500 }, 'eligible', 'atLeast', 130, 300], // 30 + 500 × 20% = 130 … 300
    [{ accepted: true, passed: true, investment: 1000 }, 'eligible', 'atLeast', 230, 300], // 30 + 200 = 230 … 300
    [{ accepted: true, passed: true, investment: 1349.99 }, 'eligible', 'atLeast', 299.998, 300], // 30 + 269.998, just below the cap
    [{ accepted: true, passed: true, investment: 1350 }, 'eligible', 'exact', 300, 300], // 30 + 270 = 300 = cap: nothing left to decide
    [{ accepted: true, passed: true, investment: 2000 }, 'eligible', 'exact', 300, 300], // 30 + 400 = 430 → 总额不超过 300
  ])('a variety with %j is %s (%s) for %s…%s万元', (facts, status, kind, min, max) => {
    const r = varieties(facts as Facts);
    expect(r.status).toBe(status);
    expect(r.kind).toBe(kind);
    expect(r.amount).toEqual(range(min as number, max as number));
  });

  it('a variety whose application is neither accepted nor filed has not reached the node', () => {
    const r = varieties({ accepted: false, passed: false, investment: 500 });
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
    expect(r.amount).toEqual(range(0));
  });

  it('a passed variety counts as accepted even if 受理 was answered 否 (passing implies the application was accepted)', () => {
    // 30 + 500 × 20% = 130 … 300
    const r = varieties({ accepted: false, passed: true, investment: 500 });
    expect(r.status).toBe('eligible');
    expect(r.amount).toEqual(range(130, 300));
  });

  it('a passed variety with no 总投入 needs information: at least the 30万元 advance, at most 300万元', () => {
    const r = varieties({ accepted: true, passed: true });
    expect(r.status).toBe('needsInfo');
    expect(r.kind).toBe('atLeast');
    expect(r.missing).toEqual([`projects/${ID}/0/investment`]);
    expect(r.amount).toEqual(range(30, 300));
  });

  it('an unsure 通过 needs information and shows both figures', () => {
    // passed: 30 + 500 × 20% = 130 … 300; not passed: 30
    const r = varieties({ accepted: true, passed: 'unknown', investment: 500 });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/passed`]);
    expect(r.amount).toEqual(range(30, 300));
    expect(r.alternatives.map((a) => [a.status, a.amount])).toEqual([
      ['eligible', range(130, 300)],
      ['eligible', range(30)],
    ]);
  });

  it('an unsure 受理 before passing needs information: 30万元 or nothing', () => {
    const r = varieties({ accepted: 'unknown', passed: false });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual([`projects/${ID}/0/accepted`]);
    expect(r.amount).toEqual(range(0, 30));
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(30)],
      ['ineligible', wan(0)],
    ]);
  });

  it('several varieties are capped each, then summed', () => {
    // 30 + 400 = 430 → 300; 30 + 100 = 130 … 300; advance only 30 → 460 … 630
    const r = varieties(
      { accepted: true, passed: true, investment: 2000 },
      { accepted: true, passed: true, investment: 500 },
      { accepted: true, passed: false },
    );
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('atLeast');
    expect(r.entries?.map((e) => e.amount)).toEqual([range(300), range(130, 300), range(30)]);
    expect(r.amount).toEqual(range(460, 630));
  });

  it('the stages show the advance, the 不低于 share and the total cap', () => {
    const r = varieties({ accepted: true, passed: true, investment: 500 });
    expect(r.stages.map((s) => s.step)).toEqual(['advance', 'share', 'cap']);
    expect(r.stages.find((s) => s.step === 'share')?.value).toBe(wan(100)); // 500 × 20%
    expect(r.stages.find((s) => s.step === 'cap')?.quote).toContain('300万元');
  });

  it('no variety entered is not offered', () => {
    const r = item(withProjects(ID, []), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an industrial park is not the audience', () => {
    const r = item(park({ projects: { [ID]: [{ facts: { accepted: true, passed: false } }] } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
