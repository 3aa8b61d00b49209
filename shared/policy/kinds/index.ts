/** Item kind → its formula. A new kind is a new file and one line here. */
import type { CompiledItem } from '../compile';
import type { Scope } from '../scope';
import type { ItemKind } from '../types';
import { evaluateAdvanceShare } from './advance-share';
import { evaluateFeeReduction } from './fee-reduction';
import { evaluateFixed } from './fixed';
import { evaluateGuidance } from './guidance';
import { evaluateLevel } from './level';
import type { Outcome } from './outcome';
import { evaluateProportional } from './proportional';
import { evaluateUpTo } from './up-to';

export const FORMULAS: Record<ItemKind, (ci: CompiledItem, s: Scope) => Outcome> = {
  fixed: evaluateFixed,
  level: evaluateLevel,
  percent: evaluateProportional,
  perUnit: evaluateProportional,
  perCount: evaluateProportional,
  advanceShare: evaluateAdvanceShare,
  upTo: evaluateUpTo,
  feeReduction: evaluateFeeReduction,
  nonMonetary: evaluateGuidance,
  unquantified: evaluateGuidance,
};
