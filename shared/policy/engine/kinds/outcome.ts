/**
 * What one kind's formula returns for one entry (Outcome), before rounding (Decimals) and before
 * scenarios — made by eligible, ineligible or needsInfo.
 */
import { ZERO, type Dec } from '../decimal';
import type { Alternative, AmountKind, Hint, ReasonCode, Stage } from '../types';

export interface Outcome {
  status: 'eligible' | 'ineligible' | 'needsInfo';
  reasonCode?: ReasonCode;
  reason?: string;
  amountKind: AmountKind;
  min: Dec;
  max: Dec;
  /** The upper bound is not known (a base without a cap is missing). */
  open?: boolean;
  stages: Stage[];
  hints: Hint[];
  alternatives?: Alternative[];
}

/** No hints: one empty list shared by every outcome without any (frozen, like the shared results' lists). */
const NO_HINTS: Hint[] = Object.freeze([]) as unknown as Hint[];

export function eligible(amountKind: AmountKind, min: Dec, max: Dec, stages: Stage[], hints: Hint[] = NO_HINTS): Outcome {
  return { status: 'eligible', amountKind, min, max, stages, hints };
}

export function ineligible(amountKind: AmountKind, code: ReasonCode, reason: string, stages: Stage[], hints: Hint[] = NO_HINTS): Outcome {
  return { status: 'ineligible', reasonCode: code, reason, amountKind, min: ZERO, max: ZERO, stages, hints };
}

export function needsInfo(amountKind: AmountKind, min: Dec, max: Dec | undefined, stages: Stage[], reason: string): Outcome {
  return {
    status: 'needsInfo',
    reasonCode: 'missing',
    reason,
    amountKind,
    min,
    max: max ?? min,
    open: max === undefined,
    stages,
    hints: NO_HINTS,
  };
}
