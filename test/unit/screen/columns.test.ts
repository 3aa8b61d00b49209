/**
 * The screening table's columns come from the catalog: every fact has exactly one column, every
 * fact of a repeated item exactly one per project slot — counted against the catalog, so a fact
 * added to the catalog fails here until it has its column. Headers and ids are unique, each id is
 * the profile path of its fact (paths.ts), units are in the headers, and a header row is read back
 * by either of its lines. docs/screening.md is what the columns generate.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { catalog2022, COMMON_FACTS, MAX_ENTRIES, entryPath, factPath, pathFact } from '../../../shared/policy/engine';
import { TEMPLATE_SLOTS, headerCell, readableColumns, screenColumns, type Column, screeningDoc, isExplanationRow, readLayout } from '../../../shared/policy/screening';

const columns = screenColumns(catalog2022);
const measureFacts = catalog2022.measures.flatMap((m) => m.facts);
const repeats = catalog2022.measures.flatMap((m) => m.items).filter((i) => i.repeat);

describe('columns derived from the catalog', () => {
  it('has one column per common fact and measure fact, and one per repeat fact and slot — counted against the catalog', () => {
    const repeatFacts = repeats.reduce((n, i) => n + i.repeat!.facts.length, 0);
    // 名称 + the common facts (主体类型, 中小企业, the two region flags) + the place (盟市, 旗县区, 代码).
    expect(columns.length).toBe(1 + COMMON_FACTS.length + 3 + measureFacts.length + repeatFacts * TEMPLATE_SLOTS);
    for (const f of COMMON_FACTS) expect(columns.filter((c) => 'def' in c.target && c.target.def === f)).toHaveLength(1);
    for (const f of measureFacts) expect(columns.filter((c) => c.target.to === 'fact' && c.target.def === f)).toHaveLength(1);
    for (const item of repeats) {
      for (const f of item.repeat!.facts) {
        const slots = columns.filter((c) => c.target.to === 'entry' && c.target.item === item && c.target.def === f).map((c) => (c.target as { slot: number }).slot);
        expect(slots).toEqual(Array.from({ length: TEMPLATE_SLOTS }, (_, i) => i + 1));
      }
    }
    expect(columns.filter((c) => c.target.to === 'place').map((c) => c.header)).toEqual(['盟市名称', '旗县区名称', '旗县区代码']);
    expect(columns.slice(0, 2).map((c) => c.header)).toEqual(['名称', '主体类型']);
  });

  it('gives unique headers and ids; each id is the path of its own fact; units in the header', () => {
    expect(new Set(columns.map((c) => c.header)).size).toBe(columns.length);
    expect(new Set(columns.map((c) => c.id)).size).toBe(columns.length);
    for (const c of columns) {
      const t = c.target;
      if (t.to !== 'fact' && t.to !== 'entry' && t.to !== 'common') continue;
      const found = pathFact(c.id, catalog2022);
      expect(found?.def).toBe(t.def);
      if (t.to === 'entry') expect(found).toMatchObject({ item: t.item, index: t.slot - 1 });
      if (t.def.type === 'amount') expect(c.header.endsWith(`（${t.def.unit}）`)).toBe(true);
      expect(c.header).not.toMatch(/？/);
    }
    const slot2 = columns.find((c) => c.id === entryPath('m08.upgrade', 1, 'investment'))!;
    expect(slot2.header).toBe('（八）技术改造项目2：项目实际完成投资额（万元）');
  });

  it('explains every column: the words a yes/no and a choice cell take, the unit of a number', () => {
    const by = (id: string) => columns.find((c) => c.id === id)!.explain;
    expect(by(factPath('m01.techCenter'))).toContain('是 / 否 / 不确定');
    expect(by(factPath('m13.level'))).toContain('5A 级 / 4A 级 / 3A 级 / 2A 级 / A 级 / 未通过评定 / 不确定');
    expect(by(factPath('m14.cloudCost'))).toMatch(/^数字，单位万元，最多 6 位小数/);
    expect(by(factPath('m03.leadInternational'))).toMatch(/^数字，单位个，整数/);
    for (const c of columns) expect(c.explain.length).toBeGreaterThan(0);
  });

  it('reads more slots than the template writes, up to MAX_ENTRIES', () => {
    const all = readableColumns(catalog2022);
    expect(all.filter((c) => c.target.to === 'entry' && c.target.slot === MAX_ENTRIES).length).toBe(repeats.reduce((n, i) => n + i.repeat!.facts.length, 0));
    expect(all.some((c) => c.target.to === 'entry' && c.target.slot === MAX_ENTRIES + 1)).toBe(false);
  });
});

describe('reading a header row', () => {
  const header = columns.map(headerCell);

  // Templates handed out before issue 27 wrote 'label\nid' under a label without the measure number.
  const before27 = columns.map((c) => (c.id === c.legacy ? c.legacy! : `${c.legacy}\n${c.id}`));

  it('knows every column by its header, by the two-line header of earlier templates, by their label alone or by the id alone, in any order', () => {
    for (const cells of [header, before27, columns.map((c) => c.legacy!), columns.map((c) => c.id), [...header].reverse()]) {
      const l = readLayout(cells, catalog2022);
      if (!l.ok) throw new Error(l.message);
      expect(new Set(l.layout.columns)).toEqual(new Set(columns));
      expect(l.layout.unknown).toEqual([]);
    }
  });

  it('leaves a park’s own columns aside and names them; refuses a column twice; reads a table without 主体类型 as enterprises', () => {
    const l = readLayout(['联系人', ...header, '电话 '], catalog2022);
    expect(l.ok && l.layout.unknown).toEqual(['联系人', '电话']);
    expect(l.ok && l.layout.columns[0]).toBeUndefined();
    expect(readLayout([...header, '技术改造项目1：项目实际完成投资额（万元）'], catalog2022)).toEqual({
      ok: false,
      message: `第 1 行（表头）第 ${header.findIndex((h) => h.startsWith('（八）技术改造项目1：项目实际完成投资额')) + 1} 列和第 ${header.length + 1} 列都是「（八）技术改造项目1：项目实际完成投资额（万元）」，无法判断用哪一列`,
    });
    // Since issue 27, item 2 a table without 主体类型 is a park's own register of enterprises: every row 企业 (confirmed first: header-match.test).
    const noEntity = readLayout(header.filter((h) => !h.startsWith('主体类型')), catalog2022);
    expect(noEntity).toMatchObject({ ok: true, layout: { entityAssumed: true } });
  });

  it('recognises the template’s explanation row (and only it)', () => {
    const l = readLayout(header, catalog2022);
    if (!l.ok) throw new Error(l.message);
    const explain = columns.map((c: Column) => c.explain);
    expect(isExplanationRow(explain, l.layout)).toBe(true);
    expect(isExplanationRow(explain.map((e, i) => (i === 0 ? '' : e)), l.layout)).toBe(true);
    expect(isExplanationRow(['某公司', ...explain.slice(1)], l.layout)).toBe(false);
    expect(isExplanationRow(explain.map(() => ''), l.layout)).toBe(false);
  });
});

describe('docs/screening.md', () => {
  it('is what `npm run screen -- --doc` generates from the catalog (run it after changing the catalog)', () => {
    expect(readFileSync(join(__dirname, '../../../docs/screening.md'), 'utf8')).toBe(screeningDoc(catalog2022));
  });

  it('lists every template column', () => {
    const doc = screeningDoc(catalog2022);
    for (const c of columns) expect(doc).toContain(`\`${c.id}\``);
  });
});
