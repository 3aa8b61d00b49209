/**
 * （八）对投资 2000万元及以上（脱贫地区、革命老区投资 1000万元及以上）的…技术改造项目，按照实际完成
 * 投资额的 20%、单个项目最高不超过 500万元给予补助。
 */
import { item, wan, withProjects } from './helpers';

const NEITHER = { poverty: false, oldRevolutionary: false };
const upgrade = (investment: number, region: object = NEITHER) =>
  item(withProjects('m08.upgrade', [{ chain: true, investment }], { region }), 'm08.upgrade');

describe('（八）技术改造项目补助', () => {
  it.each([
    // investment (万元), region, status, amount (万元)
    [1999.99, NEITHER, 'ineligible', 0], // below 2000万: 不足门槛
    [2000, NEITHER, 'eligible', 400], // 及以上 includes 2000: 2000 × 20% = 400
    [2400, {}, 'eligible', 480], // 2400 × 20% = 480 (region not needed above 2000)
    [2500, {}, 'eligible', 500], // 2500 × 20% = 500 = cap
    [3000, {}, 'eligible', 500], // 3000 × 20% = 600 → capped at 500
    [1000, { poverty: true }, 'eligible', 200], // 脱贫地区 threshold 1000 (inclusive): 1000 × 20% = 200
    [999, { poverty: true }, 'ineligible', 0], // below even the lowered threshold
    [1500, { poverty: false, oldRevolutionary: true }, 'eligible', 300], // 革命老区: 1500 × 20% = 300
    [1500, { poverty: false, oldRevolutionary: false }, 'ineligible', 0], // neither: 2000 applies
  ])('a project of %s万元 in %j is %s for %s万元', (investment, region, status, amount) => {
    const r = upgrade(investment as number, region);
    expect(r.status).toBe(status);
    expect(r.amount).toEqual({ min: wan(amount as number), max: wan(amount as number) });
  });

  it('an unanswered region between the two thresholds needs information', () => {
    const r = upgrade(1999.99, {});
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['region/poverty', 'region/oldRevolutionary']);
  });

  it('an unconfirmed region between the two thresholds needs information and shows both figures', () => {
    // 1500 × 20% = 300 if 脱贫地区 or 革命老区; otherwise below 2000 → 0
    const r = upgrade(1500, { poverty: 'unknown', oldRevolutionary: false });
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['region/poverty']);
    expect(r.amount).toEqual({ min: wan(0), max: wan(300) });
    expect(r.alternatives.map((a) => [a.status, a.amount.max])).toEqual([
      ['eligible', wan(300)],
      ['ineligible', wan(0)],
    ]);
  });

  it('a known 革命老区 settles the threshold even when 脱贫地区 is unknown', () => {
    const r = upgrade(1500, { poverty: 'unknown', oldRevolutionary: true });
    expect(r.status).toBe('eligible');
    expect(r.amount.max).toBe(wan(300));
  });

  it('the region is not asked when the investment clears 2000万元', () => {
    const r = upgrade(2000, { poverty: 'unknown' });
    expect(r.status).toBe('eligible');
    expect(r.missing).toEqual([]);
  });

  it('two projects are capped each, then summed', () => {
    // 3000 × 20% = 600 → 500; 2200 × 20% = 440; total 940
    const r = item(
      withProjects('m08.upgrade', [
        { chain: true, investment: 3000 },
        { chain: true, investment: 2200 },
      ]),
      'm08.upgrade',
    );
    expect(r.amount.max).toBe(wan(940));
    expect(r.entries?.map((e) => e.amount.max)).toEqual([wan(500), wan(440)]);
  });

  it('a project outside the clusters and chains is not eligible, whatever its size', () => {
    const r = item(withProjects('m08.upgrade', [{ chain: false, investment: 5000 }]), 'm08.upgrade');
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('a near miss says how much more investment reaches the threshold', () => {
    // 2000 − 1500 = 500万元
    const r = upgrade(1500, { poverty: false, oldRevolutionary: false });
    expect(r.hints[0].text).toContain('500万元');
    expect(r.hints[0].gap).toBe('500');
  });

  it('the stages run base → rate → threshold → cap, each citing its clause phrase', () => {
    const r = upgrade(3000);
    expect(r.stages.map((s) => s.step)).toEqual(['condition', 'base', 'rate', 'threshold', 'cap']);
    expect(r.stages.find((s) => s.step === 'cap')?.quote).toContain('500万元');
    expect(r.stages.find((s) => s.step === 'rate')?.value).toBe(wan(600));
  });
});
