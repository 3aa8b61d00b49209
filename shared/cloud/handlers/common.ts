/**
 * Helpers shared by the handlers (deadlines, subscriptions, listStatus, remind): who calls
 * (requireOpenid, requireAdmin with MESSAGES_ADMIN), what they ask (requireAction, parseLimit,
 * parseCursor, optionalDeadlineId — each refusal an `invalid` naming the field), today's date in
 * Beijing (today) and a stored deadline as the API shows it (toDeadline).
 */
import { type Deadline, OPENID_RE } from '../api';
import type { HandlerContext } from '../context';
import { daysBetween, todayIn } from '../dates';
import { CloudFailure } from '../errors';
import { measureInfo } from '../measures';
import { adminsRepo, DEADLINE_ID_MAX, type DeadlineDoc, revisionOf } from '../repos';

/** INVALID_INPUT naming one field. */
export function invalid(field: string, message: string): CloudFailure {
  return new CloudFailure('INVALID_INPUT', message, [{ field, message }]);
}

/** The caller's openid (from WeChat's context, never the request), or UNAUTHENTICATED. */
export function requireOpenid(ctx: HandlerContext): string {
  if (!ctx.openid) throw new CloudFailure('UNAUTHENTICATED');
  if (!OPENID_RE.test(ctx.openid)) throw new CloudFailure('UNAUTHENTICATED');
  return ctx.openid;
}

export const MESSAGES_ADMIN = {
  forbidden: '仅管理员可以修改申报截止时间',
  forbiddenAdmins: '仅管理员可以管理管理员',
  forbiddenListStatus: '仅管理员可以设置清单状态',
  forbiddenReach: '仅管理员可以查看提醒名单与发送记录',
  forbiddenAudit: '仅管理员可以查看操作记录',
};

/** The caller must be listed in `admins`; otherwise FORBIDDEN (the server refuses, whatever the page shows). */
export async function requireAdmin(ctx: HandlerContext, message = MESSAGES_ADMIN.forbidden): Promise<string> {
  const openid = requireOpenid(ctx);
  if (!(await adminsRepo(ctx.db).isAdmin(openid))) throw new CloudFailure('FORBIDDEN', message);
  return openid;
}

export function requireAction<A extends string>(value: unknown, actions: readonly A[]): A {
  if (typeof value !== 'string' || !(actions as readonly string[]).includes(value)) {
    throw invalid('action', `未知的操作：应为 ${actions.join('、')} 之一`);
  }
  return value as A;
}

/** limit: integer 1…max, default `dflt`. */
export function parseLimit(value: unknown, dflt: number, max: number): number {
  if (value === undefined) return dflt;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) throw invalid('limit', `每页条数应为 1–${max} 的整数`);
  return value;
}

/** cursor: the offset of the next page, as the previous answer gave it. */
export function parseCursor(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) throw invalid('cursor', '翻页参数无效，请刷新后重试');
  return Number(value);
}

/**
 * A deadline id the caller names, or undefined when none: at most DEADLINE_ID_MAX of [A-Za-z0-9_.-],
 * so the ids built from it (subscriptions, send log) stay within WeChat's 128.
 */
export function optionalDeadlineId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > DEADLINE_ID_MAX || !/^[A-Za-z0-9_.-]+$/.test(value)) throw invalid(field, MESSAGES_FIELDS.deadlineId);
  return value;
}

/** Field messages of the request checks. */
export const MESSAGES_FIELDS = {
  deadlineId: '截止时间编号无效，请刷新后重试',
} as const;

export function today(ctx: HandlerContext): string {
  return todayIn(ctx.now());
}

export function toDeadline(doc: DeadlineDoc, todayDate: string): Deadline {
  const m = measureInfo(doc.measureId);
  const daysToClose = daysBetween(todayDate, doc.closesOn);
  return {
    id: doc._id,
    measureId: doc.measureId,
    measureLabel: m?.label ?? '',
    measureTitle: m?.title ?? doc.measureId,
    batchTitle: doc.batchTitle,
    opensOn: doc.opensOn,
    closesOn: doc.closesOn,
    issuer: doc.issuer,
    sourceUrl: doc.sourceUrl,
    itemIds: doc.itemIds ?? [],
    itemTitles: (doc.itemIds ?? []).map((id) => m?.items.find((i) => i.id === id)?.title ?? id),
    sample: doc.sample === true,
    status: todayDate < doc.opensOn ? 'upcoming' : daysToClose >= 0 ? 'open' : 'closed',
    daysToClose,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    revision: revisionOf(doc),
  };
}
