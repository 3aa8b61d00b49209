/**
 * The template a person downloads (issue 27, item 1): Chinese headers with the measure's number and
 * no developer key; the topics (and measures) they pick decide the columns; a 说明 sheet gives each
 * column its measure and clause; the 旗县区 column offers the questionnaire's 旗县区 and the result
 * suggests — never decides — 脱贫地区. Templates handed out before still read (columns.test.ts).
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { catalog2022, entryPath, evaluate, factPath, MAX_ENTRIES, TOPICS, type Profile } from '../../../shared/policy/engine';
import {
  headerCell,
  listedCounties,
  profileRow,
  measureOfName,
  NOTES_SHEET,
  povertyHint,
  readLayout,
  rowSummary,
  screenColumns,
  templateNotes,
  topicOfName,
  writeTemplateXlsx,
  type Column,
} from '../../../shared/policy/screening';
import { figures, personaProfiles, screenKeeping, tempDir } from './support';

const all = screenColumns(catalog2022, {});
const byId = (cols: Column[], id: string) => cols.find((c) => c.id === id)!;
const m = (id: string) => catalog2022.measures.find((x) => x.id === id)!;

describe('the template’s headers read like a form', () => {
  it.each([
    ['名称', '名称', '名称'],
    ['主体类型', factPath('entity'), '主体类型'],
    ['中小企业 (a common column: no measure number)', factPath('sme'), '是否为中小企业'],
    ['旗县区', factPath('region.countyName'), '旗县区名称'],
    ['a measure’s fact', factPath('m14.cloudCost'), '（十四）设备上云上平台的实际费用（万元）'],
    ['a project slot', entryPath('m08.upgrade', 0, 'investment'), '（八）技术改造项目1：项目实际完成投资额（万元）'],
    ['a yes/no of a slot', entryPath('m08.upgrade', 0, 'chain'), `（八）技术改造项目1：${m('m08').items[0].repeat!.facts[0].label.replace(/？$/, '')}`],
  ])('%s: the header is %s → %s', (_what, id, header) => {
    expect(headerCell(byId(all, id))).toBe(header);
  });

  // A '/' between Chinese words is the clause's own (首台（套）/首批（次）); a path has ASCII around it.
  it.each(all.map((c) => [c.header]))('「%s」 shows no developer key (no path, no fact id, one line)', (header) => {
    expect(header).not.toMatch(/[\w.]\/|\/[\w.]|\n/);
    expect(header).not.toMatch(/\bm\d{2}\b|[a-z]+\.[a-z]+|facts|projects/i);
  });

  it('every measure column starts with its measure’s number', () => {
    for (const c of all.filter((x) => x.measure)) expect(c.header.startsWith(c.measure!.label)).toBe(true);
  });
});

describe('the topics and measures a person picks decide the columns', () => {
  const common = ['名称', '主体类型', '是否为中小企业', '盟市名称', '旗县区名称', '旗县区代码', '项目所在旗县区是否属于脱贫地区', '项目所在旗县区是否属于革命老区'];
  const measuresOf = (cols: Column[]) => new Set(cols.flatMap((c) => (c.measure ? [c.measure.id] : [])));

  it.each([
    ['技改 only (measure （八）)', { measures: ['m08'] }, ['m08'], 13],
    ['投资与技术改造 (its seven measures)', { topics: ['investment' as const] }, ['m02', 'm08', 'm09', 'm10', 'm23', 'm25', 'm26'], 21],
    ['标准制定', { topics: ['standards' as const] }, ['m03'], 12],
  ])('%s: the common columns, then only the chosen measures’ facts and one slot per item', (_what, choice, measureIds, count) => {
    const cols = screenColumns(catalog2022, choice);
    expect(cols.slice(0, common.length).map((c) => c.header)).toEqual(common);
    expect(cols).toHaveLength(count);
    const facts = catalog2022.measures.filter((x) => measureIds.includes(x.id)).flatMap((x) => x.facts);
    for (const f of facts) expect(cols.filter((c) => c.target.to === 'fact' && c.target.def === f)).toHaveLength(1);
    expect([...measuresOf(cols)].every((id) => measureIds.includes(id))).toBe(true);
    expect(cols.every((c) => c.target.to !== 'entry' || c.target.slot === 1)).toBe(true);
  });

  it('a 技改-only template is about a dozen columns (≤ 15)', () => {
    expect(screenColumns(catalog2022, { measures: ['m08'] }).length).toBeLessThanOrEqual(15);
  });

  it.each([[1], [2], [MAX_ENTRIES]])('%i project slot(s) per item when asked', (projects) => {
    const cols = screenColumns(catalog2022, { measures: ['m08'], projects });
    const slots = new Set(cols.flatMap((c) => (c.target.to === 'entry' ? [c.target.slot] : [])));
    expect([...slots].sort((a, b) => a - b)).toEqual(Array.from({ length: projects }, (_, i) => i + 1));
  });

  it('no topic and no measure: every measure, one project slot', () => {
    expect(measuresOf(all).size).toBe(catalog2022.measures.filter((x) => x.facts.length > 0 || x.items.some((i) => i.repeat)).length);
    expect(all.every((c) => c.target.to !== 'entry' || c.target.slot === 1)).toBe(true);
  });

  it.each([
    ['投资与技术改造', 'investment'],
    ['技术改造', 'investment'],
    ['工匠', 'craftsmen'],
    ['与', undefined],
    ['火箭', undefined],
  ])('the topic a person names: 「%s」 → %s', (name, id) => {
    expect(topicOfName(name)).toBe(id);
  });

  it.each([
    ['（八）', 'm08'],
    ['八', 'm08'],
    ['8', 'm08'],
    ['三十', 'm30'],
    ['三十一', undefined],
  ])('the measure a person names: 「%s」 → %s', (name, id) => {
    expect(measureOfName(name, catalog2022)?.id).toBe(id);
  });

  it('every topic label names its own topic', () => {
    for (const t of TOPICS) expect(topicOfName(t.label)).toBe(t.id);
  });

  it('a template of chosen topics reads back as those columns', () => {
    const cols = screenColumns(catalog2022, { topics: ['digital'], projects: 2 });
    const l = readLayout(cols.map(headerCell), catalog2022);
    if (!l.ok) throw new Error(l.message);
    expect(l.layout.columns).toEqual(cols.map((c) => expect.objectContaining({ id: c.id })));
    expect(l.layout.unknown).toEqual([]);
  });
});

describe('the 说明 sheet', () => {
  const cols = screenColumns(catalog2022, { measures: ['m08', 'm14'] });
  const notes = templateNotes(catalog2022, cols);

  it('has a line per column, in the template’s order, with what to type', () => {
    expect(notes.map((n) => n.列名)).toEqual(cols.map((c) => c.header));
    expect(notes.map((n) => n.怎么填)).toEqual(cols.map((c) => (c.id === factPath('region.countyName') ? `${c.explain}；可从下拉中选，用来提示是否属于脱贫地区（见本表下方的名单）` : c.explain)));
  });

  it.each([
    [entryPath('m08.upgrade', 0, 'investment'), '（八）引导企业增加技术改造投入', 'm08.upgrade'],
    [entryPath('m08.robots', 0, 'robotCost'), '（八）引导企业增加技术改造投入', 'm08.robots'],
    [factPath('m14.cloudCost'), '（十四）支持企业“上云用数赋智”', 'm14.equipment-cloud'],
    [factPath('m14.benchmarkCost'), '（十四）支持企业“上云用数赋智”', 'm14.cloud-benchmark'],
  ])('%s serves %s, with the clause of %s', (id, measure, itemId) => {
    const n = notes[cols.findIndex((c) => c.id === id)];
    const item = catalog2022.measures.flatMap((x) => x.items).find((i) => i.id === itemId)!;
    expect(n.对应措施).toBe(measure);
    expect(n.条款原文).toContain(item.quote);
  });

  it('脱贫地区 serves the measures whose threshold it lowers, with that clause; 名称 serves none', () => {
    const poverty = notes[cols.findIndex((c) => c.id === factPath('region.poverty'))];
    expect(poverty.对应措施).toBe('（八）引导企业增加技术改造投入');
    expect(poverty.条款原文).toContain('脱贫地区、革命老区投资 1000万元及以上');
    expect(notes[0]).toMatchObject({ 列名: '名称', 对应措施: '', 条款原文: '' });
  });

  it('is the template’s second sheet, after the header, the explanation row and no data; drop-downs include 旗县区 from a hidden list', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 't.xlsx');
      await writeTemplateXlsx(file, catalog2022, cols);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
        ['筛查表', 'visible'],
        [NOTES_SHEET, 'visible'],
        ['旗县区', 'hidden'],
      ]);
      const first = wb.worksheets[0];
      expect((first.getRow(1).values as unknown[]).slice(1)).toEqual(cols.map((c) => c.header));
      expect(first.actualRowCount).toBe(2);
      const sheet = wb.getWorksheet(NOTES_SHEET)!;
      const rows: string[][] = [];
      sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      expect(rows[0]).toEqual(['列名', '怎么填', '对应措施', '条款原文']);
      expect(rows.slice(1, cols.length + 1).map((r) => r[0])).toEqual(cols.map((c) => c.header));
      for (const c of listedCounties()) expect(rows.some((r) => r[0] === `${c.cityName} ${c.countyName}` && r[1] === c.text)).toBe(true);
      const county = first.getColumn(cols.findIndex((c) => c.id === factPath('region.countyName')) + 1).letter;
      const validations = (first as unknown as { dataValidations: { model: Record<string, { formulae?: string[] }> } }).dataValidations.model;
      expect(validations[`${county}3`]?.formulae).toEqual([`'旗县区'!$A$1:$A$103`]);
      const hidden = wb.getWorksheet('旗县区')!;
      expect(hidden.getCell('A1').value).toBe('新城区');
      expect(hidden.rowCount).toBe(103);
    } finally {
      tmp.done();
    }
  });
});

describe('the 旗县区 suggests 脱贫地区, never decides', () => {
  const base: Profile = { version: 1, entity: 'enterprise' };
  it.each([
    ['listed nationally, 脱贫地区 empty', { countyName: '武川县' }, /^请确认是否属于脱贫地区：武川县曾是国家级贫困县/],
    ['listed, 脱贫地区 不确定, no 盟市 given', { countyName: '敖汉旗', poverty: 'unknown' as const }, /^请确认是否属于脱贫地区：敖汉旗曾是国家级贫困县/],
    ['listed, 脱贫地区 answered 否', { countyName: '武川县', poverty: false as const }, undefined],
    ['listed, 脱贫地区 answered 是', { countyName: '武川县', poverty: true as const }, undefined],
    ['not listed', { countyName: '新城区' }, undefined],
  ])('%s', (_what, region, hint) => {
    const profile = { ...base, region };
    const said = povertyHint(profile);
    if (hint) expect(said).toMatch(hint);
    else expect(said).toBeUndefined();
    // The hint is a line to confirm; the figures are the row's own answer's.
    const res = evaluate(profile);
    const needsInfo = rowSummary(res, catalog2022, profile).needsInfo;
    expect(needsInfo.filter((line) => line.startsWith('请确认是否属于脱贫地区'))).toEqual(said ? [said] : []);
    expect(res.items.find((r) => r.id === 'm08.upgrade')).toEqual(evaluate(profile).items.find((r) => r.id === 'm08.upgrade'));
  });

  it('a park gets no hint (the questionnaire gives it none)', () => {
    expect(povertyHint({ version: 1, entity: 'park', region: { countyName: '武川县' } })).toBeUndefined();
  });
});

describe('a template handed out before issue 27 still screens', () => {
  // Its header: 'label\nid' under a label without the measure number; its second row the explanations.
  it.each(['csv', 'xlsx'])('as .%s: every persona row reads and screens to the engine’s figures', async (ext) => {
    const tmp = tempDir();
    try {
      const cols = screenColumns(catalog2022);
      const personas = personaProfiles();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('筛查表');
      ws.addRow(cols.map((c) => (c.id === c.legacy ? c.legacy : `${c.legacy}\n${c.id}`)));
      ws.addRow(cols.map((c) => c.explain));
      for (const [name, p] of personas) ws.addRow(profileRow(name, p, cols, { numbers: ext === 'xlsx' }).map((v) => (v === '' ? null : v)));
      const file = join(tmp.dir, `old.${ext}`);
      if (ext === 'csv') await wb.csv.writeFile(file);
      else await wb.xlsx.writeFile(file);
      const run = await screenKeeping(file, join(tmp.dir, 'r.xlsx'));
      expect(run.report.refused).toEqual([]);
      expect(run.report.unknownColumns).toEqual([]);
      expect(run.screened.map((r) => r.row)).toEqual(personas.map((_, i) => i + 3));
      run.screened.forEach((r, i) => expect(figures(r.result)).toEqual(figures(evaluate(personas[i][1]))));
    } finally {
      tmp.done();
    }
  });
});
