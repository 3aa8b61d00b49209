/**
 * The catalog against the policy text: every clause verbatim, every figure next to the phrase that
 * states it, every figure of the text used by some item (or listed here as not an amount).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { catalog2022, compileCatalog, parseFigure, KIND_RULES, ruleOf, UNITS, type FactDef, type Item, type Measure } from '../../../shared/policy/engine';

const source = readFileSync(join(__dirname, '../../../shared/policy/source/policy-list-2022.txt'), 'utf8');
const paragraphs = source.split('\n').map((l) => l.trim()).filter(Boolean);
const squash = (s: string) => s.replace(/\s+/g, '');
const NUMERALS = '一二三四五六七八九十'.split('');
const chineseNumber = (n: number) =>
  n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11] ?? ''}` : `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;

/** Figures of the text that are not amounts of any item: fund sizes, vehicle shares, "每 1 吨". */
const NOT_AMOUNTS: Record<string, string[]> = {
  m10: ['5亿元', '100亿元'],
  m17: ['1吨标准煤', '1吨标准煤'],
  m18: ['1吨'],
  m19: ['1吨'],
  m26: ['10%', '30%'],
};
const FIGURE_IN_TEXT = /\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|万吨|吨标准煤|吨)/g;

/** Every (figure, quote) pair an item declares. */
function figuresOf(item: Item, m: Measure): [string, string][] {
  return ruleOf(item).figures(item, m);
}

function quotesOf(item: Item, m: Measure): string[] {
  const q = [item.quote, ...(item.conditions ?? []).map((c) => c.quote), ...figuresOf(item, m).map(([, quote]) => quote)];
  return q;
}

