/** Deadline validation and the JSON/CSV import format, with Chinese messages naming row and field. */
import { isCalendarDate, normalizeDate, todayIn, addDays, daysBetween, morningOf } from '../../../shared/cloud/dates';
import { normalizeMeasureId, parseImport, validateDeadline, MAX_IMPORT_ROWS } from '../../../shared/cloud/deadline-input';
import { CJK } from './fakes';

const GOOD = { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' };
const HEADER = 'measureId,batchTitle,opensOn,closesOn,issuer,sourceUrl';

describe('dates (Asia/Shanghai calendar days)', () => {
  it('today in Beijing, not in UTC', () => {
    expect(todayIn(new Date('2022-06-22T16:30:00Z'))).toBe('2022-06-23'); // 00:30 in Beijing
    expect(todayIn(new Date('2022-06-22T15:59:59Z'))).toBe('2022-06-22');
    expect(morningOf('2022-06-23').toISOString()).toBe('2022-06-23T01:00:00.000Z');
  });
  it('real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2022-02-29', '2022-02-30', '2022-13-01', '2022-6-1', '22-06-01', '1899-01-01', '', 20220601]) expect([bad, isCalendarDate(bad)]).toEqual([bad, false]);
    expect(normalizeDate('2022/6/3')).toBe('2022-06-03');
    expect(normalizeDate('2022年6月30日')).toBe('2022-06-30');
    expect(normalizeDate('2022.06.30')).toBe('2022-06-30');
    expect(normalizeDate('2022年2月30日')).toBeNull();
    expect(addDays('2022-02-27', 2)).toBe('2022-03-01');
    expect(daysBetween('2022-06-23', '2022-06-30')).toBe(7);
  });
});

describe('validateDeadline', () => {
  it('accepts a good one and normalises measure ids and dates', () => {
    expect(validateDeadline(GOOD)).toEqual({ ok: true, value: GOOD });
    const v = validateDeadline({ ...GOOD, measureId: '（三）', opensOn: '2022/6/1', closesOn: '2022年6月30日', batchTitle: '  空格  ' });
    expect(v.ok && v.value).toMatchObject({ measureId: 'm03', opensOn: '2022-06-01', closesOn: '2022-06-30', batchTitle: '空格' });
    expect(['m1', '1', 'M01', '（一）', '一'].map(normalizeMeasureId)).toEqual(['m01', 'm01', 'm01', 'm01', 'm01']);
    expect(['m31', 'm0', 'x', '', '（三十一）'].map(normalizeMeasureId)).toEqual([null, null, null, null, null]);
  });

  it.each([
    ['measureId', { measureId: 'm99' }, '措施编号'],
    ['batchTitle', { batchTitle: '' }, '批次名称'],
    ['batchTitle', { batchTitle: '长'.repeat(61) }, '批次名称'],
    ['batchTitle', { batchTitle: '换\n行' }, '批次名称'],
    ['opensOn', { opensOn: '2022-02-30' }, '开始日期'],
    ['closesOn', { closesOn: 'next week' }, '截止日期'],
    ['closesOn', { closesOn: '2022-06-01' }, '截止日期'], // same day as opening: not after it
    ['closesOn', { closesOn: '2022-05-01' }, '截止日期'],
    ['issuer', { issuer: undefined }, '发布机关'],
    ['sourceUrl', { sourceUrl: 'javascript:alert(1)' }, '来源链接'],
    ['sourceUrl', { sourceUrl: 'ftp://x.cn/a' }, '来源链接'],
    ['sourceUrl', { sourceUrl: 'https://localhost' }, '来源链接'],
  ])('%s: %j → a Chinese message naming the field', (field, patch, label) => {
    const v = validateDeadline({ ...GOOD, ...patch });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.field)).toContain(`deadline.${field}`);
    const issue = v.issues.find((i) => i.field === `deadline.${field}`)!;
    expect(issue.message).toMatch(CJK);
    expect(issue.message).toContain(`「${label}」`);
  });

  it('never reads fields other than the six (a request cannot mark a deadline as a sample)', () => {
    const v = validateDeadline({ ...GOOD, sample: true, _id: 'x', createdBy: 'someone' });
    expect(v.ok && Object.keys(v.value).sort()).toEqual(Object.keys(GOOD).sort());
  });
});

