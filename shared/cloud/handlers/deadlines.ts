/**
 * deadlines: application windows per measure. Anyone lists them (not yet closed first, soonest
 * closing first); admins (openids in `admins`) create, update, delete and import them, see who
 * their reminders will reach and the timer's runs, and manage admins. Every change writes an
 * audit entry (who, when, what, before/after).
 *
 * A deadline's identity is its id, fixed when it is created; (measure, batch title) is unique among
 * stored deadlines and is what an import matches on, so a renamed batch is found by its new title
 * and its old title is free again.
 */
import { importPlace, OPENID_RE, OPENID_RULE, REACH_COUNT_CAP, REMINDER_KINDS, type DeadlineInput, type DeadlinesResponse } from '../api';
import type { HandlerContext } from '../context';
import { normalizeMeasureId, parseImport, validateDeadline } from '../deadline-input';
import { CloudFailure, CONFLICT_MESSAGES, DuplicateIdError, failure } from '../errors';
import type { Handler } from '../handler';
import { measureInfo } from '../measures';
import {
  adminsRepo,
  auditRepo,
  type AuditDoc,
  type AuditInput,
  type DeadlineDoc,
  deadlineId,
  deadlinesRepo,
  NEXT_DEADLINE,
  requestedRevision,
  revisionOf,
  runsRepo,
  subscriptionsRepo,
} from '../repos';
import { formatDateCn } from '../dates';
import { CLAIM_TRIES_PER_CALLER_HOUR, CLAIM_TRIES_PER_DAY, claimTriesRepo } from '../repos/claim-tries';
import { textFault } from '../stored-text';
import { checkText } from '../../policy/engine';
import { REMINDER_TEMPLATES } from '../templates';
import { invalid, MESSAGES_ADMIN, optionalDeadlineId, parseCursor, parseLimit, requireAction, requireAdmin, requireOpenid, toDeadline, today } from './common';

const ACTIONS = ['list', 'me', 'create', 'update', 'delete', 'import', 'audit', 'admins', 'addAdmin', 'removeAdmin', 'reach', 'runs', 'items', 'claimAdmin'] as const;

/** A shorter bootstrap code counts as not configured: it could be guessed. */
export const MIN_BOOTSTRAP_CODE = 16;

/** The configured bootstrap code (trimmed: a pasted newline must not lock the claim), or null. */
function bootstrapCode(ctx: { env?: Readonly<Record<string, string | undefined>> }): string | null {
  const code = ctx.env?.ADMIN_BOOTSTRAP_CODE?.trim() ?? '';
  return code.length >= MIN_BOOTSTRAP_CODE ? code : null;
}

export const MESSAGES_DEADLINES = {
  duplicateTitle: '该措施已有同名批次，请修改已有的那条',
  gone: '这条截止时间不存在（可能已被删除）',
  /** Changing the measure would strand subscribers: the timer looks for them under the deadline's measure. */
  measureHeld: (users: number) =>
    `已有 ${users} 位用户订阅了这一批次的提醒，不能把它改到另一项措施（他们订阅的是原措施）。如确需更改，请为新措施另建一条截止时间。`,
  claimClosed: '首位管理员已设置：请由现有管理员在「管理员」页添加您',
  claimNotConfigured: `未设置首位管理员口令（云函数 deadlines 的环境变量 ADMIN_BOOTSTRAP_CODE，至少 ${MIN_BOOTSTRAP_CODE} 位），请按 README「Admins」操作`,
  claimWrong: '口令不正确',
  /** Issue 25, item 6: the limits on tries (CLAIM_TRIES_*), said with when they free. */
  claimLimitCaller: (freeAt: string) => `试口令的次数过多：每位用户每小时最多试 ${CLAIM_TRIES_PER_CALLER_HOUR} 次，请在北京时间 ${freeAt} 后再试`,
  claimLimitAll: (freeDay: string) => `今天试口令的次数已达上限（所有用户每天共 ${CLAIM_TRIES_PER_DAY} 次），请在 ${formatDateCn(freeDay)}（北京时间）再试`,
  importRace: (place: string, written: number) =>
    `${place}「批次名称」：该措施刚刚已有同名批次（他人同时录入）。前面 ${written} 行已写入；请重新导入，已写入的行会显示为未变。`,
  importConflict: (place: string, written: number) =>
    `${place}：这条截止时间刚刚已被其他管理员修改。前面 ${written} 行已写入；请重新导入，已写入的行会显示为未变。`,
} as const;

