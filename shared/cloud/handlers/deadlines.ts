/**
 * deadlines: application windows per measure. Anyone lists them (not yet closed first, soonest
 * closing first); admins (openids in `admins`) create, update, delete and import them, and manage
 * admins. Every change writes an audit entry (who, when, what, before/after).
 */
import type { DeadlineInput, DeadlinesResponse } from '../api';
import type { HandlerContext } from '../context';
import { parseImport, validateDeadline } from '../deadline-input';
import { CloudFailure, DuplicateIdError, failure } from '../errors';
import type { Handler } from '../handler';
import { measureInfo } from '../measures';
import { adminsRepo, auditRepo, type AuditDoc, type DeadlineDoc, deadlineId, deadlinesRepo, OPENID_RE } from '../repos';
import { invalid, MESSAGES_ADMIN, optionalString, parseCursor, parseLimit, requireAction, requireAdmin, requireOpenid, toDeadline, today } from './common';

const ACTIONS = ['list', 'me', 'create', 'update', 'delete', 'import', 'audit', 'admins', 'addAdmin', 'removeAdmin'] as const;

function ok(data: DeadlinesResponse) {
  return { ok: true as const, data };
}

const FIELDS: (keyof DeadlineInput)[] = ['measureId', 'batchTitle', 'opensOn', 'closesOn', 'issuer', 'sourceUrl'];

function inputOf(doc: DeadlineDoc): DeadlineInput {
  return { measureId: doc.measureId, batchTitle: doc.batchTitle, opensOn: doc.opensOn, closesOn: doc.closesOn, issuer: doc.issuer, sourceUrl: doc.sourceUrl };
}

function sameInput(a: DeadlineInput, b: DeadlineInput): boolean {
  return FIELDS.every((k) => a[k] === b[k]);
}

function describe(d: DeadlineInput): string {
  const m = measureInfo(d.measureId);
  return `${m ? m.label : d.measureId}「${d.batchTitle}」${d.opensOn} 至 ${d.closesOn}`;
}

async function audit(ctx: HandlerContext, entry: Omit<AuditDoc, '_id' | 'at'>): Promise<void> {
  await auditRepo(ctx.db).append({ at: ctx.now().toISOString(), ...entry });
}

function requireDeadline(raw: unknown): DeadlineInput {
  const v = validateDeadline(raw);
  if (!v.ok) throw new CloudFailure('INVALID_INPUT', v.issues[0].message, v.issues);
  return v.value;
}

function requireId(value: unknown): string {
  const id = optionalString(value, 'id', '截止时间编号', 128);
  if (!id) throw invalid('id', '缺少截止时间编号');
  return id;
}