describe('import', () => {
  it('CSV with Chinese headers in another order, quotes, CRLF and a BOM', () => {
    const csv = '\ufeff截止日期,措施编号,批次名称,开始日期,发布机关,来源链接\r\n' + '2022-06-30,m01,"批次, 含逗号与""引号""",2022-06-01,自治区工业和信息化厅,https://a.cn/1\r\n' + '\r\n2022/7/15,8,技改项目,2022/6/15,自治区工信厅,https://a.cn/2\r\n';
    const r = parseImport('csv', csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => x.value)).toEqual([
      { measureId: 'm01', batchTitle: '批次, 含逗号与"引号"', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://a.cn/1' },
      { measureId: 'm08', batchTitle: '技改项目', opensOn: '2022-06-15', closesOn: '2022-07-15', issuer: '自治区工信厅', sourceUrl: 'https://a.cn/2' },
    ]);
  });

  it('every bad row is reported with its row number and field; nothing is accepted', () => {
    const csv = [HEADER, 'm01,好的,2022-06-01,2022-06-30,厅,https://a.cn', 'm99,坏,2022-02-30,2022-01-01,厅,https://a.cn', 'm02,,2022-06-01,2022-05-01,厅,http://a.cn'].join('\n');
    const r = parseImport('csv', csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['rows[3].measureId', 'rows[3].opensOn', 'rows[4].batchTitle', 'rows[4].closesOn']));
    expect(r.issues.find((i) => i.field === 'rows[3].measureId')!.message).toBe('第 3 行「措施编号」“m99”不在 2022 年政策清单中（应为 m01–m30）');
    expect(r.issues.find((i) => i.field === 'rows[4].closesOn')!.message).toContain('第 4 行「截止日期」');
    expect(fields.some((f) => f.startsWith('rows[2]'))).toBe(false);
  });

  it('a missing column, an open quote, duplicates, too many rows, bad JSON', () => {
    const noUrl = parseImport('csv', 'measureId,batchTitle,opensOn,closesOn,issuer\nm01,a,2022-06-01,2022-06-30,b');
    expect(!noUrl.ok && noUrl.issues[0].message).toBe('第 1 行（表头）缺少列「来源链接」(sourceUrl)');
    expect(parseImport('csv', 'a,"b\n')).toEqual({ ok: false, issues: [{ field: 'text', message: 'CSV 中有未闭合的引号' }] });
    const open = parseImport('csv', `${HEADER}\nm01,"未闭合,2022-06-01`);
    expect(!open.ok && open.issues[0].message).toContain('引号');
    const dup = parseImport('json', JSON.stringify([GOOD, { ...GOOD, closesOn: '2022-07-01' }]));
    expect(!dup.ok && dup.issues[0]).toEqual({ field: 'rows[2].batchTitle', message: '第 2 条「批次名称」与第 1 条重复（同一措施的同名批次）' });
    const many = parseImport('json', JSON.stringify(Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ ...GOOD, batchTitle: `b${i}` }))));
    expect(!many.ok && many.issues[0].message).toContain('最多导入 500 行');
    expect(parseImport('json', '{').ok).toBe(false);
    const notArray = parseImport('json', JSON.stringify(GOOD));
    expect(!notArray.ok && notArray.issues[0].message).toContain('数组');
    const badRow = parseImport('json', JSON.stringify([GOOD, 'x']));
    expect(!badRow.ok && badRow.issues[0]).toMatchObject({ field: 'rows[2]', message: expect.stringContaining('第 2 条') });
  });
});

