/**
 * Chinese search over the catalog (searchMeasures, each a SearchHit with its Snippet): measure
 * titles, item titles, the verbatim clause text and the non-monetary guidance. Figures are compared
 * as numbers, not as text: "500万", "500 万元", "5000000元" and "0.05亿" all find the clauses that say
 * 500万元, "2000吨" finds 2000 吨标准煤 (but not 2000万元), and "500万" does not find 1500万元. Spaces,
 * full-width characters and quote marks are ignored (normalise). parseQuery reads a query,
 * findFigures the figures of a text, segmentClause cuts a clause into text and figures to highlight.
 * Pure TypeScript; no money is computed here, figures are only compared.
 */
import { catalog2022, Dec, halfWidth, type Catalog, type Measure } from '../engine';
import { headline } from './headline';

// ---------------------------------------------------------------------------------------------
// Normalising text. Every normalised string keeps a map back to the original indices, so a match
// can be shown (highlighted) in the verbatim clause.

export interface Normalised {
  text: string;
  /** For each character of `text`, its index in the original string. */
  map: number[];
}

/** Characters that never matter for matching: spaces, quote marks, book-title marks. */
const IGNORED = /[\s\u3000“”‘’"'「」『』《》〈〉·・]/;

/** Full-width ASCII (ＡＢ１２％) → ASCII (the engine's one halfWidth); upper → lower case. */
function foldChar(ch: string): string {
  return halfWidth(ch).toLowerCase();
}

export function normalise(original: string): Normalised {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    if (IGNORED.test(ch)) continue;
    text += foldChar(ch);
    map.push(i);
  }
  return { text, map };
}

// ---------------------------------------------------------------------------------------------
// Figures.

/** money: 元; ton: 吨 of water, waste; tce: 吨标准煤; ratio: %. */
export type FigureDimension = 'money' | 'ton' | 'tce' | 'ratio';

export interface FoundFigure {
  /** Value in the dimension's base unit (元, 吨, 吨标准煤; 0.2 for 20%). */
  value: Dec;
  /**
   * Dimensions the figure may belong to: one for a clause figure; a query "2000吨" may be water (吨)
   * or standard coal (吨标准煤), a query "500万" any quantity.
   */
  dims: FigureDimension[];
  /** [start, end) in the string the figure was found in. */
  start: number;
  end: number;
  /** As written, e.g. '500 万元'. */
  text: string;
}

const MULTIPLIER: Record<string, string> = { 万: '10000', 亿: '100000000', 千万: '10000000', 百万: '1000000', 千: '1000' };
const UNIT_DIMS: Record<string, FigureDimension[]> = {
  元: ['money'],
  吨标准煤: ['tce'],
  吨: ['ton', 'tce'],
  '%': ['ratio'],
};
const ANY_QUANTITY: FigureDimension[] = ['money', 'ton', 'tce'];

/**
 * A number, an optional 万/亿 (千万, 百万), an optional unit. Spaces may sit between the parts, as
 * the list writes "500 万元" and "2000 吨标准煤". Digits inside words ("5G", "2022本") have no unit
 * and no multiplier, so they are not figures.
 */
const FIGURE_RE = /(\d+(?:,\d{3})*(?:\.\d+)?)[ \u3000]*(千万|百万|万|亿|千)?[ \u3000]*(元|吨标准煤|吨|%|％)?/g;

/**
 * Figures in a text. In clause text (`strict`), a figure needs a unit (元, 吨, 吨标准煤, %); in a query,
 * a multiplier alone is enough ("500万" is a figure, "500" is just text).
 */
export function findFigures(text: string, strict = true): FoundFigure[] {
  const folded = text.split('').map(foldChar).join('');
  const out: FoundFigure[] = [];
  for (const m of folded.matchAll(FIGURE_RE)) {
    const [whole, num, mult, rawUnit] = m;
    const unit = rawUnit === '％' ? '%' : rawUnit;
    if (!unit && (strict || !mult)) continue;
    // A number glued to a letter or digit before it ("5g", "a1") is not a figure.
    const start = m.index ?? 0;
    if (start > 0 && /[a-z0-9.]/.test(folded[start - 1])) continue;
    let value = new Dec(num.replace(/,/g, ''));
    if (mult) value = value.times(MULTIPLIER[mult]);
    let dims: FigureDimension[] = unit ? UNIT_DIMS[unit] : ANY_QUANTITY;
    if (unit === '%') value = value.div(100);
    // In clause text "吨" (water, waste) and "吨标准煤" are different things; in a query "吨" may mean either.
    if (strict && unit === '吨') dims = ['ton'];
    const trimmed = whole.replace(/[ \u3000]+$/, '');
    out.push({ value, dims, start, end: start + trimmed.length, text: text.slice(start, start + trimmed.length) });
  }
  return out;
}

