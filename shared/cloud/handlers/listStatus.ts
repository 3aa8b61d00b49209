/**
 * listStatus: whether the 2022 list is still in force. Anyone reads it (home, results and every
 * detail page show it in one line); admins set it after checking the official sources, audited
 * like deadlines. Until then it reads 状态未核实 with no check date.
 */
import type { ListStatusResponse } from '../api';
import { CloudFailure, CONFLICT_MESSAGES } from '../errors';
import type { Handler } from '../handler';
import { toListStatus, validateListStatus } from '../list-status';
import { LIST_STATUS_ID, listStatusRepo, requestedRevision } from '../repos';
import { MESSAGES_ADMIN, requireAction, requireAdmin, today } from './common';

const ACTIONS = ['get', 'set'] as const;

function ok(data: ListStatusResponse) {
  return { ok: true as const, data };
}

export const listStatus: Handler<'listStatus'> = async (request, ctx) => {
  const action = requireAction(request.action, ACTIONS);
  const repo = listStatusRepo(ctx.db);
  switch (action) {
    case 'get':
      return ok({ action, status: toListStatus(await repo.get()) });

    case 'set': {
      const actor = await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenListStatus);
      const v = validateListStatus((request as Record<string, unknown>).status, today(ctx));
      if (!v.ok) throw new CloudFailure('INVALID_INPUT', v.issues[0].message, v.issues);
      const revision = requestedRevision((request as Record<string, unknown>).revision);
      const doc = { ...v.value, updatedAt: ctx.now().toISOString(), updatedBy: actor };
      const shown = toListStatus({ _id: LIST_STATUS_ID, ...doc });
      // The status and its audit entry are one write, refused when another admin set it since the page read it.
      const res = await repo.putAudited(revision, doc, (before) => ({
        at: doc.updatedAt,
        actor,
        action: 'listStatus.set',
        target: LIST_STATUS_ID,
        summary: `清单状态设为「${shown.label}」（核对日期 ${shown.checkedOn}）${shown.notice ? `：${shown.notice}` : ''}`,
        before: before ? { state: before.state, notice: before.notice, sourceUrl: before.sourceUrl, checkedOn: before.checkedOn } : undefined,
        after: v.value,
      }));
      if (res.outcome !== 'done') throw new CloudFailure('CONFLICT', CONFLICT_MESSAGES.listStatus);
      return ok({ action, status: toListStatus(res.after) });
    }
  }
};
