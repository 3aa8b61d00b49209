/**
 * The template round trip in the CLI (issue 27, item 1): `npm run screen -- --template --topics …
 * --projects …` writes a template of those topics' columns only; a person fills its rows under the
 * Chinese headers (here: exceljs opens the template, finds each column by its header text and types
 * the personas' answers, as Excel would keep them); `npm run screen` on the filled file gives, row by
 * row, exactly the engine's figures for what the rows hold. And the choice's refusals, each exit 2
 * with a Chinese message.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { catalog2022, evaluate, MAX_ENTRIES, TOPICS, type Profile, type TopicId } from '../../../shared/policy/engine';
import { TEMPLATE_NAME, runScreen } from '../../../shared/policy/cli';
import { NOTES_SHEET, profileRow, rowSummary, screenColumns, slotsNeeded, SHEETS, type Column } from '../../../shared/policy/screening';
import { figures, personaProfiles, screenKeeping, tempDir } from './support';

async function call(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runScreen(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false, cwd, docsDir: join(cwd, 'docs') });
  return { code, out, err };
}

async function headerRow(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return (wb.worksheets[0].getRow(1).values as string[]).slice(1);
}

/** What a row of this template holds of a profile: its columns' answers only (no topics, no project names). */
function held(p: Profile, columns: Column[]): Profile {
  const measures = new Set(columns.flatMap((c) => (c.measure ? [c.measure.id] : [])));
  const slots = Math.max(0, ...columns.map((c) => (c.target.to === 'entry' ? c.target.slot : 0)));
  const { topics: _t, facts, projects, ...rest } = p;
  const keptFacts = Object.fromEntries(Object.entries(facts ?? {}).filter(([id]) => measures.has(id.slice(0, id.indexOf('.')))));
  const keptProjects = Object.fromEntries(
    Object.entries(projects ?? {})
      .filter(([id]) => measures.has(id.slice(0, id.indexOf('.'))))
      .map(([id, list]) => [id, list.slice(0, slots).map((e) => ({ facts: e.facts }))]),
  );
  return { ...rest, ...(Object.keys(keptFacts).length ? { facts: keptFacts } : {}), ...(Object.keys(keptProjects).length ? { projects: keptProjects } : {}) };
}

describe('the template round trip: --topics → fill under the Chinese headers → npm run screen', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const topics: TopicId[] = ['investment', 'digital'];
  const personas = personaProfiles();
  const projects = Math.max(1, slotsNeeded(personas.map(([, p]) => p)));
  const columns = screenColumns(catalog2022, { topics, projects });
  const filled = join(tmp.dir, '园区名单.xlsx');
  const out = join(tmp.dir, '结果.xlsx');
  let template = '';
  let written: Awaited<ReturnType<typeof call>>;
  let screened: Awaited<ReturnType<typeof screenKeeping>>;

  beforeAll(async () => {
    const names = topics.map((t) => TOPICS.find((x) => x.id === t)!.label).join(',');
    written = await call(['--template', '--topics', names, '--projects', String(projects), '--out', 'tpl'], tmp.dir);
    template = join(tmp.dir, 'tpl', `${TEMPLATE_NAME}.xlsx`);
    // A person fills the template: each answer under the column whose header asks it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.worksheets[0];
    const at = new Map<string, number>();
    ws.getRow(1).eachCell((cell, i) => at.set(String(cell.value), i));
    personas.forEach(([name, p], r) => {
      const cells = profileRow(name, p, columns, { numbers: true });
      columns.forEach((c, i) => {
        if (cells[i] !== '') ws.getCell(r + 3, at.get(c.header)!).value = cells[i];
      });
    });
    await wb.xlsx.writeFile(filled);
    screened = await screenKeeping(filled, join(tmp.dir, 'kept.xlsx'));
  }, 60000);

  it('writes a template of the chosen topics’ columns, with its 说明 sheet, and says what it holds', async () => {
    expect(written.code).toBe(0);
    expect(written.out).toContain(`已写出空白模板（投资与技术改造、数字化、工业互联网、上云与软件，每种条目 ${projects} 项，${columns.length} 列）`);
    expect(await headerRow(template)).toEqual(columns.map((c) => c.header));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toContain(NOTES_SHEET);
  });

  it('reads every filled row back as what it holds of the persona', () => {
    expect(screened.report.refused).toEqual([]);
    expect(screened.screened.map((s) => [s.row, s.name])).toEqual(personas.map(([name], i) => [i + 3, name]));
    screened.screened.forEach((s, i) => expect(s.profile).toEqual(held(personas[i][1], columns)));
  });

  it.each(personas.map(([name], i) => [name, i]))('%s screens to exactly the engine’s figures for that profile', (_name, i) => {
    expect(figures(screened.screened[i].result)).toEqual(figures(evaluate(held(personas[i][1], columns))));
  });

  it('npm run screen on the filled template: exit 0, and each row’s totals are the engine’s', async () => {
    const r = await call([filled, '--out', out, '--workers', '1'], tmp.dir);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: unknown[][] = [];
    wb.getWorksheet(SHEETS.rows)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    for (const [name, p] of personas) {
      const row = rows.find((x) => x[col('名称')] === name)!;
      const total = rowSummary(evaluate(held(p, columns))).totalWan;
      expect([row[col('合计下限（万元）')] ?? null, row[col('合计上限（万元）')] ?? null]).toEqual(total ? [Number(total.min), Number(total.max)] : [null, null]);
    }
    // 宁城县 is on the data's list and SMALL_SPECIALIZED answered 脱贫地区 不确定: the row asks to confirm, the figure stays.
    const small = rows.find((x) => x[col('名称')] === 'SMALL_SPECIALIZED')!;
    expect(String(small[col('需要补充信息')])).toMatch(/^请确认是否属于脱贫地区：宁城县曾是国家级贫困县/);
  });
});

