/**
 * The catalog's version (issue 26, item 6): a hash of the catalog's records. A changed figure — an
 * amount, a rate, a cap, a threshold, a clause's words — changes it; the same records written
 * another way (key order, a member left undefined, the source file reprinted with other line breaks
 * and indents) do not. versionText words it; readVersionStamp reads a reply's; the 测算单 prints the
 * stamp of the code that made its figures, or the one the page gives (the cloud's, when its answer is
 * shown).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ts from 'typescript';
import * as factHelpers from '../../../shared/policy/engine/catalog/fact-helpers';
import { catalog2022, catalogVersion, evaluate, readVersionStamp, versionStamp, versionText, type Catalog, type Measure } from '../../../shared/policy/engine';
import { layoutSheet, layoutTexts, sheetContent, type SheetMeta } from '../../../shared/policy/pictures';
import { fakeMeasureText } from '../../support/measure-text';
import { parsed } from '../../support/engine';
import { LARGE_ENTERPRISE } from '../../support/personas';

/** A deep copy, to change one thing in. */
const copy = (): Catalog => JSON.parse(JSON.stringify(catalog2022));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const itemOf = (c: Catalog, id: string): any => c.measures.flatMap((m) => m.items).find((i) => i.id === id);
const measureOf = (c: Catalog, id: string): Measure => c.measures.find((m) => m.id === id)!;

/** section1.ts as another author might have typed it: TypeScript's printer (its own line breaks and indents, no comments), then run. */
function reprintedSection1(edit?: (source: string) => string): Measure[] {
  const file = join(__dirname, '../../../shared/policy/engine/catalog/section1.ts');
  const parsed = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const reprinted = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: true }).printFile(parsed);
  const printed = edit ? edit(reprinted) : reprinted;
  if (edit && printed === reprinted) throw new Error('the edit found nothing to change');
  const js = ts.transpileModule(printed, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  const req = (p: string) => {
    if (p === './fact-helpers') return factHelpers;
    throw new Error(`section1.ts imports ${p}`);
  };
  new Function('require', 'module', 'exports', js)(req, mod, mod.exports);
  return mod.exports.section1 as Measure[];
}

/** The catalog with section 1's measures from a reprint of its source. */
function withSection1(section1: Measure[]): Catalog {
  const c = copy();
  c.measures = [...section1, ...c.measures.slice(section1.length)];
  return c;
}

const base = catalogVersion(catalog2022);

