/**
 * Units the list writes its figures in. A figure is converted to its dimension's base unit
 * (元, 吨, 吨标准煤, 个, 人) by the factor here; 万 = 10^4 and 亿 = 10^8 are the Chinese numerals.
 */
export type Dimension = 'money' | 'ton' | 'tce' | 'count' | 'person' | 'ratio';

export interface UnitDef {
  dimension: Dimension;
  /** Multiply by this to get the base unit of the dimension. */
  factor: string;
}

export const UNITS: Record<string, UnitDef> = {
  元: { dimension: 'money', factor: '1' },
  万元: { dimension: 'money', factor: '10000' },
  亿元: { dimension: 'money', factor: '100000000' },
  吨: { dimension: 'ton', factor: '1' },
  万吨: { dimension: 'ton', factor: '10000' },
  吨标准煤: { dimension: 'tce', factor: '1' },
  个: { dimension: 'count', factor: '1' },
  人: { dimension: 'person', factor: '1' },
  '%': { dimension: 'ratio', factor: '0.01' },
};

/** The base unit's name per dimension, for showing quantities. */
export const BASE_UNIT: Record<Dimension, string> = {
  money: '元',
  ton: '吨',
  tce: '吨标准煤',
  count: '个',
  person: '人',
  ratio: '',
};

/**
 * What a user may write after a number in a field of this unit: the unit itself, and 万 for 万元
 * ("2500万" means 2500万元). Any other unit after the number is refused: the schema never converts
 * between units on the user's behalf ("3000元" in a 万元 field is not read as 0.3).
 */
export const TYPED_UNITS: Record<string, readonly string[]> = {
  万元: ['万元', '万'],
  亿元: ['亿元', '亿'],
  元: ['元'],
  吨: ['吨'],
  万吨: ['万吨'],
  吨标准煤: ['吨标准煤'],
  个: ['个'],
  人: ['人'],
};

/** The unit words accepted after a number in a field of `unit`, longest first. */
export function typedUnits(unit: string | undefined): readonly string[] {
  if (!unit) return [];
  return [...(TYPED_UNITS[unit] ?? [unit])].sort((a, b) => b.length - a.length);
}