describe('issue 22, item 13: a row is named by the row a person sees in their file', () => {
  const ok = (title: string) => `m01,${title},2022-06-01,2022-06-30,厅,https://a.cn/${encodeURIComponent(title)}`;
  const bad = 'm99,坏,2022-06-01,2022-06-30,厅,https://a.cn/x';
  const first = (r: ReturnType<typeof parseImport>) => (r.ok ? '' : r.issues[0].message);
  const rows = (r: ReturnType<typeof parseImport>) => (r.ok ? r.rows.map((x) => x.row) : r.issues.map((i) => i.message));

  it.each([
    ['the first data row under the header is 第 2 行', `${HEADER}\n${bad}`, '第 2 行「措施编号」'],
    ['the third line of a pasted CSV is 第 3 行', `${HEADER}\n${ok('一')}\n${bad}`, '第 3 行「措施编号」'],
    ['a blank line counts, as in the file', `${HEADER}\n${ok('一')}\n\n${bad}`, '第 4 行「措施编号」'],
    ['a spreadsheet’s empty row (,,,,,) counts, as in the sheet', `${HEADER}\r\n,,,,,\r\n${bad}\r\n`, '第 3 行「措施编号」'],
    ['a header missing a column is 第 1 行（表头）', 'measureId,batchTitle,opensOn,closesOn,issuer\nm01,a,2022-06-01,2022-06-30,b', '第 1 行（表头）缺少列「来源链接」'],
    ['a header under a blank first line is 第 2 行（表头）', '\nmeasureId,batchTitle,opensOn,closesOn,issuer\nm01,a,2022-06-01,2022-06-30,b', '第 2 行（表头）缺少列「来源链接」'],
    ['a duplicate names both rows of the file', `${HEADER}\n${ok('一')}\n${ok('一')}`, '第 3 行「批次名称」与第 2 行重复'],
    ['JSON has no rows: its first element is 第 1 条', JSON.stringify([{ ...GOOD, measureId: 'm99' }]), '第 1 条「措施编号」'],
    ['JSON: a duplicate names both elements', JSON.stringify([GOOD, GOOD]), '第 2 条「批次名称」与第 1 条重复'],
  ])('%s', (_name, text, message) => {
    expect(first(parseImport(text.startsWith('[') ? 'json' : 'csv', text))).toContain(message);
  });

  it.each([
    ['CSV: each row by its line, blank lines counted', `${HEADER}\n${ok('一')}\n\n${ok('二')}`, 'csv', [2, 4]],
    ['JSON: each element from 1', JSON.stringify([GOOD, { ...GOOD, batchTitle: '二' }]), 'json', [1, 2]],
  ])('the preview’s row numbers — %s', (_name, text, format, expected) => {
    expect(rows(parseImport(format as 'csv' | 'json', text))).toEqual(expected);
  });
});

