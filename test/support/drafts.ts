/**
 * Drafts as the device stores them, for suites that open the results page without walking the
 * questionnaire (test/weapp/policy.test.ts, test/weapp/list-status.test.ts).
 */
import type { Draft } from '../../src/state/draft-core';

/**
 * One 技术改造 project: 2100万元 in the chain. Clause （八）: 2100万元 ≥ 2000万元, × 20% = 420万元
 * (under the 500万元 cap) — a figure of this user's, not of the clause.
 */
export const UPGRADE_2100_DRAFT: Draft = {
  v: 1,
  step: 'questions',
  entity: 'enterprise',
  topics: ['investment'],
  values: {},
  texts: {},
  projects: { 'm08.upgrade': [{ key: 'e1', name: '', values: { chain: true }, texts: { investment: '2100' } }] },
  nextKey: 2,
};
