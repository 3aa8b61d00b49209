/**
 * The 按措施汇总 sheet: per measure, how many screened rows qualify and the sum of their figures.
 * Sums are Decimals (decimal.ts) of the engine's output figures, each already rounded once to 分,
 * so a measure's sum is exactly the sum of the figures shown per row, and the awards of all
 * measures add up to the rows' totals (evaluate adds the same figures the same way).
 *
 * What is summed, as evaluate's totals split it: awards to the enterprise or park (exact, 不低于,
 * 最高不超过: min and max apart, so a range stays a range), awards paid to craftsmen (（七）, never in
 * an enterprise's total), and fees not paid (减免).
 * MeasureTotals keeps a Sum per measure and hands it on as TotalsJson.
 */
import { AWARD_AMOUNT_KINDS, catalog2022, Dec, ZERO, type Catalog, type EvaluateResult, type Measure } from '../engine';
import { groupOf } from '../view';
import { asksNothing } from './row-result';

export interface Sum {
  min: Dec;
  max: Dec;
}

export interface MeasureTotal {
  measure: Measure;
  /** Rows with something to claim in this measure: money, a craftsman's award, or support without money their answers earn. */
  qualifying: number;
  awards: Sum;
  people: Sum;
  savings: Sum;
  /** Rows with an amount the department sets (金额待核定). */
  setByDepartment: number;
  needsInfo: number;
  nearMiss: number;
}

const zero = (): Sum => ({ min: ZERO, max: ZERO });
const plus = (s: Sum, a: { min: string; max: string }) => {
  s.min = s.min.plus(new Dec(a.min));
  s.max = s.max.plus(new Dec(a.max));
};

/** A sum as decimal text (plain notation, exact): what a part of a chunked screening stores. */
export interface SumJson {
  min: string;
  max: string;
}

/**
 * MeasureTotals as JSON, per measure id in catalog order: how a chunk of a register screened in one
 * cloud call hands its sums to the call that writes the result (merge adds them back exactly).
 */
export interface TotalsJson {
  measures: {
    id: string;
    qualifying: number;
    awards: SumJson;
    people: SumJson;
    savings: SumJson;
    setByDepartment: number;
    needsInfo: number;
    nearMiss: number;
  }[];
}

const SUM_KEYS = ['awards', 'people', 'savings'] as const;
const COUNT_KEYS = ['qualifying', 'setByDepartment', 'needsInfo', 'nearMiss'] as const;
const sumJson = (s: Sum): SumJson => ({ min: s.min.toFixed(), max: s.max.toFixed() });

/** What a row was last counted for in a measure: the number of the row (add's count) that was. */
interface Counted {
  needsInfo: number;
  nearMiss: number;
  qualifying: number;
  set: number;
}

export class MeasureTotals {
  /** Per measure id: its totals, and which row (add's count) was last counted for what (a row counts once per measure). */
  private readonly byId = new Map<string, { total: MeasureTotal; counted: Counted }>();
  private rows = 0;
  private readonly quiet: Set<string>;

  constructor(private readonly catalog: Catalog = catalog2022) {
    for (const measure of catalog.measures) {
      this.byId.set(measure.id, {
        total: { measure, qualifying: 0, awards: zero(), people: zero(), savings: zero(), setByDepartment: 0, needsInfo: 0, nearMiss: 0 },
        counted: { needsInfo: 0, nearMiss: 0, qualifying: 0, set: 0 },
      });
    }
    this.quiet = asksNothing(catalog);
  }

  /** One screened row's result. */
  add(res: EvaluateResult): void {
    // What this row has already been counted for, per measure: marked with the row's number, not
    // kept in a set of keys per row (issue 24, item 3: the keys were most of this call's cost).
    const row = ++this.rows;
    const once = (c: Counted, what: keyof Counted) => {
      if (c[what] === row) return false;
      c[what] = row;
      return true;
    };
    for (const r of res.items) {
      const group = groupOf(r);
      if (!group || group === 'ineligible') continue;
      const entry = this.byId.get(r.measure);
      if (!entry) continue;
      const { total: t, counted: c } = entry;
      if (group === 'needsInfo') {
        if (once(c, group)) t.needsInfo += 1;
        continue;
      }
      if (group === 'nearMiss') {
        if (once(c, group)) t.nearMiss += 1;
        continue;
      }
      if (group === 'nonMonetary' && this.quiet.has(r.id)) continue;
      if (once(c, 'qualifying')) t.qualifying += 1;
      if (group === 'eligible' && AWARD_AMOUNT_KINDS.has(r.amountKind)) plus(t.awards, r.amount);
      else if (group === 'people' && AWARD_AMOUNT_KINDS.has(r.amountKind)) plus(t.people, r.amount);
      else if (group === 'eligible' && r.amountKind === 'saving') plus(t.savings, r.amount);
      else if (group === 'eligible' && r.amountKind === 'unquantified' && once(c, 'set')) t.setByDepartment += 1;
    }
  }

  /** The sums as JSON (exact decimal text), to be merged into another MeasureTotals. */
  toJSON(): TotalsJson {
    return {
      measures: this.measures().map((t) => ({
        id: t.measure.id,
        qualifying: t.qualifying,
        awards: sumJson(t.awards),
        people: sumJson(t.people),
        savings: sumJson(t.savings),
        setByDepartment: t.setByDepartment,
        needsInfo: t.needsInfo,
        nearMiss: t.nearMiss,
      })),
    };
  }

  /** Adds the totals of other rows (another chunk's toJSON). A measure this catalog lacks is an error, never dropped. */
  merge(other: TotalsJson): void {
    for (const m of other.measures) {
      const t = this.byId.get(m.id)?.total;
      if (!t) throw new Error(`totals: unknown measure ${m.id}`);
      for (const k of COUNT_KEYS) t[k] += m[k];
      for (const k of SUM_KEYS) plus(t[k], m[k]);
    }
  }

  /** The measures in catalog order. */
  measures(): MeasureTotal[] {
    return this.catalog.measures.map((m) => this.byId.get(m.id)!.total);
  }

  /** All measures together. */
  all(): { awards: Sum; people: Sum; savings: Sum } {
    const out = { awards: zero(), people: zero(), savings: zero() };
    for (const { total: t } of this.byId.values()) {
      for (const k of ['awards', 'people', 'savings'] as const) {
        out[k].min = out[k].min.plus(t[k].min);
        out[k].max = out[k].max.plus(t[k].max);
      }
    }
    return out;
  }
}
