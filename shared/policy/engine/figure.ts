/**
 * A figure as the clause writes it ('500万元', '20%', '2000吨标准煤') → its value in the base unit
 * (parseFigure, a ParsedFigure), or with the clause phrase that states it (parseQuoted, a
 * QuotedFigure), so each figure of the catalog is read once and can be shown with its source.
 */
import { Dec } from './decimal';
import type { Figure } from './types';
import { UNITS, type Dimension } from './units';

export interface ParsedFigure {
  /** Value in the dimension's base unit (元 for money, 0.2 for 20%). */
  value: Dec;
  dimension: Dimension;
  /** The figure as written, e.g. '500万元'. */
  text: string;
}

const FIGURE = /^(\d+(?:\.\d+)?)\s*(万元|亿元|元|万吨|吨标准煤|吨|个|人|%)$/;

/** A figure with the clause phrase that states it (a cap and '单个项目最高不超过 500万元'). */
export interface QuotedFigure extends ParsedFigure {
  quote: string;
}

/** Parses a figure as the list writes it ('500万元', '20%', '5万吨'). Throws on anything else: catalog data is checked by tests. */
export function parseFigure(text: Figure): ParsedFigure {
  const m = FIGURE.exec(text.replace(/\s+/g, ''));
  if (!m) throw new Error(`Unparseable figure in catalog: ${text}`);
  const unit = UNITS[m[2]];
  return { value: new Dec(m[1]).times(unit.factor), dimension: unit.dimension, text };
}

/** parseFigure, keeping the phrase the figure is quoted with. */
export function parseQuoted(text: Figure, quote: string): QuotedFigure {
  return { ...parseFigure(text), quote };
}