/** Most distinct subscribers counted when refusing a measure change (the message only needs "how many"). */
const HOLDERS_CAP = 100000;

/** Ids tried for a new deadline before giving up (a renamed deadline may hold the first). */
const ID_ATTEMPTS = 5;

/**
 * Stores a new deadline under a fresh id, with its audit entry in the same write:
 * `deadlineId(measure, title)` first (so two concurrent creates of the same batch collide), then
 * variants if a renamed deadline holds it. Throws DuplicateIdError when a deadline with this
 * measure and title exists.
 */
async function addDeadline(repo: ReturnType<typeof deadlinesRepo>, doc: Omit<DeadlineDoc, '_id'>, audit: (id: string) => AuditInput): Promise<DeadlineDoc> {
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt += 1) {
    if ((await repo.withTitle(doc.measureId, doc.batchTitle)).length > 0) throw new DuplicateIdError('deadlines', deadlineId(doc.measureId, doc.batchTitle));
    const id = deadlineId(doc.measureId, doc.batchTitle, attempt);
    try {
      return await repo.addAudited({ _id: id, ...doc }, audit(id));
    } catch (err) {
      if (!(err instanceof DuplicateIdError)) throw err;
    }
  }
  throw new DuplicateIdError('deadlines', deadlineId(doc.measureId, doc.batchTitle));
}

