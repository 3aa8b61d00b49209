/**
 * Repositories: one small object per collection, each over the DocumentStore contract, which has
 * two implementations — the WeChat cloud database (shared/cloud/wx-db.ts) and the local cloud's
 * NeDB store (server/store.ts). test/unit/cloud/repos.contract.test.ts runs every repository
 * against both (NeDB for real, WeChat against an in-memory fake of exactly the calls it makes).
 *
 * Every query names a `.limit()` (≤ 1000, WeChat's maximum) and callers page; nothing loads a
 * whole collection.
 *
 * This file is the entry: it builds them all (repos, Repos) and exports each repository from its
 * own file — deadlinesRepo, adminsRepo, listStatusRepo, auditRepo, subscriptionsRepo (MAX_CREDITS),
 * sendLogRepo (ClaimResult), runsRepo, outboxRepo, qrcodesRepo, screenJobsRepo (SCREEN_JOBS_PAGE), screenMappingsRepo (screenMappingId) —
 * with PAGE, the audited-write vocabulary (revisionOf, requestedRevision, AuditInput, Audited), the
 * stored documents (docs.ts) and the ids (ids.ts).
 */
import type { DocumentStore } from '../context';
import { adminsRepo } from './admins';
import { auditRepo } from './audit';
import { deadlinesRepo } from './deadlines';
import { listStatusRepo } from './list-status';
import { outboxRepo } from './outbox';
import { qrcodesRepo } from './qrcodes';
import { runsRepo } from './runs';
import { screenJobsRepo } from './screen-jobs';
import { screenMappingsRepo } from './screen-mappings';
import { sendLogRepo } from './send-log';
import { subscriptionsRepo } from './subscriptions';

export * from './docs';
export * from './ids';
export { PAGE } from './page';
export { type Audited, type AuditInput, requestedRevision, revisionOf } from './audited';
export { adminsRepo, auditRepo, deadlinesRepo, listStatusRepo, outboxRepo, qrcodesRepo, runsRepo, screenJobsRepo, screenMappingsRepo, sendLogRepo, subscriptionsRepo };
export { MAX_CREDITS } from './subscriptions';
export { type ClaimResult } from './send-log';
export { SCREEN_JOBS_PAGE } from './screen-jobs';
export { screenMappingId } from './screen-mappings';

export function repos(db: DocumentStore) {
  return {
    deadlines: deadlinesRepo(db),
    admins: adminsRepo(db),
    listStatus: listStatusRepo(db),
    audit: auditRepo(db),
    subscriptions: subscriptionsRepo(db),
    sendLog: sendLogRepo(db),
    runs: runsRepo(db),
    outbox: outboxRepo(db),
    qrcodes: qrcodesRepo(db),
    screenJobs: screenJobsRepo(db),
    screenMappings: screenMappingsRepo(db),
  };
}
export type Repos = ReturnType<typeof repos>;