describe('npm run screen -- --template: the choice', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it.each([
    ['a topic by a word only its name has', ['--topics', '技术改造'], screenColumns(catalog2022, { topics: ['investment'] })],
    ['a measure by its number (技改 only: about a dozen columns)', ['--measures', '八'], screenColumns(catalog2022, { measures: ['m08'] })],
    ['topics and measures, 3 projects per item', ['--topics', '绿色制造，工匠人才', '--measures', '（八）', '--projects', '3'], screenColumns(catalog2022, { topics: ['green', 'craftsmen'], measures: ['m08'], projects: 3 })],
  ])('%s', async (_what, args, columns) => {
    const r = await call(['--template', ...args, '--out', 'x'], tmp.dir);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(await headerRow(join(tmp.dir, 'x', `${TEMPLATE_NAME}.xlsx`))).toEqual(columns.map((c) => c.header));
  });

  it('says what the template holds: 技改 only is 13 columns', async () => {
    const r = await call(['--template', '--measures', '八', '--out', 'y'], tmp.dir);
    expect(r.out).toContain('已写出空白模板（第（八）条，每种条目 1 项，13 列）');
  });

  it.each([
    ['an unknown topic', ['--template', '--topics', '火箭'], `没有「火箭」这个主题。可选的主题：${TOPICS.map((t) => t.label).join('、')}`],
    ['a word two topics share', ['--template', '--topics', '与'], '没有「与」这个主题'],
    ['no topic after --topics', ['--template', '--topics', '，'], '--topics 后面要写主题'],
    ['an unknown measure', ['--template', '--measures', '三十一'], '没有第「三十一」条措施'],
    ['0 projects', ['--template', '--projects', '0'], `--projects 应为 1 到 ${MAX_ENTRIES} 之间的整数：0`],
    ['too many projects', ['--template', '--projects', String(MAX_ENTRIES + 1)], `--projects 应为 1 到 ${MAX_ENTRIES} 之间的整数：${MAX_ENTRIES + 1}`],
    ['projects not a number', ['--template', '--projects', '两'], `--projects 应为 1 到 ${MAX_ENTRIES} 之间的整数：两`],
    ['a fraction of a project', ['--template', '--projects', '1.5'], `--projects 应为 1 到 ${MAX_ENTRIES} 之间的整数：1.5`],
    ['--topics without --template', ['名单.csv', '--topics', '绿色制造'], '--topics、--measures 和 --projects 只用于 --template'],
    ['--projects with no number', ['--template', '--projects'], '选项 --projects <n> 后面要写项数'],
  ])('refuses %s: exit 2 and a Chinese message', async (_what, argv, message) => {
    const r = await call(argv, tmp.dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });
});