describe('CSV import: read by csv-parse, as a park office’s files need', () => {
  const row = (title: string, url = 'https://a.cn/1') => `m01,${title},2022-06-01,2022-06-30,厅,${url}`;
  const titles = (r: ReturnType<typeof parseImport>) => (r.ok ? r.rows.map((x) => [x.row, x.value.batchTitle]) : r.issues.map((i) => i.message));

  it('CRLF, LF and CR mixed in one file; blank lines and rows of empty cells skipped, rows numbered as in the file (blank ones count)', () => {
    const csv = `${HEADER}\r\n${row('一')}\n,,,,,\r\n  ,\u3000,,,,\r${row('二', 'https://a.cn/2')}\r\n\r\n\n`;
    expect(titles(parseImport('csv', csv))).toEqual([[2, '一'], [5, '二']]);
  });

  it('a quoted cell keeps its comma, double quote and line break (then the line break is refused by validation)', () => {
    const r = parseImport('csv', `${HEADER}\n${row('"含,逗号与""引号"""')}\n${row('"换\r\n行"', 'https://a.cn/2')}`);
    expect(!r.ok && r.issues).toEqual([{ field: 'rows[3].batchTitle', message: '第 3 行「批次名称」不能包含换行或控制字符' }]);
    expect(titles(parseImport('csv', `${HEADER}\n${row('"含,逗号与""引号"""')}`))).toEqual([[2, '含,逗号与"引号"']]);
  });

  it('ragged rows: a short row’s missing cells are named as empty; cells beyond the header are ignored', () => {
    const r = parseImport('csv', `${HEADER}\nm01,批次,2022-06-01,2022-06-30\n${row('二')},多余,列`);
    expect(!r.ok && r.issues).toEqual([
      { field: 'rows[2].issuer', message: '第 2 行「发布机关」不能为空' },
      { field: 'rows[2].sourceUrl', message: '第 2 行「来源链接」不能为空' },
    ]);
    expect(titles(parseImport('csv', `${HEADER}\n${row('二')},多余,列`))).toEqual([[2, '二']]);
  });

  it('a quote inside an unquoted cell is kept as typed (as before)', () => {
    expect(titles(parseImport('csv', `${HEADER}\n${row('关于"专精特新"企业')}`))).toEqual([[2, '关于"专精特新"企业']]);
  });

  it('changed: text after a closing quote keeps the quotes as typed (the hand-written parser dropped them)', () => {
    // No spreadsheet writes this; from a hand-edited file, nothing typed is silently lost and the preview shows it.
    expect(titles(parseImport('csv', `${HEADER}\n${row('"2022 年度"技改项目')}`))).toEqual([[2, '"2022 年度"技改项目']]);
  });

  it('an unclosed quote anywhere, even at the end of a quoted line break, is the one Chinese message', () => {
    for (const text of [`${HEADER}\n${row('"未闭合')}`, `${HEADER}\r\n${row('"跨\r\n行')}\r\n`, '"']) {
      expect(parseImport('csv', text)).toEqual({ ok: false, issues: [{ field: 'text', message: 'CSV 中有未闭合的引号' }] });
    }
  });

  it('any other csv-parse error becomes a Chinese message naming the file’s line, never a crash', () => {
    const { CsvError } = jest.requireActual<typeof import('csv-parse/sync')>('csv-parse/sync');
    for (const [thrown, line] of [
      [new CsvError('CSV_MAX_RECORD_SIZE', 'Max Record Size', undefined, { lines: 7 }), '文件第 7 行'],
      [new Error('boom'), '文件某一行'],
    ] as const) {
      jest.isolateModules(() => {
        jest.doMock('csv-parse/sync', () => ({ parse: () => { throw thrown; } }));
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated: typeof import('../../../shared/cloud/deadline-input') = require('../../../shared/cloud/deadline-input');
        const r = isolated.parseImport('csv', `${HEADER}\n${row('一')}`);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0].field).toBe('text');
        expect(r.issues[0].message).toMatch(/^CSV 无法读取：/);
        expect(r.issues[0].message).toContain(line);
        expect(r.issues[0].message).not.toMatch(/[A-Za-z]{5,}/); // no English from the library
      });
      jest.dontMock('csv-parse/sync');
    }
  });
});

describe('JSON import: the app’s one JSON reading (BOM dropped, syntax errors in Chinese with line and column)', () => {
  it.each([
    ['a trailing comma', '[\n  {"measureId": "m01"},\n]', '导入内容不是有效的 JSON：第 2 行第 23 列'],
    ['a Chinese comma', '[{"measureId": "m01"，"batchTitle": "x"}]', '导入内容不是有效的 JSON：第 1 行第 21 列'],
    ['nothing', '  \n', '导入内容不是有效的 JSON：内容为空'],
  ])('%s is named where it is', (_case, text, start) => {
    const parsed = parseImport('json', text);
    expect(!parsed.ok && parsed.issues.map((i) => i.message.slice(0, start.length))).toEqual([start]);
  });

  it('a BOM before the array is dropped', () => {
    const row = { measureId: 'm01', batchTitle: '批次', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '厅', sourceUrl: 'https://a.cn/1' };
    const parsed = parseImport('json', `\uFEFF${JSON.stringify([row])}`);
    expect(parsed.ok && parsed.rows.map((r) => r.value.batchTitle)).toEqual(['批次']);
  });
});
