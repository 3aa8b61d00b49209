/**
 * 按措施名单 (issue 27, item 3), the list a park office acts on, checked cell by cell against the
 * engine: for a register of the personas and 300 seeded questionnaire-like rows, each row's profile
 * (as read from the row) is evaluated again and the expected lines are built from its items —
 * measure by measure in catalog order, the rows that can claim (status eligible) and then those that
 * might (needsInfo), with the figure and what to confirm in the view's words — and compared with
 * the sheet as exceljs reads it back. The counts agree with 按措施汇总; 统一社会信用代码 shows when the
 * register has it (a register screened, and a writer given lines); a list longer than a sheet goes
 * on in the next; and the folder its lines wait in is gone after the result is written, and after
 * a failure mid-way.
 */
import { mkdtempSync, readdirSync } from 'fs';
import os from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { questionnaireProfile } from '../../../bench/profiles';
import { rng } from '../../fakes/simulate';
import { catalog2022, evaluate, type ItemResult, type Measure, type Profile } from '../../../shared/policy/engine';
import { alternativeLine, figureInGroup, groupOf, whyText } from '../../../shared/policy/view';
import {
  asksNothing,
  CODE_COLUMN_DEF,
  profileRow,
  ResultWriter,
  rowSummary,
  SCREEN_TEMP_PREFIX,
  screenColumns,
  screenFile,
  screenPart,
  SHEETS,
  writeResultFromParts,
  type ScreenedLine,
  type ScreenedRow,
  type ScreenPart,
  MeasureTotals,
  withCheckCharacter,
  writeTable,
} from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { personaProfiles, refusedRow, screenKeeping, tempDir, writeProfiles } from './support';

const CLAIM = '可申请';
const MIGHT = '可能可申请（需确认）';
const HEADER = ['措施', '事项', '行号', '名称', '结论', '金额', '需确认', '依据'];

/** A sheet's rows as plain values, every cell of `width` columns (an empty cell as null). */
function values(ws: ExcelJS.Worksheet, width: number): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null)));
  return out;
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The figure as a card shows it, with its amount kind where the figure does not say it; whose, for the craftsmen's. */
function amountOf(r: ItemResult): string {
  const group = groupOf(r)!;
  const { figure, amountLabel } = figureInGroup(r, group);
  if (group === 'nonMonetary') return figure;
  const said = `${figure}${amountLabel ? `（${amountLabel}）` : ''}`;
  return group === 'people' ? `本企业工匠个人可获 ${said}` : said;
}

/** What to confirm: the card's why line, then the figure under each answer (as the card lists them). */
function confirmOf(r: ItemResult): string {
  const alternatives = r.alternatives.map((a) => alternativeLine(r, a, { short: true })).map((a) => `若${a.assume}：${a.figure}`);
  return [whyText(r), ...alternatives].join('；');
}

/** One measure's lines, built from the engine's results of the screened rows. */
function expectedLines(measure: Measure, screened: ScreenedRow[], results: Map<number, ItemResult[]>): unknown[][] {
  const quiet = asksNothing(catalog2022);
  const out: unknown[][] = [];
  for (const might of [false, true]) {
    for (const s of screened) {
      for (const r of results.get(s.row)!) {
        if (r.measure !== measure.id || quiet.has(r.id) || r.status !== (might ? 'needsInfo' : 'eligible')) continue;
        const item = measure.items.find((i) => i.id === r.id)!;
        out.push([`${measure.label}${measure.title}`, r.title, s.row, s.name, might ? MIGHT : CLAIM, amountOf(r), might ? confirmOf(r) : null, item.quote]);
      }
    }
  }
  return out;
}

/** Rows the list names for a measure, with one conclusion. */
const rowsWith = (lines: unknown[][], label: string, conclusion: string) => new Set(lines.filter((l) => String(l[0]).startsWith(label) && l[4] === conclusion).map((l) => l[2])).size;

