/**
 * The cloud function's way (countRows, screenPart per chunk, the parts through JSON as storage keeps
 * them, writeResultFromParts) writes the same result.xlsx as the CLI's screenFile on the same file:
 * every sheet, every cell — the same rows, the same figures, the same sums, the same refused rows.
 * In .csv and .xlsx, with refused rows, and with chunk sizes that cut the file anywhere.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { questionnaireProfile } from '../../../bench/profiles';
import { rng } from '../../fakes/simulate';
import { catalog2022, type Profile } from '../../../shared/policy/engine';
import { countRows, screenFile, screenPart, writeResultFromParts, type ScreenPart, MeasureTotals, SHEETS } from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { personaProfiles, refusedRow, tempDir, writeProfiles } from './support';

/** Every sheet of a workbook as rows of plain values. */
async function workbook(path: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out[ws.name] = rows;
  });
  return out;
}

describe.each(['csv', 'xlsx'])('a register in parts (.%s)', (ext) => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const r = rng(151515);
  const profiles: [string, Profile][] = [...personaProfiles(), ...Array.from({ length: 60 }, (_, i): [string, Profile] => [`企业${i + 1}`, parsed(questionnaireProfile(r))])];
  const file = join(tmp.dir, `register.${ext}`);
  const cli = join(tmp.dir, 'cli.xlsx');
  let expected: Record<string, unknown[][]>;

  beforeAll(async () => {
    // Two refused rows among them (after the profiles: rows 67 and 68 of the sheet).
    await writeProfiles(file, profiles, [refusedRow('负数一'), refusedRow('负数二')]);
    await screenFile(file, cli);
    expected = await workbook(cli);
  }, 60000);

  it('counts the data rows and reads the header as the CLI does', async () => {
    expect(await countRows(file)).toEqual({ rows: profiles.length + 2, unknownColumns: [] });
  });

  it.each([1000, 25, 7])('chunks of %i rows, through JSON, write the CLI’s result.xlsx cell for cell', async (size) => {
    const { rows } = await countRows(file);
    const parts: ScreenPart[] = [];
    for (let from = 0; from < rows; from += size) parts.push(JSON.parse(JSON.stringify(await screenPart(file, from, size))));
    expect(parts.map((p) => p.rows).reduce((a, b) => a + b, 0)).toBe(rows);
    const out = join(tmp.dir, `parts-${size}.xlsx`);
    expect(await writeResultFromParts(out, parts)).toEqual({ rows, refused: 2 });
    const got = await workbook(out);
    expect(Object.keys(got)).toEqual([SHEETS.rows, SHEETS.measures, SHEETS.list, SHEETS.refused]);
    expect(got).toEqual(expected);
    // 按措施名单 has lines to compare: the parts carry each row's.
    expect(got[SHEETS.list].length).toBeGreaterThan(profiles.length);
    expect(got[SHEETS.rows]).toHaveLength(profiles.length + 1);
    expect(got[SHEETS.refused].map((row) => row[1])).toEqual(['名称', '负数一', '负数二']);
  });

  it('a part past the end is empty; a part from the middle starts at its row', async () => {
    const past = await screenPart(file, 1000, 10);
    expect([past.rows, past.lines, past.refused]).toEqual([0, [], []]);
    const mid = await screenPart(file, 3, 2);
    expect(mid.lines.map((l) => l.name)).toEqual([profiles[3][0], profiles[4][0]]);
  });
});

describe('MeasureTotals through JSON', () => {
  it('merge adds counts and exact sums; an unknown measure is an error', () => {
    const a = new MeasureTotals(catalog2022);
    const json = a.toJSON();
    json.measures[0] = { ...json.measures[0], qualifying: 2, awards: { min: '0.1', max: '100.2' } };
    const b = new MeasureTotals(catalog2022);
    b.merge(json);
    b.merge(json);
    const m = b.measures()[0];
    expect([m.qualifying, m.awards.min.toFixed(), m.awards.max.toFixed()]).toEqual([4, '0.2', '200.4']);
    expect(() => b.merge({ measures: [{ ...json.measures[0], id: 'm99' }] })).toThrow('m99');
  });
});