describe('the catalog of the 2022 list', () => {
  const { measures } = catalog2022;

  it('has the 30 measures （一）…（三十）, in order, in the five sections', () => {
    expect(measures.map((m) => m.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(measures.map((m) => m.label)).toEqual(measures.map((m) => `（${chineseNumber(m.number)}）`));
    expect(measures.map((m) => m.id)).toEqual(measures.map((m) => `m${String(m.number).padStart(2, '0')}`));
    const sectionOf = (n: number) => (n <= 7 ? 1 : n <= 10 ? 2 : n <= 16 ? 3 : n <= 21 ? 4 : 5);
    expect(measures.map((m) => m.section)).toEqual(measures.map((m) => sectionOf(m.number)));
    for (const s of catalog2022.sections) expect(paragraphs).toContain(`${s.label}、${s.title}`);
  });

  it('names itself: title, year and preamble as in the text', () => {
    expect(squash(paragraphs[0])).toBe(squash(catalog2022.title));
    expect(catalog2022.year).toBe(2022);
    expect(paragraphs).toContain(catalog2022.preamble);
  });

  it.each(measures.map((m) => [m.label, m]))('%s quotes its clause verbatim, title included', (_, m) => {
    const measure = m as Measure;
    expect(paragraphs).toContain(measure.clause);
    expect(measure.clause.startsWith(`${measure.label}${measure.title}。`)).toBe(true);
  });

  it.each(measures.map((m) => [m.label, m]))('%s: every quote of every item is a phrase of the clause', (_, m) => {
    const measure = m as Measure;
    expect(measure.items.length).toBeGreaterThan(0);
    for (const item of measure.items) for (const q of quotesOf(item, measure)) expect(measure.clause).toContain(q);
  });

  it.each(measures.map((m) => [m.label, m]))('%s: every figure stands in the phrase it is quoted with', (_, m) => {
    const measure = m as Measure;
    for (const item of measure.items) {
      for (const [figure, quote] of figuresOf(item, measure)) expect(squash(quote)).toContain(squash(figure));
      if ('threshold' in item && item.threshold) {
        expect(squash(item.threshold.quote)).toContain(item.threshold.word);
      }
    }
  });

  it.each(measures.map((m) => [m.label, m]))('%s: every figure of the clause is used by an item or listed as not an amount', (_, m) => {
    const measure = m as Measure;
    const used = measure.items.flatMap((i) => figuresOf(i, measure).map(([f]) => squash(f)));
    const inText = (measure.clause.match(FIGURE_IN_TEXT) ?? []).map(squash);
    const exempt = [...(NOT_AMOUNTS[measure.id] ?? [])];
    const unused = inText.filter((f) => {
      if (used.includes(f)) return false;
      const i = exempt.indexOf(f);
      if (i >= 0) {
        exempt.splice(i, 1);
        return false;
      }
      return true;
    });
    expect(unused).toEqual([]);
  });

  it('gives every item a unique id', () => {
    const ids = measures.flatMap((m) => m.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(measures.map((m) => [m.id, m] as const))('%s: its items and facts have ids under its own', (_id, m) => {
    for (const i of m.items) expect(i.id.startsWith(`${m.id}.`)).toBe(true);
    for (const f of m.facts) expect(f.id.startsWith(`${m.id}.`)).toBe(true);
  });

  it.each(measures.map((m) => [m.id, m] as const))('%s uses every fact it declares, and declares every fact it uses (compiles)', (_id, m) => {
    const cc = compileCatalog(catalog2022);
    const read = new Set(m.items.flatMap((i) => cc.items.get(i.id)!.reads));
    for (const f of m.facts) expect([m.id, f.id, read.has(f.id)]).toEqual([m.id, f.id, true]);
    for (const i of m.items) {
      if (!i.repeat) continue;
      const local = new Set(cc.items.get(i.id)!.reads);
      for (const f of i.repeat.facts) expect([i.id, f.id, local.has(f.id)]).toEqual([i.id, f.id, true]);
    }
  });

  it('keeps units consistent: percentages of money, unit prices per the base fact’s unit, money caps', () => {
    const cc = compileCatalog(catalog2022);
    const dim = (unit: string) => UNITS[unit].dimension;
    for (const ci of cc.items.values()) {
      if (ci.rate) {
        const item = ci.item;
        const base = ci.defs.get(item.base) as FactDef & { unit: string };
        expect(base.type).toBe('amount');
        if (item.kind === 'percent') {
          expect([item.id, ci.rate!.dimension, dim(base.unit)]).toEqual([item.id, 'ratio', 'money']);
        } else {
          expect([item.id, ci.rate!.dimension, dim(item.per!)]).toEqual([item.id, 'money', dim(base.unit)]);
        }
        if (item.threshold) {
          const t = ci.defs.get(item.threshold.fact) as FactDef & { unit: string };
          expect([item.id, ci.threshold!.min.dimension]).toEqual([item.id, dim(t.unit)]);
        }
      }
      const item = ci.item;
      if (ci.cap) expect([item.id, ci.cap.dimension]).toEqual([item.id, 'money']);
      if (ci.amount) expect([item.id, ci.amount.dimension]).toEqual([item.id, 'money']);
      if ('cap' in item && item.cap?.per === 'enterprise') expect([item.id, item.repeat]).toEqual([item.id, undefined]);
    }
  });

  it('reads 免收 as 100% and 减半 as 50% of the fee', () => {
    const fees = measures.flatMap((m) => m.items).filter((i) => i.kind === 'feeReduction');
    expect(fees.length).toBe(2);
    for (const f of fees) {
      if (f.kind !== 'feeReduction') continue;
      expect(f.quote).toContain(f.word);
      expect(parseFigure(f.share).value.toString()).toBe(f.word === '免收' ? '1' : '0.5');
    }
  });

  it('marks every threshold inclusive with the word the clause uses (以上 / 及以上 / 含)', () => {
    const thresholds = measures
      .flatMap((m) => m.items)
      .flatMap((i) => ('threshold' in i && i.threshold ? [i.threshold, ...(i.threshold.reduced ? [i.threshold.reduced] : [])] : []));
    // （八） 2000万 and its 1000万 for 脱贫地区、革命老区; （九） 10亿; （十七） 2000吨标准煤; （十八） 5万吨; （十九） 1万吨
    expect(thresholds.length).toBe(6);
    for (const t of thresholds) expect(['以上', '及以上', '含']).toContain(t.word);
  });

  it('registers each item kind with the kind rule that computes it', () => {
    for (const [kind, rule] of Object.entries(KIND_RULES)) expect([kind, rule.kinds]).toEqual([kind, expect.arrayContaining([kind])]);
  });
});