function sameFigure(query: FoundFigure, found: FoundFigure): boolean {
  return query.value.eq(found.value) && query.dims.some((d) => found.dims.includes(d));
}

// ---------------------------------------------------------------------------------------------
// Clause segments for highlighting.

export interface Segment {
  text: string;
  /** This segment is a figure (a number with its unit). */
  figure: boolean;
}

/** The clause cut into plain text and figures; joining the segments gives the clause back exactly. */
export function segmentClause(clause: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const f of findFigures(clause)) {
    if (f.start > at) out.push({ text: clause.slice(at, f.start), figure: false });
    out.push({ text: clause.slice(f.start, f.end), figure: true });
    at = f.end;
  }
  if (at < clause.length) out.push({ text: clause.slice(at), figure: false });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The index of one measure.

type FieldName = 'label' | 'title' | 'items' | 'section' | 'clause' | 'guidance';

/** How much a match in each field counts. */
const WEIGHT: Record<FieldName, number> = { label: 12, title: 10, items: 6, section: 3, clause: 4, guidance: 2 };

interface Field {
  name: FieldName;
  original: string;
  norm: Normalised;
}

interface MeasureIndex {
  measure: Measure;
  fields: Field[];
  /** All normalised fields joined, for pieces of a term that sit in different places. */
  all: string;
  figures: FoundFigure[];
  /** Figures of the measure's headline ('最高 500万元'): a figure query that names it ranks first. */
  headlineFigures: FoundFigure[];
}

const indexCache = new WeakMap<Measure, MeasureIndex>();

function indexOf(measure: Measure, catalog: Catalog): MeasureIndex {
  const hit = indexCache.get(measure);
  if (hit) return hit;
  const raw: [FieldName, string][] = [
    ['label', measure.label],
    ['title', measure.title],
    ['items', measure.items.map((i) => i.title).join('；')],
    ['section', catalog.sections.find((x) => x.number === measure.section)?.title ?? ''],
    ['clause', measure.clause],
    ['guidance', measure.items.map((i) => ('guidance' in i ? `${i.tag}：${i.guidance}` : '')).join('；')],
  ];
  const fields = raw.map(([name, original]) => ({ name, original, norm: normalise(original) }));
  const idx: MeasureIndex = {
    measure,
    fields,
    all: fields.map((f) => f.norm.text).join('|'),
    figures: findFigures(measure.clause),
    headlineFigures: findFigures(headline(measure, catalog)),
  };
  indexCache.set(measure, idx);
  return idx;
}

// ---------------------------------------------------------------------------------------------
// Queries.

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '八' → 8, '十一' → 11, '二十' → 20, '三十' → 30; undefined for anything else. */
function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]] : undefined;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

/** "第八条", "（八）", "(8)", "第 8 条" → 8. A bare number is not a measure number (it may be a figure). */
function measureNumberQuery(q: string): number | undefined {
  const m = /^(?:第)?[（(]?([0-9一二三四五六七八九十]+)[）)]?(?:条)?$/.exec(q);
  if (!m) return undefined;
  const hasMarker = /^第|[（(]|[）)]$|条$/.test(q);
  return hasMarker ? chineseNumber(m[1]) : undefined;
}

export interface ParsedQuery {
  /** The query as typed, trimmed. */
  raw: string;
  figures: FoundFigure[];
  /** Text terms, normalised; each must match. */
  terms: string[];
  /** A measure number ("第八条", "（八）"). */
  number?: number;
}

const SEPARATORS = /[\s\u3000,，。.、；;：:！!？?/|+＋]+/;

/** Words people type that the list does not use: each is also tried as the list's own word. */
const SYNONYMS: [string, string[]][] = [
  ['技改', ['技术改造']],
  ['补贴', ['补助', '奖补', '奖励']],
  ['奖金', ['奖励']],
  ['减免', ['免收', '减半']],
  ['电费', ['电价']],
];

/** Filler words of a question ("有哪些", "多少", "以上") that no clause needs to contain. */
const FILLERS = ['有哪些', '哪些', '多少钱', '多少', '怎么', '如何', '能不能', '可以', '什么', '政策', '申请', '及以上', '以上', '以下', '的'];

function stripFillers(term: string): string {
  let t = term;
  for (const f of FILLERS) t = t.split(f).join('');
  return t;
}

/** The term and its spellings in the list's own words. */
function variants(term: string): string[] {
  const out = [term];
  for (const [word, alts] of SYNONYMS) {
    for (const v of [...out]) if (v.includes(word)) for (const a of alts) out.push(v.split(word).join(a));
  }
  return [...new Set(out)];
}

