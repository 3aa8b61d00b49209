/**
 * What the local cloud does when it starts, before the first request: loads every collection (a
 * damaged one is logged now, and the others still serve), makes the given openids admins (audited
 * as 'bootstrap', once) and adds the sample deadlines (示例) when asked. A step that needs a damaged
 * collection is skipped with a warning.
 *
 * Exports: bootstrap.
 */
import type { Logger } from '../shared/cloud/context';
import { StoreDamagedError } from '../shared/cloud/errors';
import { OPENID_RE } from '../shared/cloud/api';
import { adminsRepo, auditRepo } from '../shared/cloud/repos';
import { seedSamples } from './samples';
import type { NedbStore } from './store';

async function unlessDamaged(log: Logger, step: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof StoreDamagedError)) throw err;
    log.warn(`${step} skipped: collection "${err.collection}" is damaged`);
  }
}

export async function bootstrap(store: NedbStore, log: Logger, now: Date, admins: string[], sampleDeadlines: boolean): Promise<void> {
  await store.openAll();
  const at = now.toISOString();
  for (const openid of admins) {
    if (!OPENID_RE.test(openid)) throw new Error(`LOCAL_ADMINS: invalid openid ${JSON.stringify(openid)}`);
  }
  await unlessDamaged(log, 'LOCAL_ADMINS', async () => {
    for (const openid of admins) {
      if (await adminsRepo(store).add({ _id: openid, addedAt: at, addedBy: 'bootstrap', note: 'LOCAL_ADMINS' })) {
        await auditRepo(store).append({ at, actor: 'bootstrap', action: 'admin.add', target: openid, summary: `本地启动时添加管理员 ${openid}（LOCAL_ADMINS）` });
        log.info(`admin added: ${openid} (LOCAL_ADMINS)`);
      }
    }
  });
  if (sampleDeadlines) {
    await unlessDamaged(log, 'sample deadlines', async () => {
      const added = await seedSamples(store, now);
      if (added > 0) log.info(`added ${added} sample deadline(s) (示例, local only)`);
    });
  }
}