export const deadlines: Handler<'deadlines'> = async (request, ctx) => {
  const action = requireAction(request.action, ACTIONS);
  const req = request as Record<string, unknown>;
  const repo = deadlinesRepo(ctx.db);
  const now = ctx.now().toISOString();
  const day = today(ctx);

  switch (action) {
    case 'list': {
      let measureId: string | undefined;
      if (req.measureId !== undefined) {
        if (!measureInfo(req.measureId)) throw invalid('measureId', '措施编号不在 2022 年政策清单中');
        measureId = req.measureId as string;
      }
      const scope = req.scope ?? 'current';
      if (scope !== 'current' && scope !== 'closed') throw invalid('scope', '范围应为 current 或 closed');
      const limit = parseLimit(req.limit, 50, 100);
      const skip = parseCursor(req.cursor);
      const docs = scope === 'current' ? await repo.current(day, { measureId, skip, limit }) : await repo.closed(day, { measureId, skip, limit });
      return ok({ action, today: day, deadlines: docs.map((d) => toDeadline(d, day)), nextCursor: docs.length === limit ? String(skip + limit) : null });
    }

    case 'me': {
      const openid = requireOpenid(ctx);
      return ok({ action, isAdmin: await adminsRepo(ctx.db).isAdmin(openid), openid });
    }

    case 'create': {
      const actor = await requireAdmin(ctx);
      const input = requireDeadline(req.deadline);
      const doc: DeadlineDoc = { _id: deadlineId(input.measureId, input.batchTitle), ...input, sample: false, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor };
      try {
        await repo.add(doc);
      } catch (err) {
        if (err instanceof DuplicateIdError) throw invalid('deadline.batchTitle', '该措施已有同名批次，请修改已有的那条');
        throw err;
      }
      await audit(ctx, { actor, action: 'deadline.create', target: doc._id, summary: `新增截止时间：${describe(input)}`, after: input });
      return ok({ action, deadline: toDeadline(doc, day) });
    }

    case 'update': {
      const actor = await requireAdmin(ctx);
      const id = requireId(req.id);
      const input = requireDeadline(req.deadline);
      const before = await repo.get(id);
      if (!before) throw invalid('id', '这条截止时间不存在（可能已被删除）');
      const patch = { ...input, updatedAt: now, updatedBy: actor };
      await repo.update(id, patch);
      await audit(ctx, { actor, action: 'deadline.update', target: id, summary: `修改截止时间：${describe(input)}`, before: inputOf(before), after: input });
      return ok({ action, deadline: toDeadline({ ...before, ...patch }, day) });
    }

    case 'delete': {
      const actor = await requireAdmin(ctx);
      const id = requireId(req.id);
      const before = await repo.get(id);
      if (!before) return ok({ action, removed: false });
      const { removed } = await repo.remove(id);
      await audit(ctx, { actor, action: 'deadline.delete', target: id, summary: `删除截止时间：${describe(before)}`, before: inputOf(before) });
      return ok({ action, removed: removed > 0 });
    }

    case 'import': {
      const actor = await requireAdmin(ctx);
      const format = req.format;
      if (format !== 'json' && format !== 'csv') throw invalid('format', '导入格式应为 json 或 csv');
      if (typeof req.text !== 'string' || req.text.trim() === '') throw invalid('text', '导入内容为空');
      const dryRun = req.dryRun === true;
      const parsed = parseImport(format, req.text);
      if (!parsed.ok) return failure('INVALID_INPUT', parsed.issues[0].message, parsed.issues);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const out: DeadlineDoc[] = [];
      for (const { value } of parsed.rows) {
        const id = deadlineId(value.measureId, value.batchTitle);
        const before = await repo.get(id);
        if (before && sameInput(inputOf(before), value)) {
          unchanged += 1;
          out.push(before);
          continue;
        }
        const doc: DeadlineDoc = before
          ? { ...before, ...value, updatedAt: now, updatedBy: actor }
          : { _id: id, ...value, sample: false, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor };
        out.push(doc);
        if (before) updated += 1;
        else created += 1;
        if (dryRun) continue;
        if (before) await repo.update(id, { ...value, updatedAt: now, updatedBy: actor });
        else await repo.add(doc);
        await audit(ctx, {
          actor,
          action: 'deadline.import',
          target: id,
          summary: `${before ? '导入并更新' : '导入新增'}截止时间：${describe(value)}`,
          before: before ? inputOf(before) : undefined,
          after: value,
        });
      }
      return ok({ action, dryRun, created, updated, unchanged, deadlines: out.map((d) => toDeadline(d, day)) });
    }

    case 'audit': {
      await requireAdmin(ctx);
      const limit = parseLimit(req.limit, 50, 100);
      const skip = parseCursor(req.cursor);
      const docs = await auditRepo(ctx.db).list({ skip, limit });
      return ok({
        action,
        entries: docs.map((d) => ({ id: d._id, at: d.at, actor: d.actor, action: d.action, target: d.target, summary: d.summary, before: d.before, after: d.after })),
        nextCursor: docs.length === limit ? String(skip + limit) : null,
      });
    }

    case 'admins': {
      await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenAdmins);
      const docs = await adminsRepo(ctx.db).list(100);
      return ok({ action, admins: docs.map((d) => ({ openid: d._id, addedAt: d.addedAt, addedBy: d.addedBy, ...(d.note ? { note: d.note } : {}) })) });
    }

    case 'addAdmin': {
      const actor = await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenAdmins);
      const openid = req.openid;
      if (typeof openid !== 'string' || !OPENID_RE.test(openid)) throw invalid('openid', 'openid 应为 1–64 位字母、数字、下划线或连字符');
      const note = req.note === undefined ? undefined : typeof req.note === 'string' && req.note.length <= 40 ? req.note : null;
      if (note === null) throw invalid('note', '备注应为不超过 40 个字的文字');
      const added = await adminsRepo(ctx.db).add({ _id: openid, addedAt: now, addedBy: actor, ...(note ? { note } : {}) });
      if (added) await audit(ctx, { actor, action: 'admin.add', target: openid, summary: `添加管理员 ${openid}${note ? `（${note}）` : ''}` });
      return ok({ action, added });
    }

    case 'removeAdmin': {
      const actor = await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenAdmins);
      const openid = req.openid;
      if (typeof openid !== 'string' || !OPENID_RE.test(openid)) throw invalid('openid', 'openid 应为 1–64 位字母、数字、下划线或连字符');
      if (openid === actor) throw invalid('openid', '不能移除自己（请由另一位管理员操作），以免没有管理员');
      const removed = await adminsRepo(ctx.db).remove(openid);
      if (removed) await audit(ctx, { actor, action: 'admin.remove', target: openid, summary: `移除管理员 ${openid}` });
      return ok({ action, removed });
    }
  }
};
