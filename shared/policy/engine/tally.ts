/**
 * The totals of a result (Tally): what the items' figures add up to, by who gets the money and how
 * sure it is. Each item's figures are added as shown (rounded once, `settle`), so the items add up
 * to the totals exactly. Awards paid to people (（七） 工匠) are theirs: added on their own, never
 * into the enterprise's total.
 */
import { AWARD_AMOUNT_KINDS } from './amount-kind';
import { ZERO, toYuanString, type Dec } from './decimal';
import type { Settled } from './item';
import type { EvaluateResult, Interval, Status } from './types';

/** Figures added up, min and max. */
class Sum {
  min: Dec = ZERO;
  max: Dec = ZERO;

  add(min: Dec, max: Dec): void {
    this.min = this.min.plus(min);
    this.max = this.max.plus(max);
  }

  /** Takes back what `add` added (exact: decimal sums of 分 lose nothing). */
  remove(min: Dec, max: Dec): void {
    this.min = this.min.minus(min);
    this.max = this.max.minus(max);
  }

  copyFrom(other: Sum): void {
    this.min = other.min;
    this.max = other.max;
  }

  interval(): Interval {
    return { min: toYuanString(this.min), max: toYuanString(this.max) };
  }
}

const SUMS = ['total', 'people', 'savings', 'pending'] as const;

export class Tally {
  /** Awards to the enterprise (or park). */
  readonly total = new Sum();
  /** Awards paid to people. */
  readonly people = new Sum();
  /** Fees not paid. */
  readonly savings = new Sum();
  /** What needs information, awards and fees alike (not people's). */
  readonly pending = new Sum();
  readonly counts: Record<Status, number> = { eligible: 0, ineligible: 0, needsInfo: 0, notForYou: 0 };
  /** Measures with an award in the enterprise's total. */
  readonly covered = new Set<string>();

  add({ result: r, min, max }: Settled): void {
    this.counts[r.status] += 1;
    if (max.isZero()) return;
    if (r.status === 'eligible') {
      if (AWARD_AMOUNT_KINDS.has(r.amountKind)) {
        if (r.paidToPerson) this.people.add(min, max);
        else {
          this.total.add(min, max);
          this.covered.add(r.measure);
        }
      } else if (r.amountKind === 'saving') this.savings.add(min, max);
    } else if (r.status === 'needsInfo' && !r.paidToPerson && (AWARD_AMOUNT_KINDS.has(r.amountKind) || r.amountKind === 'saving')) {
      this.pending.add(min, max);
    }
  }

  /** Another tally's items, added as if each were added here. */
  addTally(other: Tally): void {
    this.merge(other, 1);
  }

  /**
   * Takes back another tally's items, which must have been added here: its counts and sums, and
   * the measures it covered (a tally per measure covers at most its own).
   */
  removeTally(other: Tally): void {
    this.merge(other, -1);
  }

  private merge(other: Tally, sign: 1 | -1): void {
    const c = other.counts;
    this.counts.eligible += sign * c.eligible;
    this.counts.ineligible += sign * c.ineligible;
    this.counts.needsInfo += sign * c.needsInfo;
    this.counts.notForYou += sign * c.notForYou;
    for (const k of SUMS) {
      const from = other[k];
      if (from.max.isZero()) continue;
      if (sign === 1) this[k].add(from.min, from.max);
      else this[k].remove(from.min, from.max);
    }
    for (const m of other.covered) {
      if (sign === 1) this.covered.add(m);
      else this.covered.delete(m);
    }
  }

  /** A tally to go on from, leaving this one as it is. */
  copy(): Tally {
    const t = new Tally();
    for (const k of SUMS) t[k].copyFrom(this[k]);
    Object.assign(t.counts, this.counts);
    for (const m of this.covered) t.covered.add(m);
    return t;
  }

  totals(): Pick<EvaluateResult, 'total' | 'peopleTotal' | 'savings' | 'pending' | 'counts' | 'measuresCovered'> {
    return {
      total: this.total.interval(),
      peopleTotal: this.people.interval(),
      savings: this.savings.interval(),
      pending: this.pending.interval(),
      counts: { ...this.counts },
      measuresCovered: this.covered.size,
    };
  }
}