export function parseQuery(query: string): ParsedQuery {
  const raw = query.trim();
  const compact = normalise(raw).text;
  const number = measureNumberQuery(compact);
  if (number !== undefined) return { raw, figures: [], terms: [], number };
  const figures = findFigures(raw, false);
  // Cut the figures out; what is left are text terms.
  let rest = '';
  let at = 0;
  for (const f of figures) {
    rest += raw.slice(at, f.start) + ' ';
    at = f.end;
  }
  rest += raw.slice(at);
  const terms = rest
    .split(SEPARATORS)
    .map((t) => stripFillers(normalise(t).text))
    .filter((t) => t.length > 0);
  return { raw, figures, terms, number };
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface SearchHit {
  measure: Measure;
  score: number;
  /** Where the query was found in the clause or guidance, when the title alone does not show it. */
  snippet?: Snippet;
}

/**
 * A term found in the combined text as consecutive pieces of at least two characters each
 * ("技术改造补助" → "技术改造" + "补助"), each found somewhere in the measure.
 */
function piecesFound(term: string, all: string): boolean {
  let rest = term;
  while (rest.length > 0) {
    let len = rest.length;
    while (len >= 2 && !all.includes(rest.slice(0, len))) len--;
    if (len < 2) return false;
    rest = rest.slice(len);
    if (rest.length === 1) return all.includes(rest);
  }
  return true;
}

interface TermMatch {
  score: number;
  field?: Field;
}

function matchTerm(term: string, idx: MeasureIndex): TermMatch | undefined {
  let best: TermMatch | undefined;
  for (const v of variants(term)) {
    const m = matchSpelling(v, idx);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}

function matchSpelling(term: string, idx: MeasureIndex): TermMatch | undefined {
  let best: TermMatch | undefined;
  for (const f of idx.fields) {
    const at = f.norm.text.indexOf(term);
    if (at < 0) continue;
    const score = WEIGHT[f.name] * 2 + (f.name === 'title' && f.norm.text === term ? 10 : 0);
    if (!best || score > best.score) best = { score, field: f };
  }
  if (best) return best;
  if (term.length >= 3 && piecesFound(term, idx.all)) return { score: 3 };
  return undefined;
}

function snippetAround(original: string, start: number, end: number, radius = 14): Snippet {
  const from = Math.max(0, start - radius);
  const to = Math.min(original.length, end + radius);
  return {
    before: (from > 0 ? '…' : '') + original.slice(from, start),
    match: original.slice(start, end),
    after: original.slice(end, to) + (to < original.length ? '…' : ''),
  };
}

/** Where a term sits in the clause (else the guidance): the verbatim text around it. */
function textSnippet(term: string, idx: MeasureIndex): Snippet | undefined {
  for (const name of ['clause', 'guidance'] as const) {
    const f = idx.fields.find((x) => x.name === name)!;
    for (const v of variants(term)) {
      const at = f.norm.text.indexOf(v);
      if (at < 0) continue;
      const { map } = f.norm;
      return snippetAround(f.original, map[at], map[at + v.length - 1] + 1);
    }
  }
  return undefined;
}

function scoreMeasure(q: ParsedQuery, idx: MeasureIndex): SearchHit | undefined {
  const { measure } = idx;
  if (q.number !== undefined) return measure.number === q.number ? { measure, score: 100 } : undefined;
  let score = 0;
  let snippet: Snippet | undefined;
  let titleShows = false;
  for (const qf of q.figures) {
    const found = idx.figures.find((f) => sameFigure(qf, f));
    if (!found) return undefined;
    score += 8 + (idx.headlineFigures.some((f) => sameFigure(qf, f)) ? 6 : 0);
    snippet ??= snippetAround(measure.clause, found.start, found.end);
  }
  for (const term of q.terms) {
    const m = matchTerm(term, idx);
    if (!m) return undefined;
    score += m.score;
    if (m.field && (m.field.name === 'title' || m.field.name === 'label')) titleShows = true;
    snippet ??= textSnippet(term, idx);
  }
  if (q.figures.length === 0 && titleShows && q.terms.length === 1) snippet = undefined;
  return { measure, score, snippet };
}

/**
 * Measures matching the query, best first (ties in catalog order). An empty query returns every
 * measure in catalog order.
 */
export function searchMeasures(query: string, catalog: Catalog = catalog2022): SearchHit[] {
  const q = parseQuery(query);
  if (q.number === undefined && q.figures.length === 0 && q.terms.length === 0) {
    return catalog.measures.map((measure) => ({ measure, score: 0 }));
  }
  const hits: SearchHit[] = [];
  for (const m of catalog.measures) {
    const hit = scoreMeasure(q, indexOf(m, catalog));
    if (hit) hits.push(hit);
  }
  return hits.sort((a, b) => b.score - a.score || a.measure.number - b.measure.number);
}
