/**
 * 1 000 generated register rows (bench/profiles.ts's questionnaire-like generator, seeded) screen
 * without a refusal, each to the engine's figures; the per-measure sums are the sums of the rows'
 * figures (Decimal, exact), and all measures' awards add up to the rows' totals.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { questionnaireProfile } from '../../../bench/profiles';
import { rng } from '../../fakes/simulate';
import { evaluate, type Profile, AWARD_AMOUNT_KINDS, Dec, ZERO } from '../../../shared/policy/engine';
import { SHEETS, sumText } from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { figures, screenKeeping, tempDir, writeProfiles } from './support';

const N = 1000;

describe(`${N} generated rows`, () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const r = rng(20220615);
  const profiles: [string, Profile][] = Array.from({ length: N }, (_, i) => [`企业${i + 1}`, parsed(questionnaireProfile(r))]);
  let run: Awaited<ReturnType<typeof screenKeeping>>;
  const out = join(tmp.dir, 'result.xlsx');

  beforeAll(async () => {
    const file = join(tmp.dir, 'register.xlsx');
    await writeProfiles(file, profiles);
    run = await screenKeeping(file, out);
  }, 60000);

  it('screens every row, none refused, each to the engine’s figures', () => {
    expect(run.report.refused).toEqual([]);
    expect(run.report.rows).toBe(N);
    expect(run.screened).toHaveLength(N);
    run.screened.forEach((s, i) => expect(figures(s.result)).toEqual(figures(evaluate(profiles[i][1]))));
  });

  it('sums each measure’s figures exactly, and all measures add up to the rows’ totals', async () => {
    const perMeasure = new Map<string, { min: Dec; max: Dec; rows: Set<number> }>();
    let totalMin = ZERO;
    let totalMax = ZERO;
    for (const s of run.screened) {
      totalMin = totalMin.plus(s.result.total.min);
      totalMax = totalMax.plus(s.result.total.max);
      for (const item of s.result.items) {
        if (item.status !== 'eligible' || !AWARD_AMOUNT_KINDS.has(item.amountKind) || item.paidToPerson) continue;
        const m = perMeasure.get(item.measure) ?? { min: ZERO, max: ZERO, rows: new Set<number>() };
        m.min = m.min.plus(item.amount.min);
        m.max = m.max.plus(item.amount.max);
        m.rows.add(s.row);
        perMeasure.set(item.measure, m);
      }
    }
    expect(totalMax.gt(0)).toBe(true);
    for (const t of run.report.totals.measures()) {
      const m = perMeasure.get(t.measure.id);
      expect([t.awards.min.toFixed(2), t.awards.max.toFixed(2)]).toEqual([m?.min.toFixed(2) ?? '0.00', m?.max.toFixed(2) ?? '0.00']);
      if (m) expect(t.qualifying).toBeGreaterThanOrEqual(m.rows.size);
    }
    const all = run.report.totals.all();
    expect([all.awards.min.toFixed(2), all.awards.max.toFixed(2)]).toEqual([totalMin.toFixed(2), totalMax.toFixed(2)]);

    // The 按措施汇总 sheet says those sums.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet(SHEETS.measures)!;
    const texts: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && texts.push(row.getCell(4).value ?? ''));
    expect(texts).toEqual([...run.report.totals.measures().map((t) => sumText(t.awards)), sumText(all.awards)]);
    expect(new Dec(String(sheet.getRow(sheet.rowCount).getCell(6).value ?? 0)).times(10000).toFixed(2)).toBe(totalMax.toFixed(2));
  });
});
