/**
 * npm run screen as a bundle, on worker threads (issue 24, item 3). The command runs the bundle
 * scripts/build-cli.mjs builds (package.json's script says so; it is rebuilt when older than its
 * sources; it answers --help and screens a file), and screening on two worker threads writes
 * result.xlsx cell for cell as one thread does, from .xlsx and .csv, refused rows included, with
 * the progress (rows written) reaching every row.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, statSync, utimesSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { questionnaireProfile } from '../../../bench/profiles';
import { rng } from '../../fakes/simulate';
import { catalog2022, type Profile } from '../../../shared/policy/engine';
import { screenColumns, screenFile, SHEETS, type ScreenReport } from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { tempDir, writeProfiles } from './support';

const root = join(__dirname, '../../..');
const WORKER = join(root, '.cache/cli/screen-worker.js');
const N = 1000;

/** Every cell of every sheet, as text. */
async function cells(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.flatMap((ws) => ws.getSheetValues().map((row, i) => `${ws.name} ${i}: ${JSON.stringify(row)}`));
}

describe('npm run screen, built and on worker threads', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const r = rng(24);
  const profiles: [string, Profile][] = Array.from({ length: N }, (_, i) => [`企业${i + 1}`, parsed(questionnaireProfile(r))]);
  // Refused rows among the others (a 中小企业 that says 也许), so refusals are kept in order too.
  const bad = (k: number) => screenColumns(catalog2022).map((_, i) => [`坏行${k}`, '企业', '也许'][i] ?? '');

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    for (const format of ['xlsx', 'csv']) await writeProfiles(join(tmp.dir, `register.${format}`), profiles, [bad(1), bad(2), bad(3)]);
  }, 120000);

  it('package.json runs the screen command through the bundle, not tsx', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.screen).toMatch(/^node (--max-old-space-size=\d+ )?scripts\/build-cli\.mjs run screen$/);
  });

  it.each([
    ['older than its sources (a day before the file that starts it): rebuilt', true],
    ['newer than its sources: run as it is', false],
  ])('npm run screen with a bundle %s', (_, stale) => {
    const bundle = join(root, '.cache/cli/screen.js');
    const source = statSync(join(root, 'shared/policy/cli/screen.ts')).mtimeMs / 1000;
    const before = Math.floor(stale ? source - 86400 : Date.now() / 1000 + 60);
    utimesSync(bundle, before, before);
    const run = spawnSync(process.execPath, ['scripts/build-cli.mjs', 'run', 'screen', '--help'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(statSync(bundle).mtimeMs / 1000 !== before).toBe(stale);
    if (!stale) execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  }, 60000);

  it.each([
    ['--help', ['--help'], 0, /--workers <n>/],
    ['a small file', ['register.csv', '--out', 'small.xlsx', '--workers', '2'], 0, new RegExp(`^${N + 3} 行，拒绝 3 行，`)],
    ['--workers 0', ['register.csv', '--workers', '0'], 2, /--workers 应为 1 到 64 之间的整数：0/],
  ])('the bundle answers %s', (_, args, code, text) => {
    const run = spawnSync(process.execPath, [join(root, '.cache/cli/screen.js'), ...args], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: tmp.dir } });
    expect(run.status).toBe(code);
    expect(run.stdout + run.stderr).toMatch(text);
  }, 60000);

  it.each(['xlsx', 'csv'])('two worker threads write result.xlsx cell for cell as one thread does, from .%s', async (format) => {
    const file = join(tmp.dir, `register.${format}`);
    const one = await screenFile(file, join(tmp.dir, `one-${format}.xlsx`), { workers: 1 });
    const progress: number[] = [];
    const two = await screenFile(file, join(tmp.dir, `two-${format}.xlsx`), { workers: 2, workerFile: WORKER, onProgress: (_read, _total, rows) => progress.push(rows) });
    const report = (x: ScreenReport) => ({ rows: x.rows, refused: x.refused, totals: x.totals.toJSON() });
    expect(report(two)).toEqual(report(one));
    expect(one.refused.map((x) => x.name)).toEqual(['坏行1', '坏行2', '坏行3']);
    const written = await cells(join(tmp.dir, `two-${format}.xlsx`));
    expect(written).toEqual(await cells(join(tmp.dir, `one-${format}.xlsx`)));
    // 按措施名单 among them: its lines come through the workers' lines too.
    expect(written.filter((c) => c.startsWith(`${SHEETS.list} `)).length).toBeGreaterThan(N);
    // The progress bar's rows: written in order, up to every row.
    expect(progress.at(-1)).toBe(N + 3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 120000);
});