/** Constant-time comparison of the bootstrap code (no early exit on the first differing character). */
function sameCode(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

function ok(data: DeadlinesResponse) {
  return { ok: true as const, data };
}

const FIELDS = ['measureId', 'batchTitle', 'opensOn', 'closesOn', 'issuer', 'sourceUrl'] as const;

function inputOf(doc: DeadlineDoc): DeadlineInput {
  const items = doc.itemIds ?? [];
  return { measureId: doc.measureId, batchTitle: doc.batchTitle, opensOn: doc.opensOn, closesOn: doc.closesOn, issuer: doc.issuer, sourceUrl: doc.sourceUrl, ...(items.length > 0 ? { itemIds: items } : {}) };
}

function sameInput(a: DeadlineInput, b: DeadlineInput): boolean {
  return FIELDS.every((k) => a[k] === b[k]) && (a.itemIds ?? []).join('\u0000') === (b.itemIds ?? []).join('\u0000');
}

/** What is stored of a validated input: itemIds always written, so an edit back to the whole measure clears a list. */
function stored(input: DeadlineInput): DeadlineInput & { itemIds: string[] } {
  return { ...input, itemIds: input.itemIds ?? [] };
}

function describe(d: DeadlineInput): string {
  const m = measureInfo(d.measureId);
  const items = (d.itemIds ?? []).map((id) => m?.items.find((i) => i.id === id)?.title ?? id);
  return `${m ? m.label : d.measureId}「${d.batchTitle}」${d.opensOn} 至 ${d.closesOn}${items.length > 0 ? `（适用：${items.join('；')}）` : ''}`;
}

/** An audit entry at the request's time (written with its change: see repos' audited writes). */
function entry(ctx: HandlerContext, e: Omit<AuditDoc, '_id' | 'at'>): AuditInput {
  return { at: ctx.now().toISOString(), ...e };
}

/** The edit was refused: the record changed since the page read it. */
function conflict(message: string = CONFLICT_MESSAGES.deadline): CloudFailure {
  return new CloudFailure('CONFLICT', message);
}

function requireDeadline(raw: unknown): DeadlineInput {
  const v = validateDeadline(raw);
  if (!v.ok) throw new CloudFailure('INVALID_INPUT', v.issues[0].message, v.issues);
  return v.value;
}

function requireId(value: unknown): string {
  const id = optionalDeadlineId(value, 'id');
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
      const admins = adminsRepo(ctx.db);
      const isAdmin = await admins.isAdmin(openid);
      const canClaim = !isAdmin && bootstrapCode(ctx) !== null && !(await admins.claimed()) && (await admins.none());
      return ok({ action, isAdmin, openid, canClaim });
    }

    case 'create': {
      const actor = await requireAdmin(ctx);
      const input = requireDeadline(req.deadline);
      let doc: DeadlineDoc;
      try {
        doc = await addDeadline(repo, { ...stored(input), sample: false, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor }, (target) =>
          entry(ctx, { actor, action: 'deadline.create', target, summary: `新增截止时间：${describe(input)}`, after: input }),
        );
      } catch (err) {
        if (err instanceof DuplicateIdError) throw invalid('deadline.batchTitle', MESSAGES_DEADLINES.duplicateTitle);
        throw err;
      }
      return ok({ action, deadline: toDeadline(doc, day) });
    }

    case 'update': {
      const actor = await requireAdmin(ctx);
      const id = requireId(req.id);
      const input = requireDeadline(req.deadline);
      const revision = requestedRevision(req.revision);
      const before = await repo.get(id);
      if (!before) throw invalid('id', MESSAGES_DEADLINES.gone);
      if (revision !== undefined && revisionOf(before) !== revision) throw conflict();
      if (input.measureId !== before.measureId || input.batchTitle !== before.batchTitle) {
        if ((await repo.withTitle(input.measureId, input.batchTitle)).some((d) => d._id !== id)) throw invalid('deadline.batchTitle', MESSAGES_DEADLINES.duplicateTitle);
      }
      if (input.measureId !== before.measureId) {
        const users = await subscriptionsRepo(ctx.db).holdersOf(id, HOLDERS_CAP);
        if (users > 0) throw invalid('deadline.measureId', MESSAGES_DEADLINES.measureHeld(users));
      }
      const patch = { ...stored(input), updatedAt: now, updatedBy: actor };
      // The checks above read `before`; the write re-reads it in its transaction and is refused if
      // another admin saved meanwhile (without a revision: against the one checked here).
      const res = await repo.updateAudited(id, revision ?? revisionOf(before), patch, (current) =>
        entry(ctx, { actor, action: 'deadline.update', target: id, summary: `修改截止时间：${describe(input)}`, before: inputOf(current), after: input }),
      );
      if (res.outcome === 'gone') throw invalid('id', MESSAGES_DEADLINES.gone);
      if (res.outcome === 'conflict') throw conflict();
      return ok({ action, deadline: toDeadline(res.after ?? { ...before, ...patch }, day) });
    }

    case 'delete': {
      const actor = await requireAdmin(ctx);
      const id = requireId(req.id);
      const revision = requestedRevision(req.revision);
      const res = await repo.removeAudited(id, revision, (before) =>
        entry(ctx, { actor, action: 'deadline.delete', target: id, summary: `删除截止时间：${describe(before)}`, before: inputOf(before) }),
      );
      if (res.outcome === 'conflict') throw conflict();
      return ok({ action, removed: res.outcome === 'done' });
    }

    case 'import': {
      const actor = await requireAdmin(ctx);
      const format = req.format;
      if (format !== 'json' && format !== 'csv') throw invalid('format', '导入格式应为 json 或 csv');
      if (typeof req.text !== 'string' || req.text.trim() === '') throw invalid('text', '导入内容为空');
      // The page and the CLI read files through readText; text a caller decoded wrongly (U+FFFD) gets readText's message.
      const read = checkText(req.text);
      if (!read.ok) throw invalid('text', read.message);
      const dryRun = req.dryRun === true;
      const parsed = parseImport(format, req.text);
      if (!parsed.ok) return failure('INVALID_INPUT', parsed.issues[0].message, parsed.issues);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const out: DeadlineDoc[] = [];
      const outcomes: ('created' | 'updated' | 'unchanged')[] = [];
      for (const { row, value } of parsed.rows) {
        // The same measure and batch title as a stored deadline (whatever its id) updates it.
        const [before] = await repo.withTitle(value.measureId, value.batchTitle);
        if (before && sameInput(inputOf(before), value)) {
          unchanged += 1;
          outcomes.push('unchanged');
          out.push(before);
          continue;
        }
        const fresh = { ...stored(value), sample: false, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor };
        let doc: DeadlineDoc = before ? { ...before, ...stored(value), updatedAt: now, updatedBy: actor } : { _id: deadlineId(value.measureId, value.batchTitle), ...fresh };
        if (before) updated += 1;
        else created += 1;
        outcomes.push(before ? 'updated' : 'created');
        if (dryRun) {
          out.push(doc);
          continue;
        }
        const audited = (target: string) =>
          entry(ctx, {
            actor,
            action: 'deadline.import',
            target,
            summary: `${before ? '导入并更新' : '导入新增'}截止时间：${describe(value)}`,
            before: before ? inputOf(before) : undefined,
            after: value,
          });
        if (before) {
          // The row and its audit entry are one write, against the revision this import read.
          const res = await repo.updateAudited(before._id, revisionOf(before), { ...stored(value), updatedAt: now, updatedBy: actor }, () => audited(before._id));
          if (res.outcome !== 'done') throw new CloudFailure('CONFLICT', MESSAGES_DEADLINES.importConflict(importPlace(format, row), created + updated - 1));
          if (res.after) doc = res.after;
        } else {
          try {
            doc = await addDeadline(repo, fresh, audited);
          } catch (err) {
            // Another admin stored the same batch since this import looked: the rows before are in
            // (each audited); importing again is harmless — they read as unchanged.
            if (err instanceof DuplicateIdError) throw invalid(`rows[${row}].batchTitle`, MESSAGES_DEADLINES.importRace(importPlace(format, row), created + updated - 1));
            throw err;
          }
        }
        out.push(doc);
      }
      return ok({ action, dryRun, created, updated, unchanged, outcomes, rows: parsed.rows.map((r) => r.row), deadlines: out.map((d) => toDeadline(d, day)) });
    }

    case 'audit': {
      await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenAudit);
      const limit = parseLimit(req.limit, 50, 100);
      // The cursor is the last entry id of the previous page (keyset: new entries never shift a page).
      if (req.cursor !== undefined && req.cursor !== null && (typeof req.cursor !== 'string' || !/^a[0-9a-z]{1,40}$/.test(req.cursor))) throw invalid('cursor', '翻页参数无效，请刷新后重试');
      const docs = await auditRepo(ctx.db).list({ beforeId: (req.cursor as string | null | undefined) ?? undefined, limit });
      return ok({
        action,
        entries: docs.map((d) => ({ id: d._id, at: d.at, actor: d.actor, action: d.action, target: d.target, summary: d.summary, before: d.before, after: d.after })),
        nextCursor: docs.length === limit ? docs[docs.length - 1]._id : null,
      });
    }

    case 'admins': {
      await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenAdmins);
      const docs = await adminsRepo(ctx.db).list(100);
      return ok({ action, admins: docs.map((d) => ({ openid: d._id, addedAt: d.addedAt, addedBy: d.addedBy, ...(d.note ? { note: d.note } : {}), revision: revisionOf(d) })) });
    }

    case 'addAdmin': {
      const actor = await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenAdmins);
      const openid = req.openid;
      if (typeof openid !== 'string' || !OPENID_RE.test(openid)) throw invalid('openid', `openid 应为 ${OPENID_RULE}`);
      const note = req.note === undefined ? undefined : typeof req.note === 'string' && Array.from(req.note).length <= 40 ? req.note : null;
      if (note === null) throw invalid('note', '备注应为不超过 40 个字的文字');
      const noteFault = note === undefined ? null : textFault(note);
      if (noteFault) throw invalid('note', `备注${noteFault}`);
      const added = await adminsRepo(ctx.db).addAudited(
        { _id: openid, addedAt: now, addedBy: actor, ...(note ? { note } : {}) },
        entry(ctx, { actor, action: 'admin.add', target: openid, summary: `添加管理员 ${openid}${note ? `（${note}）` : ''}` }),
      );
      return ok({ action, added });
    }

    case 'claimAdmin': {
      const openid = requireOpenid(ctx);
      const expected = bootstrapCode(ctx);
      if (!expected) throw new CloudFailure('FORBIDDEN', MESSAGES_DEADLINES.claimNotConfigured);
      const admins = adminsRepo(ctx.db);
      // Once claimed, closed for good (even if every admin is later removed); until then only while there is no admin.
      if ((await admins.claimed()) || !(await admins.none())) throw new CloudFailure('FORBIDDEN', MESSAGES_DEADLINES.claimClosed);
      // Every try takes its slots before the code is compared: concurrent guesses cannot pass the limits.
      const refused = await claimTriesRepo(ctx.db).take(openid, ctx.now());
      if (refused) {
        ctx.log.warn('claimAdmin: bootstrap tries limit reached', { openid, limit: refused.limit });
        throw new CloudFailure('FORBIDDEN', refused.limit === 'caller' ? MESSAGES_DEADLINES.claimLimitCaller(refused.freeAt) : MESSAGES_DEADLINES.claimLimitAll(refused.freeAt));
      }
      if (typeof req.code !== 'string' || !sameCode(req.code.trim(), expected)) {
        ctx.log.warn('claimAdmin: wrong bootstrap code', { openid });
        throw invalid('code', MESSAGES_DEADLINES.claimWrong);
      }
      const added = await admins.claimFirst(
        { _id: openid, addedAt: now, addedBy: 'claim', note: '首位管理员' },
        entry(ctx, { actor: openid, action: 'admin.claim', target: openid, summary: `凭口令成为首位管理员 ${openid}` }),
      );
      if (!added) throw new CloudFailure('FORBIDDEN', MESSAGES_DEADLINES.claimClosed);
      return ok({ action, added });
    }

    case 'reach': {
      await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenReach);
      const id = requireId(req.id);
      const doc = await repo.get(id);
      if (!doc) throw invalid('id', MESSAGES_DEADLINES.gone);
      const subs = subscriptionsRepo(ctx.db);
      const reminders = [];
      for (const kind of REMINDER_KINDS) {
        const forBatch = await subs.countDue({ measureId: doc.measureId, kind, deadlineKey: doc._id, cap: REACH_COUNT_CAP });
        const forNext = await subs.countDue({ measureId: doc.measureId, kind, deadlineKey: NEXT_DEADLINE, cap: REACH_COUNT_CAP });
        reminders.push({ kind, label: REMINDER_TEMPLATES[kind].label, forBatch: forBatch.count, forNext: forNext.count, capped: forBatch.capped || forNext.capped });
      }
      return ok({ action, today: day, deadline: toDeadline(doc, day), reminders });
    }

    case 'items': {
      await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenReach);
      const measureId = typeof req.measureId === 'string' || typeof req.measureId === 'number' ? normalizeMeasureId(req.measureId) : null;
      const m = measureId ? measureInfo(measureId) : null;
      return ok({ action, measureId: m ? m.id : null, measureLabel: m?.label ?? '', measureTitle: m?.title ?? '', items: m ? m.items : [] });
    }

    case 'runs': {
      await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenReach);
      const limit = parseLimit(req.limit, 10, 50);
      const docs = await runsRepo(ctx.db).recent(limit);
      return ok({ action, runs: docs.map(({ _id: _ignored, ...run }) => run) });
    }

    case 'removeAdmin': {
      const actor = await requireAdmin(ctx, MESSAGES_ADMIN.forbiddenAdmins);
      const openid = req.openid;
      if (typeof openid !== 'string' || !OPENID_RE.test(openid)) throw invalid('openid', `openid 应为 ${OPENID_RULE}`);
      if (openid === actor) throw invalid('openid', '不能移除自己（请由另一位管理员操作），以免没有管理员');
      const revision = requestedRevision(req.revision);
      const res = await adminsRepo(ctx.db).removeAudited(openid, revision, () => entry(ctx, { actor, action: 'admin.remove', target: openid, summary: `移除管理员 ${openid}` }));
      if (res.outcome === 'conflict') throw conflict(CONFLICT_MESSAGES.admin);
      return ok({ action, removed: res.outcome === 'done' });
    }
  }
};