describe('the catalog version changes when a record changes', () => {
  it.each<[string, (c: Catalog) => void]>([
    ['a fixed amount: （一）’s 1000万元 becomes 1001万元', (c) => (itemOf(c, 'm01.national-innovation-center').amount = '1001万元')],
    ['a rate: （八）’s 20% becomes 21%', (c) => (itemOf(c, 'm08.upgrade').rate = '21%')],
    ['a cap: （八）’s 500万元 per project becomes 600万元', (c) => (itemOf(c, 'm08.upgrade').cap.amount = '600万元')],
    ['a threshold: （八）’s 2000万元 becomes 1500万元', (c) => (itemOf(c, 'm08.upgrade').threshold.min = '1500万元')],
    ['a reduced threshold: （八）’s 1000万元 for 脱贫地区 becomes 800万元', (c) => (itemOf(c, 'm08.upgrade').threshold.reduced.min = '800万元')],
    ['a level’s amount: （一）’s 自治区级工业设计中心 50万元 becomes 60万元', (c) => (itemOf(c, 'm01.design-center').levels[1].amount = '60万元')],
    ['a clause’s words: one character of （一）', (c) => (measureOf(c, 'm01').clause = measureOf(c, 'm01').clause.replace('1000万元', '1000 万元'))],
    ['a quoted phrase beside a figure', (c) => (itemOf(c, 'm08.upgrade').rateQuote = '按照实际完成投资额的 20%。')],
    ['a measure gains an item', (c) => measureOf(c, 'm01').items.push({ ...itemOf(c, 'm01.tech-center'), id: 'm01.extra' })],
    ['two measures change places', (c) => ([c.measures[0], c.measures[1]] = [c.measures[1], c.measures[0]])],
  ])('%s', (_, change) => {
    const c = copy();
    change(c);
    expect(catalogVersion(c)).not.toBe(base);
  });

  it.each<[string, (s: string) => string]>([
    ['（一）’s 1000万元 edited in the source file', (s) => s.replace(/amount: (["'])1000万元\1/, 'amount: "1100万元"')],
    ['（一）’s clause edited in the source file', (s) => s.replace('（一）支持企业创新平台建设。', '（一）支持企业创新平台的建设。')],
  ])('%s', (_, edit) => {
    const edited = reprintedSection1(edit);
    expect(catalogVersion(withSection1(edited))).not.toBe(base);
  });
});

describe('the catalog version stays when only the writing changes', () => {
  const reverseKeys = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(reverseKeys) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reverseKeys(v)])) : x;

  it.each<[string, () => Catalog]>([
    ['a copy of the same records', copy],
    ['every object’s keys in the opposite order', () => reverseKeys(catalog2022) as Catalog],
    ['an optional member written out as undefined', () => {
      const c = copy();
      itemOf(c, 'm01.tech-center').note = undefined;
      return c;
    }],
    ['section1.ts reprinted by TypeScript’s printer (other line breaks and indents, no comments)', () => withSection1(reprintedSection1())],
  ])('%s', (_, make) => {
    expect(catalogVersion(make())).toBe(base);
  });

  it('the reprint really is another text of the same file', () => {
    const source = readFileSync(join(__dirname, '../../../shared/policy/engine/catalog/section1.ts'), 'utf8');
    expect(source).toContain("amount: '1000万元'");
    expect(JSON.stringify(reprintedSection1())).toBe(JSON.stringify(catalog2022.measures.slice(0, reprintedSection1().length)));
  });
});

describe('the stamp', () => {
  it.each<[string, () => unknown, string]>([
    ['the catalog’s version is 8 hex digits', () => catalogVersion(), '^[0-9a-f]{8}$'],
    ['the app’s version in tests is dev (no build put one in)', () => versionStamp().app, '^dev$'],
    ['its words name both', () => versionText({ app: '0.1.0+1c6ede6', catalog: '3f9a21c0' }), '^测算版本 0\\.1\\.0\\+1c6ede6 · 政策数据 3f9a21c0$'],
  ])('%s', (_, value, pattern) => {
    expect(String(value())).toMatch(new RegExp(pattern));
  });

  it.each<[string, unknown, unknown]>([
    ['a reply’s stamp', { app: '0.1.0+1c6ede6', catalog: '3f9a21c0' }, { app: '0.1.0+1c6ede6', catalog: '3f9a21c0' }],
    ['no stamp (a function deployed before versions)', undefined, undefined],
    ['a stamp without its catalog', { app: '0.1.0' }, undefined],
    ['a stamp that is text', '0.1.0', undefined],
  ])('reads %s', (_, reply, expected) => {
    expect(readVersionStamp(reply)).toEqual(expected);
  });
});

describe('the 测算单’s version', () => {
  const result = evaluate(parsed(LARGE_ENTERPRISE));
  const meta: SheetMeta = { appName: '政策算盘', who: '企业', date: '2026-12-06', listName: catalog2022.title, listStatus: '在执行', code: { state: 'image' } };
  const cloud = { app: '0.2.0+abcdef0', catalog: 'ffffffff' };

  it.each<[string, SheetMeta, string]>([
    ['this code’s stamp when the page gives none', meta, versionText(versionStamp())],
    ['the stamp the page gives (the cloud’s, its answer shown)', { ...meta, version: cloud }, '测算版本 0.2.0+abcdef0 · 政策数据 ffffffff'],
  ])('says %s', (_, m, expected) => {
    expect(sheetContent(result, m).version).toBe(expected);
  });

  it('draws it, under the disclaimer, before the code', () => {
    const content = sheetContent(result, meta);
    const texts = layoutTexts(layoutSheet(content, fakeMeasureText));
    const at = texts.indexOf(versionText(versionStamp()));
    expect(at).toBeGreaterThan(texts.findIndex((t) => content.disclaimer.startsWith(t)));
    expect(at).toBeLessThan(texts.indexOf('扫码，你也算一算'));
  });
});
