/**
 * One reading of a typed number (issue 23, item 4): the browser's 金额至少 filter reads an amount as
 * the schema's readTypedNumber reads a 万元 field — the same full-width folding (２５００, ２，５００),
 * thousands separators (2,500) and surrounding spaces — and search folds a query the same way.
 */
import fs from 'fs';
import path from 'path';
import { readTypedNumber } from '../../../shared/policy/engine';
import { findFigures, parseMinAmount } from '../../../shared/policy/view';
import { filesUnder } from '../../support/source-files';

/** 金额至少 as 万元 text, or null when the filter refuses it or has no amount. */
function browseWan(text: string): string | null {
  const r = parseMinAmount(text);
  return r.ok && r.yuan ? r.yuan.div(10000).toFixed() : null;
}

const TYPED: [string, string | null][] = [
  ['2,500', '2500'],
  ['2，500', '2500'],
  ['２５００', '2500'],
  ['２，５００', '2500'],
  [' 2500 ', '2500'],
  ['\u30002500\u3000', '2500'],
  ['2,500.5', '2500.5'],
  ['２５００．５', '2500.5'],
  ['2,500万', '2500'],
  ['0.25亿', '2500'],
  ['1e3', null],
  ['1,20', null],
  ['abc', null],
  ['', null],
];

it.each(TYPED)('the schema reads %j in a 万元 field as %s', (typed, wan) => {
  expect(readTypedNumber(typed, '万元')).toBe(wan);
});

it.each(TYPED)('金额至少 %j filters from %s 万元, as the schema reads it', (typed, wan) => {
  expect(browseWan(typed)).toBe(wan);
});

it.each([
  ['２，５００万', '25000000'],
  ['２５００万元', '25000000'],
  ['2,500万', '25000000'],
  ['５０％', '0.5'],
])('search reads the query %j as the figure %s', (query, value) => {
  const figures = findFigures(query, false);
  expect(figures.map((f) => f.value.toFixed())).toEqual([value]);
});

/** Every .ts file under shared/, as paths from shared/. */
const sources = (dir: string) => filesUnder(dir, /\.ts$/);
const SHARED = path.join(__dirname, '../../../shared');
const FOLDS_WIDTH = /0xfee0|[０-９]-|\\uff01/i;

it.each(sources(SHARED).filter((f) => f !== 'policy/engine/half-width.ts'))('%s leaves full-width folding to the engine’s halfWidth', (file) => {
  expect(fs.readFileSync(path.join(SHARED, file), 'utf8')).not.toMatch(FOLDS_WIDTH);
});
