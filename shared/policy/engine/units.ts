/**
 * Units the list writes its figures in (UNITS; unitParts splits one into factor and base word). A
 * figure is converted to its Dimension's base unit (BASE_UNIT: 元, 吨, 吨标准煤, 个, 人) by the
 * factor here; 万 = 10^4 and 亿 = 10^8 are the Chinese numerals (MAGNITUDES).
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
 * The Chinese magnitudes a user may write after a number in any field: 6万 = 60000, 0.25亿 = 25000000.
 * They are numerals, not units: "6万吨" in a 吨 field is 60000 吨, "6万" there too (issue 22).
 */
export const MAGNITUDES: Record<string, string> = { 万: '10000', 亿: '100000000' };

/**
 * A field's unit as its factor and its base word (UNITS, BASE_UNIT): 万元 = 10000 × 元, 万吨 = 10000 × 吨;
 * 吨, 吨标准煤, 个, 人 are their own base (factor '1'). The base word is what a user may write after a
 * number and its 万/亿 ("2500万元", "0.25亿元" in a 万元 field; "6万吨" in a 吨 field).
 */
export function unitParts(unit: string): { factor: string; base: string } {
  const u = UNITS[unit];
  if (!u || u.dimension === 'ratio') return { factor: '1', base: unit };
  return { factor: u.factor, base: BASE_UNIT[u.dimension] };
}
