/**
 * The totals of a result (Tally): what the items' figures add up to, by who gets the money and how
 * sure it is. Each item's figures are added as shown (rounded once, `settle`), so the items add up
 * to the totals exactly. Awards paid to people (（七） 工匠) are theirs: added on their own, never
 * into the enterprise's total. FigureSum is one such sum, min and max, also used for an item's projects.
 */
import { AWARD_AMOUNT_KINDS } from './amount-kind';
import { ZERO, toYuanString, type Dec } from './decimal';
import type { Settled } from './item';
import type { EvaluateResult, Interval, ItemResult } from './types';

/** Figures added up, min and max (the tally's sums, and an item's projects: combineEntries). */
export class FigureSum {
  min: Dec = ZERO;
  max: Dec = ZERO;

  // An exact figure (min is max) added to an exact sum stays one Decimal: added once, not twice.
  add(min: Dec, max: Dec): void {
    const same = this.min === this.max && min === max;
    this.min = this.min.plus(min);
    this.max = same ? this.min : this.max.plus(max);
  }

  /** Takes back what `add` added (exact: decimal sums of 分 lose nothing). */
  remove(min: Dec, max: Dec): void {
    const same = this.min === this.max && min === max;
    this.min = this.min.minus(min);
    this.max = same ? this.min : this.max.minus(max);
  }

  copyFrom(other: FigureSum): void {
    this.min = other.min;
    this.max = other.max;
  }

  interval(): Interval {
    return { min: toYuanString(this.min), max: toYuanString(this.max) };
  }
}

export class Tally {
  /** Awards to the enterprise (or park). */
  readonly total = new FigureSum();
  /** Awards paid to people. */
  readonly people = new FigureSum();
  /** Fees not paid. */
  readonly savings = new FigureSum();
  /** What needs information, awards and fees alike (not people's). */
  readonly pending = new FigureSum();
  // Counts by status (plain fields: a tally is copied for every profile evaluated).
  eligible = 0;
  ineligible = 0;
  needsInfo = 0;
  notForYou = 0;
  /**
   * Measures with an award in the enterprise's total. A measure's items are added together, one
   * measure after another (evaluate goes measure by measure), so a measure is counted when its first
   * covered item comes — a count instead of a set of ids that every profile would copy.
   */
  covered = 0;
  private lastCovered: string | undefined = undefined;

  add({ result: r, min, max }: Settled): void {
    this[r.status] += 1;
    if (max.isZero()) return;
    if (r.status === 'eligible') {
      if (AWARD_AMOUNT_KINDS.has(r.amountKind)) {
        if (r.paidToPerson) this.people.add(min, max);
        else {
          this.total.add(min, max);
          if (this.lastCovered !== r.measure) {
            this.lastCovered = r.measure;
            this.covered += 1;
          }
        }
      } else if (r.amountKind === 'saving') this.savings.add(min, max);
    } else if (r.status === 'needsInfo' && !r.paidToPerson && (AWARD_AMOUNT_KINDS.has(r.amountKind) || r.amountKind === 'saving')) {
      this.pending.add(min, max);
    }
  }

  /** Another tally's items (other measures'), added as if each were added here. */
  addTally(other: Tally): void {
    this.eligible += other.eligible;
    this.ineligible += other.ineligible;
    this.needsInfo += other.needsInfo;
    this.notForYou += other.notForYou;
    this.covered += other.covered;
    if (!other.total.max.isZero()) this.total.add(other.total.min, other.total.max);
    if (!other.people.max.isZero()) this.people.add(other.people.min, other.people.max);
    if (!other.savings.max.isZero()) this.savings.add(other.savings.min, other.savings.max);
    if (!other.pending.max.isZero()) this.pending.add(other.pending.min, other.pending.max);
  }

  /**
   * Takes back another tally's items, which must have been added here (one measure's, before its
   * items are added again): its counts, sums and covered measures.
   */
  removeTally(other: Tally): void {
    this.eligible -= other.eligible;
    this.ineligible -= other.ineligible;
    this.needsInfo -= other.needsInfo;
    this.notForYou -= other.notForYou;
    this.covered -= other.covered;
    if (!other.total.max.isZero()) this.total.remove(other.total.min, other.total.max);
    if (!other.people.max.isZero()) this.people.remove(other.people.min, other.people.max);
    if (!other.savings.max.isZero()) this.savings.remove(other.savings.min, other.savings.max);
    if (!other.pending.max.isZero()) this.pending.remove(other.pending.min, other.pending.max);
  }

  /** A tally to go on from, leaving this one as it is. */
  copy(): Tally {
    const t = new Tally();
    t.total.copyFrom(this.total);
    t.people.copyFrom(this.people);
    t.savings.copyFrom(this.savings);
    t.pending.copyFrom(this.pending);
    t.eligible = this.eligible;
    t.ineligible = this.ineligible;
    t.needsInfo = this.needsInfo;
    t.notForYou = this.notForYou;
    t.covered = this.covered;
    return t;
  }

  /** The result these totals close: the catalog's header and the items, then the totals. */
  result(catalog: EvaluateResult['catalog'], items: ItemResult[]): EvaluateResult {
    return {
      catalog,
      items,
      total: this.total.interval(),
      peopleTotal: this.people.interval(),
      savings: this.savings.interval(),
      pending: this.pending.interval(),
      counts: { eligible: this.eligible, ineligible: this.ineligible, needsInfo: this.needsInfo, notForYou: this.notForYou },
      measuresCovered: this.covered,
    };
  }
}
