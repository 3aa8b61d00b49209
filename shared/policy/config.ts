/**
 * Product settings that are not policy figures (those live in the catalog, next to their clause).
 */

/** A threshold missed by less than this share of it gets a "差一点" hint (1500万 of 2000万 → hint). */
export const NEAR_MISS_SHARE = '0.5';

/** Most project entries one repeated item accepts (a sanity bound on input). */
export const MAX_ENTRIES = 50;

/** Longest free text (project names, place names). */
export const MAX_TEXT = 40;

/** Decimal places accepted per unit: amounts in 万元 to 0.01 元; quantities to 0.001. */
export const PLACES: Record<string, number> = { 万元: 6, 元: 2, 吨: 3, 吨标准煤: 3, 个: 0, 人: 0 };
