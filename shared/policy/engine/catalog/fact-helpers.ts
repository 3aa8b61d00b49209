/**
 * Shorthands for declaring facts in the catalog: flag (yes/no), choice, wan (an amount in 万元), tons
 * and count. The bounds are input sanity limits, not policy figures.
 */
import type { AmountFact, ChoiceFact, FlagFact } from '../types';

export const flag = (id: string, label: string, help?: string): FlagFact => ({ id, type: 'flag', label, help });

/** Money the user types in 万元 (up to 1000亿元). */
export const wan = (id: string, label: string, help?: string): AmountFact => ({
  id,
  type: 'amount',
  unit: '万元',
  max: '10000000',
  label,
  help,
});

/** Tons (water, solid waste) or tons of standard coal, up to 10亿. */
export const tons = (id: string, label: string, unit: '吨' | '吨标准煤', help?: string): AmountFact => ({
  id,
  type: 'amount',
  unit,
  max: '1000000000',
  label,
  help,
});

/** Whole counts of standards or people, up to 1000. */
export const count = (id: string, label: string, unit: '个' | '人', help?: string): AmountFact => ({
  id,
  type: 'amount',
  unit,
  max: '1000',
  integer: true,
  label,
  help,
});

export const choice = (id: string, label: string, options: ChoiceFact['options'], help?: string): ChoiceFact => ({
  id,
  type: 'choice',
  label,
  options,
  help,
});
