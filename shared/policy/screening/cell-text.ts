/**
 * A spreadsheet cell as the text a person sees in it: every cell of the screening table is read as
 * typed text and then goes through the schema's reading (readTypedNumber…), whether it came from a
 * CSV (already text) or an .xlsx (numbers, dates, formulas, rich text, as exceljs gives them).
 *
 * Numbers: Excel keeps 15 significant digits ("Excel specifications and limits": number precision
 * 15 digits) and shows no more, so a number is written with at most 15 significant digits, in plain
 * notation: a formula's 1200.1 + 300.2 (the double 1500.3000000000002) reads as "1500.3", as the
 * cell shows it. Nothing else is rounded: 1.5 stays "1.5" (an integer field then refuses it).
 * cellText is that reading. CELL_MAX_CHARS is Excel's limit on a cell's text; CUT_MARK (= OVERLONG)
 * marks text cut while read or over that limit — here, not in the .xlsx reader, so that the screening
 * worker thread's bundle (screen-row.ts) needs no spreadsheet package (issue 24, item 3).
 */
import { Dec } from '../engine';

/** Excel's limit on a cell's characters ("Excel specifications and limits": 32,767). */
export const CELL_MAX_CHARS = 32767;
/** Left where text was cut: a noncharacter (U+FDD0), which no keyboard types and Excel never writes. */
export const CUT_MARK = '\uFDD0';
/** A cell over Excel's limit, as it comes in a row (read-table.ts): this mark, then the cell's first characters and …. */
export const OVERLONG = CUT_MARK;

/** Excel's number precision (significant digits). */
const EXCEL_DIGITS = 15;

/** Integers below this print in plain notation with at most 15 digits. */
const PLAIN_INTEGER = 1e15;

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Most cells of a register are whole numbers or a few decimals: read without a Decimal (issue 24,
  // item 3: a Decimal per numeric cell was 3 % of reading an .xlsx). -0 is "0".
  if (Number.isInteger(n) && Math.abs(n) < PLAIN_INTEGER) return String(n);
  const p = n.toPrecision(EXCEL_DIGITS);
  // Without an exponent, dropping the trailing zeros of the fraction is Decimal's plain notation.
  if (!p.includes('e')) return p.includes('.') ? p.replace(/\.?0+$/, '') : p;
  // toPrecision and Decimal's plain notation: no exponent, no trailing zeros.
  return new Dec(p).toFixed();
}

/** A date as the day it names (a date in a number or yes/no column is then refused by the schema). */
function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** exceljs's cell value (or a CSV field) → text. Empty cells are ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}
