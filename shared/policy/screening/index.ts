/**
 * 政策找企业's screening of a park register: the table's columns, reading .xlsx/.csv while streaming,
 * each row through the schema and the engine, result.xlsx written while streaming. The one layer of
 * shared/policy that reads and writes files (exceljs, csv-parse, fs).
 */
export * from './cell-text';
export * from './columns';
export * from './credit-code';
export * from './county-hint';
export * from './doc';
export * from './header-match';
export * from './header-synonyms';
export * from './layout';
export * from './profile-row';
export * from './read-table';
export * from './row-profile';
export * from './row-result';
export * from './screen';
export * from './screen-row';
export * from './temp-dir';
export * from './totals';
export * from './write-result';
export * from './write-table';
export * from './xlsx-reader';