describe('按措施名单 against the engine', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const r = rng(272727);
  const profiles: [string, Profile][] = [...personaProfiles(), ...Array.from({ length: 300 }, (_, i): [string, Profile] => [`企业${i + 1}`, parsed(questionnaireProfile(r))])];
  let screened: ScreenedRow[];
  const results = new Map<number, ItemResult[]>();
  let sheetNames: string[];
  let header: unknown[];
  let lines: unknown[][];
  let measureRows: Map<string, { qualifying: number; needsInfo: number }>;

  beforeAll(async () => {
    const file = join(tmp.dir, 'register.xlsx');
    const out = join(tmp.dir, 'result.xlsx');
    await writeProfiles(file, profiles, [refusedRow('负数')]);
    ({ screened } = await screenKeeping(file, out));
    // The full evaluation of each row's profile, apart from the screening's own run.
    for (const s of screened) results.set(s.row, evaluate(s.profile).items);
    const wb = await readBook(out);
    sheetNames = wb.worksheets.map((ws) => ws.name);
    const all = values(wb.getWorksheet(SHEETS.list)!, HEADER.length + 1);
    header = all[0];
    lines = all.slice(1).map((l) => l.slice(0, HEADER.length));
    measureRows = new Map();
    wb.getWorksheet(SHEETS.measures)!.eachRow((row, n) => {
      if (n > 1) measureRows.set(String(row.getCell(1).value), { qualifying: Number(row.getCell(3).value), needsInfo: Number(row.getCell(10).value) });
    });
  }, 120000);

  it('is the third sheet, after 按措施汇总; its header names each column (no 统一社会信用代码 without that column)', () => {
    expect(sheetNames).toEqual([SHEETS.rows, SHEETS.measures, '按措施名单', SHEETS.refused]);
    expect(header).toEqual([...HEADER, null]);
  });

  it('has lines of both conclusions, for most measures, and none for the refused row', () => {
    expect(screened).toHaveLength(profiles.length);
    expect(new Set(lines.map((l) => l[4]))).toEqual(new Set([CLAIM, MIGHT]));
    expect(new Set(lines.map((l) => l[0])).size).toBeGreaterThan(20);
    expect(lines.some((l) => l[3] === '负数')).toBe(false);
  });

  it.each(catalog2022.measures.map((m) => [`${m.label}${m.title}`, m] as const))('%s: every line, cell for cell, as the engine says', (_, measure) => {
    const got = lines.filter((l) => l[0] === `${measure.label}${measure.title}`);
    expect(got).toEqual(expectedLines(measure, screened, results));
  });

  it.each(catalog2022.measures.map((m) => [m.label, m] as const))('%s: the rows that can claim and those that might are 按措施汇总’s counts', (label) => {
    expect({ qualifying: rowsWith(lines, label, CLAIM), needsInfo: rowsWith(lines, label, MIGHT) }).toEqual(measureRows.get(label));
  });

  it('what to confirm reads like a question to ask, e.g. （八）’s 优势特色产业链', () => {
    const upgrade = lines.find((l) => l[1] === '技术改造项目补助' && l[4] === MIGHT && String(l[6]).includes('优势特色产业链'));
    expect(String(upgrade?.[6])).toMatch(/^(技术改造项目 \d+ )?需要确认：「项目是否属于先进制造业集群或优势特色产业链/);
  });
});

/** Lines of two screened rows, read as the CLI reads them (screenRow's words), with a 统一社会信用代码 on the first. */
function twoLines(): ScreenedLine[] {
  const row = (n: number, name: string, p: unknown, code?: string): ScreenedLine => {
    const profile = parsed(p);
    return { row: n, name, ...(code ? { code } : {}), entity: profile.entity, summary: rowSummary(evaluate(profile, catalog2022, { explain: false })) };
  };
  const [[, large], [, park]] = personaProfiles().filter(([name]) => name === 'LARGE_ENTERPRISE' || name === 'INDUSTRIAL_PARK');
  return [row(3, '大企业', large, '91150203MA0N000000'), row(4, '园区', park)];
}

/** result.xlsx of these lines, its list's lines waiting in a fresh folder (as screenFile gives the writer). */
async function writeLines(file: string, lines: ScreenedLine[], opts: ConstructorParameters<typeof ResultWriter>[2] = {}): Promise<void> {
  const writer = new ResultWriter(file, mkdtempSync(`${file}-`), opts);
  for (const l of lines) writer.addLine(l);
  await writer.finish(new MeasureTotals(catalog2022), []);
}

