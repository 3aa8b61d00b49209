/**
 * npm run screen: the template, a screening run's one summary line and the version line under it, and the exit codes — 0 done
 * (refused rows included), 1 a file that cannot be read at all (a Chinese message, no stack),
 * 2 bad arguments. In-process (runScreen), and once as the real npm script's command.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { catalog2022, catalogVersion } from '../../../shared/policy/engine';
import { appVersion } from '../../../scripts/app-version.cjs';
import { TEMPLATE_NAME, runScreen } from '../../../shared/policy/cli';
import { headerCell, screenColumns, LAST_DROPDOWN_ROW } from '../../../shared/policy/screening';
import { personaProfiles, tempDir, writeProfiles } from './support';

const root = join(__dirname, '../../..');
/** The summary line, then the version that made the figures (issue 26, item 6): the app's (m[4]) and this catalog's hash. */
const SUMMARY = new RegExp(`^(\\d+) 行，拒绝 (\\d+) 行，用时 \\d+\\.\\d 秒，每秒 \\d+ 行 → (.+)\\n测算版本 (\\S+) · 政策数据 ${catalogVersion()}\\n$`);

async function call(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runScreen(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false, cwd, docsDir: join(cwd, 'docs') });
  return { code, out, err };
}

describe('npm run screen', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it('--template writes the blank template as .xlsx and .csv (UTF-8 with a BOM), which screens to nothing', async () => {
    const r = await call(['--template', '--out', 'tpl'], tmp.dir);
    expect(r).toMatchObject({ code: 0, err: '' });
    const xlsx = join(tmp.dir, 'tpl', `${TEMPLATE_NAME}.xlsx`);
    const csv = join(tmp.dir, 'tpl', `${TEMPLATE_NAME}.csv`);
    // The .xlsx: two frozen header rows and columns, the drop-downs of a yes/no column; it opens with exceljs's full reader.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    expect(ws.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否,不确定"'] });
    expect(ws.getCell(`C${LAST_DROPDOWN_ROW}`).dataValidation).toBeDefined();
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The default template: every topic, one project per item (issue 27, item 1); one line of Chinese headers.
    const columns = screenColumns(catalog2022, {});
    expect(bytes.toString('utf8').slice(1).split('\n')[0]).toBe(columns.map(headerCell).join(','));
    for (const file of [xlsx, csv]) {
      const s = await call([file, '--out', join(tmp.dir, 'empty.xlsx')], tmp.dir);
      expect(s.code).toBe(0);
      expect(s.out).toMatch(SUMMARY);
      expect(SUMMARY.exec(s.out)!.slice(1, 3)).toEqual(['0', '0']);
    }
  });

  it('screens a file: one summary line (rows, refused, seconds, rows/s), refusals on stderr, no progress bar off a terminal, exit 0', async () => {
    const file = join(tmp.dir, '名单.csv');
    // A fifth row whose 中小企业 (the third column) says 也许.
    const bad = screenColumns(catalog2022).map((_, i) => ['坏行', '企业', '也许'][i] ?? '');
    await writeProfiles(file, personaProfiles(), [bad]);
    const r = await call(['名单.csv'], tmp.dir);
    expect(r.code).toBe(0);
    const m = SUMMARY.exec(r.out)!;
    expect(m.slice(1, 4)).toEqual(['5', '1', join(tmp.dir, '名单-测算结果.xlsx')]);
    expect(existsSync(m[3])).toBe(true);
    expect(r.err).toBe('第 7 行「是否为中小企业」只能是 是 / 否 / 不确定\n');
  });

  it.each([
    ['a missing file', ['nope.xlsx'], '找不到文件'],
    ['a file that is not a workbook', ['junk.xlsx'], '不是有效的 Excel 工作簿'],
    ['a GBK CSV', ['gbk.csv'], 'gbk.csv：文件不是 UTF-8 编码（可能是 GBK），从第 1 行第 1 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」'],
    ['a CSV with an unclosed quote', ['quote.csv'], '有未闭合的引号'],
    ['an empty file', ['empty.csv'], '文件是空的'],
  ])('exits 1 with a Chinese message on %s, and writes no result', async (_, argv, text) => {
    writeFileSync(join(tmp.dir, 'junk.xlsx'), 'not a zip');
    writeFileSync(join(tmp.dir, 'gbk.csv'), Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0a])); // 名称 in GBK
    writeFileSync(join(tmp.dir, 'quote.csv'), '名称,主体类型\n"a,企业\n');
    writeFileSync(join(tmp.dir, 'noentity.csv'), '名称,是否为中小企业\na,是\n');
    writeFileSync(join(tmp.dir, 'empty.csv'), '');
    const out = join(tmp.dir, 'r1.xlsx');
    const r = await call([...argv, '--out', out], tmp.dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(text);
    expect(r.err).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(r.out).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['no file', [], '请给出名单文件'],
    ['an unknown option', ['--frobnicate'], '未知选项 --frobnicate'],
    ['two files', ['a.csv', 'b.csv'], '只能给一个文件'],
    ['--template with a file', ['--template', 'a.csv'], '只能选一个'],
    ['a file that is neither .xlsx nor .csv', ['a.txt'], '只能读取 .xlsx 或 .csv 文件'],
    ['a result that is not .xlsx', ['a.csv', '--out', 'r.csv'], '结果文件应为 .xlsx'],
    ['--out without its path', ['a.csv', '--out'], '选项 --out <path> 后面要写路径'],
  ])('exits 2 on %s, with the usage', async (_, argv, text) => {
    const r = await call(argv, tmp.dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
    expect(r.err).toContain('用法：npm run screen --');
  });

  it('runs as the real npm script: exit 0 and the summary line; exit 2 on bad arguments', () => {
    const file = join(tmp.dir, '名单.csv');
    // What package.json's screen script runs: the bundle (issue 24, item 3), built when older than its sources.
    const ok = spawnSync(process.execPath, ['scripts/build-cli.mjs', 'run', 'screen', file, '--out', join(tmp.dir, 'cli.xlsx')], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(SUMMARY);
    // The app's version from package.json and git, read when the command starts.
    expect(SUMMARY.exec(ok.stdout)![4]).toBe(appVersion());
    const bad = spawnSync(process.execPath, ['scripts/build-cli.mjs', 'run', 'screen', '--nope'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('未知选项 --nope');
  }, 30000);

  // Issue 25, item 5: a header cell holding ESC[31m turned the terminal red (and could move the cursor, clear the screen…).
  it.each([
    ['an escape sequence', '\u001b[31m红色列', '\\x1b[31m红色列'],
    ['a bell (a carriage return is read as a space, like any whitespace in a header)', '前\r后\u0007', '前 后\\x07'],
    ['a C1 control and a right-to-left override', '甲\u009b乙\u202e丙', '甲\\x9b乙\\u202e丙'],
  ])('prints text from the file escaped, never raw: a header cell with %s', (_, cell, shown) => {
    writeFileSync(join(tmp.dir, 'controls.csv'), `名称,主体类型,"${cell}"\n`);
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), 'run', 'screen', 'controls.csv', '--out', 'controls.xlsx'], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: tmp.dir } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`未识别的列（未使用）：${shown}\n`);
    expect(r.stderr + r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  }, 30000);
});
