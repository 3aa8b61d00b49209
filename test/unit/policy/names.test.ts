/**
 * One meaning per name (issue 23, item 2): `kind` is only an item's kind (ItemKind, the catalog
 * record's discriminator); how to read a result's amount is its `amountKind`; what an item kind
 * computes is its KindRule (ruleOf), in the kind's file with its record type, and `Item` is the union
 * of the registered rules' records; a measure's 支持方式 is a SupportForm. `measure` is a catalog
 * record and the pictures' text-measuring callback is `measureText` (drawing.ts's MeasureText); a
 * result's `reasonCode` is one of the codes the engine gives, so a misspelt one fails the type check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  catalog2022,
  evaluate,
  ruleOf,
  type AdvanceShareItem,
  type FeeReductionItem,
  type FixedItem,
  type Item,
  type ItemKind,
  type ItemResult,
  type LevelItem,
  type NonMonetaryItem,
  type ProportionalItem,
  type SupportForm,
  type UnquantifiedItem,
  type UpToItem,
} from '../../../shared/policy/engine';
import { SUPPORT_FORMS } from '../../../shared/policy/view';
import { parsed } from '../../support/engine';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE } from '../../support/personas';

const ROOT = path.resolve(__dirname, '../../..');
const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Files that take a text-measuring callback. */
const MEASURING = [
  'shared/policy/pictures/drawing.ts',
  'shared/policy/pictures/poster.ts',
  'shared/policy/pictures/share-card.ts',
  'shared/policy/pictures/result-sheet.ts',
  'src/services/canvas.ts',
  'src/services/picture.ts',
];

describe('measure is a catalog record, measureText the callback that measures text', () => {
  it.each(MEASURING)('%s never calls its MeasureText `measure`', (file) => {
    expect(source(file).match(/\bmeasure\??: MeasureText\b/g) ?? []).toEqual([]);
  });
});

// The type check is the test: tsc reports this directive as unused when reasonCode takes any string.
// @ts-expect-error 'condtion' is not a reason code
const misspelt: ItemResult['reasonCode'] = 'condtion';

describe('reasonCode is a code the engine gives', () => {
  it('a misspelt code is refused by the type check (see the directive above)', () => {
    expect(misspelt).toBe('condtion');
  });
});

describe("an item result's amount kind is amountKind; kind is only the catalog record's", () => {
  const items = [...evaluate(parsed(LARGE_ENTERPRISE)).items, ...evaluate(parsed(INDUSTRIAL_PARK)).items];
  it.each([
    ['m08.upgrade', 'percent', 'exact'],
    ['m16.smart-park', 'upTo', 'upTo'],
    ['m20.low-carbon-park', 'unquantified', 'unquantified'],
    ['m22.park-infrastructure-bonds', 'nonMonetary', 'nonMonetary'],
  ])('%s: item kind %s, amount kind %s, and no other kind', (id, itemKind, amountKind) => {
    const r = items.find((i) => i.id === id)!;
    expect([r.itemKind, r.amountKind, Object.keys(r).filter((k) => /kind/i.test(k)).sort()]).toEqual([itemKind, amountKind, ['amountKind', 'itemKind']]);
  });
});

describe('what an item kind computes is its rule; a measure gives forms of support', () => {
  it.each(catalog2022.measures.map((m) => [m.label, m] as const))('%s: each item has the rule of its kind, and its support forms are the filter\'s', (_label, m) => {
    for (const item of m.items) expect([item.id, ruleOf(item).kinds]).toEqual([item.id, expect.arrayContaining([item.kind])]);
    expect(m.support.filter((f: SupportForm) => !SUPPORT_FORMS.includes(f))).toEqual([]);
  });
});

/** Each kind's file and the record type it declares. */
const KIND_FILES: [string, string][] = [
  ['fixed.ts', 'FixedItem'],
  ['level.ts', 'LevelItem'],
  ['proportional.ts', 'ProportionalItem'],
  ['advance-share.ts', 'AdvanceShareItem'],
  ['up-to.ts', 'UpToItem'],
  ['fee-reduction.ts', 'FeeReductionItem'],
  ['non-monetary.ts', 'NonMonetaryItem'],
  ['unquantified.ts', 'UnquantifiedItem'],
];

describe("a kind's record type lives in its kind's file; Item is derived from the registry", () => {
  it.each(KIND_FILES)('kinds/%s declares %s', (file, type) => {
    expect(source(`shared/policy/engine/kinds/${file}`)).toMatch(new RegExp(`export interface ${type} extends \\w+ \\{\\n  kind: '`));
  });

  it.each(KIND_FILES.map(([, type]) => type))('types.ts does not declare %s', (type) => {
    expect(source('shared/policy/engine/types.ts')).not.toMatch(new RegExp(`interface ${type}\\b`));
  });

  it('Item is the union of the records the registered rules compute, and ItemKind their kinds (the type check is the test)', () => {
    type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    const records: Same<Item, FixedItem | LevelItem | ProportionalItem | AdvanceShareItem | UpToItem | FeeReductionItem | NonMonetaryItem | UnquantifiedItem> = true;
    const kinds: Same<ItemKind, 'fixed' | 'level' | 'percent' | 'perUnit' | 'perCount' | 'advanceShare' | 'upTo' | 'feeReduction' | 'nonMonetary' | 'unquantified'> = true;
    expect([records, kinds]).toEqual([true, true]);
  });
});
