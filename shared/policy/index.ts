/** The policy engine's public surface: catalog, schema, calculator, formatting. Pure TypeScript. */
export * from './types';
export { catalog2022 } from './catalog';
export { TOPICS } from './catalog/common-facts';
export { evaluate } from './evaluate';
export { parseProfile, type FieldIssue, type ParseResult } from './schema';
export { formatMoney, formatInterval, toWanText } from './format';
export { headline } from './headline';
