/**
 * Product settings that are not policy figures (those live in the catalog, next to their clause):
 * the 差一点 share (NEAR_MISS_SHARE), the bounds on input (MAX_ENTRIES projects per item, MAX_TEXT
 * characters of free text, PLACES decimals per unit) and the screening function's sizes
 * (SCREEN_CHUNK_ROWS per call, SCREEN_MAX_ROWS, SCREEN_MAX_FILE_BYTES).
 */

/** A threshold missed by less than this share of it gets a "差一点" hint (1500万 of 2000万 → hint). */
export const NEAR_MISS_SHARE = '0.5';

/** Most project entries one repeated item accepts (a sanity bound on input). */
export const MAX_ENTRIES = 50;

/** Longest free text (project names, place names). */
export const MAX_TEXT = 40;

/** Decimal places accepted per unit: amounts in 万元 to 0.01 元; quantities to 0.001. */
export const PLACES: Record<string, number> = { 万元: 6, 元: 2, 吨: 3, 吨标准煤: 3, 个: 0, 人: 0 };

// 园区批量测算 in the mini-program: the `screen` cloud function works in calls of CHUNK rows. These
// are settings of that function (docs/screening.md prints them), not policy figures.

/** Rows screened per `chunk` call (see docs/screening.md, "In the mini-program": measured time per row). */
export const SCREEN_CHUNK_ROWS = 1000;
/** The largest register the mini-program screens (rows after the header); larger ones: split, or `npm run screen`. */
export const SCREEN_MAX_ROWS = 20000;
/** The largest file the mini-program uploads for screening. */
export const SCREEN_MAX_FILE_BYTES = 10 * 1024 * 1024;
