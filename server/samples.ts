/**
 * Sample deadlines for the local cloud only — the policy text gives no dates, so nothing here is
 * official. Each is flagged `sample: true` (the app shows 示例) and its title starts with 示例.
 * This module lives in server/, which no cloud function imports: samples are never deployed
 * (test/build/cloud-bundle.test.ts checks the bundles).
 *
 * Exports: SAMPLE_ISSUER, SAMPLE_URL, sampleDeadlines, seedSamples.
 */
import type { DocumentStore } from '../shared/cloud/context';
import { addDays, todayIn } from '../shared/cloud/dates';
import { type DeadlineDoc, deadlineId, deadlinesRepo } from '../shared/cloud/repos';

export const SAMPLE_ISSUER = '示例数据（非官方）';
export const SAMPLE_URL = 'https://example.invalid/sample-notice';

/** Samples: two on fixed 2022 dates (for `npm run remind -- --now 2022-06-23`), two of （八） around today, each for its items. */
export function sampleDeadlines(now: Date): { measureId: string; batchTitle: string; opensOn: string; closesOn: string; itemIds?: string[] }[] {
  const today = todayIn(now);
  return [
    { measureId: 'm01', batchTitle: '示例：2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30' },
    { measureId: 'm07', batchTitle: '示例：2022 年度技能大师工作室申报', opensOn: '2022-05-20', closesOn: '2022-06-24' },
    { measureId: 'm08', batchTitle: '示例：智能工厂和数字化车间申报（日期随本机时间生成）', opensOn: addDays(today, -5), closesOn: addDays(today, 10), itemIds: ['m08.smart-factory'] },
    // A second （八） batch open at the same time, closing later: each batch is subscribed on its own (issue 22, item 2).
    { measureId: 'm08', batchTitle: '示例：技术改造和机器换人项目申报（日期随本机时间生成）', opensOn: addDays(today, -3), closesOn: addDays(today, 40), itemIds: ['m08.upgrade', 'm08.robots'] },
  ];
}

/** Adds the samples that are missing; returns how many were added. */
export async function seedSamples(db: DocumentStore, now: Date): Promise<number> {
  const repo = deadlinesRepo(db);
  let added = 0;
  for (const s of sampleDeadlines(now)) {
    const id = deadlineId(s.measureId, s.batchTitle);
    if (await repo.get(id)) continue;
    const at = now.toISOString();
    const doc: DeadlineDoc = { _id: id, ...s, issuer: SAMPLE_ISSUER, sourceUrl: SAMPLE_URL, sample: true, createdAt: at, createdBy: 'local-samples', updatedAt: at, updatedBy: 'local-samples' };
    await repo.add(doc);
    added += 1;
  }
  return added;
}
