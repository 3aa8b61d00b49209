/**
 * The kind whose amount depends on the level reached (level: 分别给予 300万元、200万元…, e.g. 两化融合
 * 5A…A). Its record type is LevelItem.
 */
import { Dec, ZERO, toYuanString } from '../decimal';
import { parseFigure, type ParsedFigure } from '../figure';
import { formatMoney } from '../format';
import type { Scope } from '../scope';
import type { Alternative, Figure, ItemBase } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible, needsInfo } from './outcome';

/** An amount that depends on a level or category (e.g. 两化融合 5A…A). */
export interface LevelItem extends ItemBase {
  kind: 'level';
  fact: string;
  levels: { value: string; label: string; amount: Figure; quote: string }[];
}

export interface CompiledLevel {
  amount: ParsedFigure;
  label: string;
  quote: string;
}

/**
 * A level not yet chosen: one alternative per level, the same for every profile (the item's
 * levels and its question), so made once per item and shared (frozen, as shared results are).
 */
const levelAlternatives = new WeakMap<object, readonly Alternative[]>();

function eachLevel(ci: { item: LevelItem; levels: Map<string, CompiledLevel> }, s: Scope): Alternative[] {
  let list = levelAlternatives.get(ci);
  if (!list) {
    const asked = `「${s.label(ci.item.fact).replace(/？$/, '')}」`;
    list = Object.freeze(
      Array.from(ci.levels.values(), (l) => {
        const yuan = toYuanString(l.amount.value);
        return Object.freeze({ assume: `${asked}为“${l.label}”`, short: `为“${l.label}”`, amount: Object.freeze({ min: yuan, max: yuan }), status: 'eligible' as const });
      }),
    );
    levelAlternatives.set(ci, list);
  }
  return list as Alternative[];
}

/** 分别给予 300万元、200万元…: the amount of the level the user reached. */
export const level: KindRule<LevelItem, { levels: Map<string, CompiledLevel>; levelMax: Dec }> = {
  kinds: ['level'],
  amountKind: 'exact',
  facts: (item) => [item.fact],

  compile(item) {
    const levels = new Map(item.levels.map((l) => [l.value, { amount: parseFigure(l.amount), label: l.label, quote: l.quote }]));
    return { levels, levelMax: Dec.max(...[...levels.values()].map((l) => l.amount.value)) };
  },

  evaluate(ci, s) {
    const { item } = ci;
    const stages = s.stages();
    const failed = checkConditions(item.conditions, s, stages);
    if (failed) return ineligible(level.amountKind, 'condition', `不满足条件：${failed.quote}`, stages);
    const value = s.choice(item.fact);
    if (value === undefined) {
      const out = needsInfo('exact', ZERO, ci.levelMax, stages, `需要确认：${s.label(item.fact)}`);
      out.alternatives = eachLevel(ci, s);
      return out;
    }
    const reached = ci.levels.get(value);
    if (!reached) return ineligible(level.amountKind, 'level', `${s.label(item.fact).replace(/？$/, '')}：未达到任何一级`, stages);
    const amount = reached.amount.value;
    if (s.explain) stages.push({
      step: 'level',
      label: '按级别',
      text: `${reached.label}：给予 ${formatMoney(amount)}`,
      quote: reached.quote,
      value: toYuanString(amount),
    });
    return eligible('exact', amount, amount, stages);
  },

  figures: (item) => item.levels.map((l) => [l.amount, l.quote]),
  ceiling: (ci) => ci.levelMax,
  rateText: (item) => item.levels.map((l) => `${l.label} ${l.amount}`).join('；'),
  noCapText: '定额',
};
