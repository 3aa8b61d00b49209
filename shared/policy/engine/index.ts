/**
 * The policy engine — the one entry the other layers, the pages and the cloud import: the catalog
 * (30 measures, each figure beside its clause), the profile schema, evaluate() and the money
 * helpers. Pure TypeScript: no Node built-ins, no files, nothing about how results are shown.
 */
export * from './types';
export * from './catalog';
export * from './catalog/common-facts';
export * from './kinds';
export * from './compile';
export * from './evaluate';
export * from './item';
export * from './scenarios';
export * from './scope';
export * from './tally';
export * from './group-caps';
export * from './audience';
export * from './amount-kind';
export * from './decimal';
export * from './figure';
export * from './units';
export * from './half-width';
export * from './format';
export * from './config';
export * from './messages';
export * from './paths';
export * from './schema';
export * from './read-text';
export * from './csv-error';
export * from './read-json';
export * from './read-profile';
export * from './stable-json';
export * from './version';