describe('按措施名单: the code column, and a list longer than a sheet', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it('with the register’s 统一社会信用代码: a column after 名称, each line with its row’s code (none for a row without)', async () => {
    const file = join(tmp.dir, 'code.xlsx');
    await writeLines(file, twoLines(), { code: true });
    const rows = values((await readBook(file)).getWorksheet(SHEETS.list)!, 10);
    expect(rows[0]).toEqual(['措施', '事项', '行号', '名称', '统一社会信用代码', '结论', '金额', '需确认', '依据', null]);
    const codes = new Map(rows.slice(1).map((l) => [l[3], l[4]]));
    expect(Object.fromEntries(codes)).toEqual({ 大企业: '91150203MA0N000000', 园区: null });
  });

  it('a list past a sheet’s rows goes on in 按措施名单（2）…, each with the header, the lines in the same order', async () => {
    const one = join(tmp.dir, 'one.xlsx');
    const split = join(tmp.dir, 'split.xlsx');
    await writeLines(one, twoLines());
    await writeLines(split, twoLines(), { sheetRows: 4 });
    const whole = values((await readBook(one)).getWorksheet(SHEETS.list)!, 8);
    const book = await readBook(split);
    const parts = book.worksheets.filter((ws) => ws.name.startsWith(SHEETS.list));
    expect(parts.map((ws) => ws.name)).toEqual(Array.from({ length: Math.ceil((whole.length - 1) / 3) }, (_, i) => (i === 0 ? SHEETS.list : `${SHEETS.list}（${i + 1}）`)));
    expect(parts.length).toBeGreaterThan(1);
    const rows = parts.map((ws) => values(ws, 8));
    for (const r of rows) expect(r[0]).toEqual(whole[0]);
    expect(rows.flatMap((r) => r.slice(1))).toEqual(whole.slice(1));
  });
});

describe('按措施名单 of a register with 统一社会信用代码 (issue 27, item 2’s column)', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const codes: Record<string, string> = { LARGE_ENTERPRISE: withCheckCharacter('91150203MA0N00001'), SMALL_SPECIALIZED: withCheckCharacter('91150429MA0N00002') };
  let rows: unknown[][];

  beforeAll(async () => {
    const file = join(tmp.dir, 'register.xlsx');
    const out = join(tmp.dir, 'result.xlsx');
    const named = personaProfiles().filter(([name]) => name in codes);
    const columns = screenColumns(catalog2022, 3);
    await writeTable(file, [...columns, CODE_COLUMN_DEF], named.map(([name, p]) => [...profileRow(name, p, columns, { numbers: true }), codes[name]]));
    await screenFile(file, out);
    rows = values((await readBook(out)).getWorksheet(SHEETS.list)!, 9);
  });

  it('has the column after 名称, and every line the code of its row', () => {
    expect(rows[0]).toEqual(['措施', '事项', '行号', '名称', '统一社会信用代码', '结论', '金额', '需确认', '依据']);
    expect(rows.length).toBeGreaterThan(3);
    for (const l of rows.slice(1)) expect(l[4]).toBe(codes[String(l[3])]);
  });
});

describe('按措施名单’s folder: gone however the writing ends', () => {
  const tmp = tempDir();
  const own = tempDir();
  let register: string;
  // Screening's temp folders go under the OS temp folder: here one of the test's own, so only this test's are seen.
  beforeAll(async () => {
    register = join(tmp.dir, 'register.csv');
    await writeProfiles(register, personaProfiles());
    jest.spyOn(os, 'tmpdir').mockReturnValue(own.dir);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    own.done();
    tmp.done();
  });
  const folders = () => readdirSync(own.dir).filter((f) => f.startsWith(SCREEN_TEMP_PREFIX));
  const part = (): Promise<ScreenPart> => screenPart(register, 0, 10);

  it.each([
    [
      'screenFile writes the result: the folder was there while rows were screened, and is gone',
      async () => {
        const seen: number[] = [];
        await screenFile(register, join(tmp.dir, 'ok.xlsx'), { onRow: () => seen.push(folders().length) });
        expect(seen).toEqual([1, 1, 1, 1]);
      },
      undefined,
    ],
    [
      'screenFile fails at the third row (a row writer that throws): gone',
      () =>
        screenFile(register, join(tmp.dir, 'fail.xlsx'), {
          onRow: (r) => {
            if (r.row === 5) throw new Error('写到第 5 行失败');
          },
        }),
      '写到第 5 行失败',
    ],
    [
      'writeResultFromParts fails reading the second part (a read error): gone',
      async () => {
        const first = await part();
        async function* parts() {
          yield first;
          throw new Error('读不到第 2 段');
        }
        await writeResultFromParts(join(tmp.dir, 'parts-fail.xlsx'), parts());
      },
      '读不到第 2 段',
    ],
    [
      'writeResultFromParts meets a part whose list names an item the catalog lacks: refused, gone',
      async () => {
        const bad = await part();
        bad.lines[0].summary.listed.push({ item: 'm99.none', amount: '1元' });
        await writeResultFromParts(join(tmp.dir, 'parts-bad.xlsx'), [bad]);
      },
      'm99.none',
    ],
  ] as const)('%s', async (_, run, failure) => {
    expect(folders()).toEqual([]);
    if (failure) await expect(run()).rejects.toThrow(failure);
    else await run();
    expect(folders()).toEqual([]);
  });
});
