/**
 * The screening result records the version that made its figures (issue 26, item 6): the 企业结果
 * sheet's header row ends, after its last column, with '测算版本 … · 政策数据 …' — the same cell from
 * the CLI's way (screenFile) and the cloud function's (screenPart + writeResultFromParts), and from
 * the stamp the code and catalog have (versionStamp), not another.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { versionStamp, versionText } from '../../../shared/policy/engine';
import { countRows, screenFile, screenPart, writeResultFromParts, SHEETS } from '../../../shared/policy/screening';
import { personaProfiles, tempDir, writeProfiles } from './support';

/** The 企业结果 header row's cells. */
async function header(path: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return (wb.getWorksheet(SHEETS.rows)!.getRow(1).values as unknown[]).slice(1);
}

describe('the screening result’s version', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const file = join(tmp.dir, 'register.csv');
  const g = globalThis as { __APP_VERSION__?: string };

  beforeAll(async () => {
    await writeProfiles(file, personaProfiles());
  }, 30000);
  afterEach(() => delete g.__APP_VERSION__);

  it.each<[string, string | undefined, (out: string) => Promise<unknown>]>([
    ['the CLI’s result (screenFile), run from source in a test: dev', undefined, (out) => screenFile(file, out)],
    ['the CLI’s result with an app version put in', '0.1.0+1c6ede6', (out) => screenFile(file, out)],
    [
      'the cloud’s result (in parts)',
      '0.1.0+1c6ede6.dirty',
      async (out) => {
        const { rows } = await countRows(file);
        return writeResultFromParts(out, [await screenPart(file, 0, rows)]);
      },
    ],
  ])('%s: the 企业结果 header ends with the stamp', async (name, built, screen) => {
    g.__APP_VERSION__ = built;
    const out = join(tmp.dir, `${name.length}-${built ?? 'dev'}.xlsx`);
    await screen(out);
    const cells = await header(out);
    expect(cells[cells.length - 1]).toBe(versionText(versionStamp()));
    expect(cells[cells.length - 1]).toBe(`测算版本 ${built ?? 'dev'} · 政策数据 ${versionStamp().catalog}`);
    expect(cells[cells.length - 2]).toBe('另计');
  });
});
