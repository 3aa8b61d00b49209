/**
 * The personas (test/support/personas.ts) written as rows of a screening table — .csv and .xlsx,
 * through the table writer — screen to exactly what the engine gives their profiles: the profile
 * read from each row is the persona's (less its topics and project names, which have no column),
 * and every item's figure, status and kind, and every total, are evaluate(parsed(persona))'s.
 * The result file says the personas' own arithmetic.
 */
import { join } from 'path';
import { evaluate, type Profile } from '../../../shared/policy/engine';
import { figureText, groupOf } from '../../../shared/policy/view';
import { SHEETS } from '../../../shared/policy/screening';
import { figures, personaProfiles, screenKeeping, tempDir, writeProfiles } from './support';
import { sheetRows } from '../../support/sheet-rows';

/** What a row can hold of a profile: no topics, no project names. */
function asRow(p: Profile): Profile {
  const { topics: _topics, ...rest } = p;
  if (!rest.projects) return rest;
  const projects = Object.fromEntries(Object.entries(rest.projects).map(([k, list]) => [k, list.map((e) => ({ facts: e.facts }))]));
  return { ...rest, projects };
}

/** A result sheet as rows of plain values (header first). */

describe.each(['csv', 'xlsx'])('the personas as a .%s table', (ext) => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const personas = personaProfiles();
  let run: Awaited<ReturnType<typeof screenKeeping>>;
  const out = join(tmp.dir, 'result.xlsx');

  beforeAll(async () => {
    const file = join(tmp.dir, `personas.${ext}`);
    await writeProfiles(file, personas);
    run = await screenKeeping(file, out);
  });

  it('reads every row back to the persona’s profile (rows 3… after the header and the explanation row)', () => {
    expect(run.report.rows).toBe(personas.length);
    expect(run.report.refused).toEqual([]);
    expect(run.screened.map((s) => [s.row, s.name])).toEqual(personas.map(([name], i) => [i + 3, name]));
    run.screened.forEach((s, i) => expect(s.profile).toEqual(asRow(personas[i][1])));
  });

  it('screens each to exactly the engine’s figures, figure for figure', () => {
    run.screened.forEach((s, i) => expect(figures(s.result)).toEqual(figures(evaluate(personas[i][1]))));
  });

  it('writes the personas’ own arithmetic into 企业结果', async () => {
    const rows = await sheetRows(out, SHEETS.rows);
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const byName = new Map(rows.slice(1).map((r) => [r[col('名称')], r]));
    // 150 = （一） 50 + （二十一） 100; 636 = 500 (（八） 3000 × 20% capped) + 100 (3A) + 36 (180 × 20%);
    // 290 = 50 (（六） 专精特新) + 240 (（八） 1200 × 20%, 革命老区 threshold); 500–2500 = （十六） 0–2000 + （三十） 500.
    const expected: Record<string, [string, number, number]> = {
      QUICK_PATH: ['150万元', 150, 150],
      LARGE_ENTERPRISE: ['636万元', 636, 636],
      SMALL_SPECIALIZED: ['290万元', 290, 290],
      INDUSTRIAL_PARK: ['500–2500万元', 500, 2500],
    };
    for (const [name, [text, min, max]] of Object.entries(expected)) {
      const r = byName.get(name)!;
      expect([r[col('合计可申请')], r[col('合计下限（万元）')], r[col('合计上限（万元）')]]).toEqual([text, min, max]);
    }
    expect(byName.get('LARGE_ENTERPRISE')![col('需要补充信息')]).toContain('0–160万元（待确认）');
    // Every item to claim is on its row, with the engine's figure.
    run.screened.forEach((s) => {
      const claim = String(byName.get(s.name)![col('可申请')] ?? '');
      for (const r of s.result.items.filter((x) => groupOf(x) === 'eligible')) expect(claim).toContain(`${r.title}：${figureText(r)}`);
    });
  });
});
