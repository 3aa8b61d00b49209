/**
 * The list's status: whether the 2022 list is still in force, as an admin last checked it in the
 * official sources. Nothing in the policy text can say so (a later list may replace it), so the
 * app never claims it: until an admin publishes a status, it is 状态未核实 with no check date
 * (toListStatus reads the stored document so). validateListStatus checks what an admin publishes
 * (a notice of at most NOTICE_MAX characters, the link checked), with LIST_STATUS_MESSAGES.
 */
import { LIST_STATE_LABELS, LIST_STATES, type ListState, type ListStatus, type ListStatusInput, UNVERIFIED_LIST_STATUS } from './api';
import type { FieldIssue } from './deadline-input';
import { isHttpUrl } from './http-url';
import { normalizeDate } from './dates';
import { TEXT_MESSAGES, textFault } from './stored-text';
import type { ListStatusDoc } from './repos';

export const NOTICE_MAX = 60;

export const LIST_STATUS_MESSAGES = {
  notObject: '列表状态应为一个对象（含 state、notice、sourceUrl、checkedOn）',
  state: `「状态」应为 ${LIST_STATES.map((s) => LIST_STATE_LABELS[s]).join('、')} 之一`,
  noticeType: '「说明」应为文字',
  noticeLong: `「说明」不能超过 ${NOTICE_MAX} 个字`,
  noticeControl: `「说明」${TEXT_MESSAGES.control}`,
  noticeSurrogate: `「说明」${TEXT_MESSAGES.surrogate}`,
  noticeNeeded: '「说明」不能为空：请写明后续清单或废止文件的名称',
  urlNeeded: '「依据链接」不能为空：请填写您核对的官方页面',
  url: '「依据链接」应为 http:// 或 https:// 开头的网址',
  date: '「核对日期」不是有效日期（应为真实的日历日期，如 2026-12-01）',
  future: '「核对日期」不能晚于今天',
} as const;

export function toListStatus(doc: ListStatusDoc | null): ListStatus {
  if (!doc) return { ...UNVERIFIED_LIST_STATUS };
  return { state: doc.state, label: LIST_STATE_LABELS[doc.state], notice: doc.notice, sourceUrl: doc.sourceUrl, checkedOn: doc.checkedOn, updatedAt: doc.updatedAt, revision: typeof doc.revision === 'number' ? doc.revision : 0 };
}

/**
 * An admin's input, checked field by field (`today`: Asia/Shanghai, for the check date). A state
 * other than 在执行/状态未核实 needs a notice saying what replaced or repealed the list; any state
 * but 状态未核实 needs the link that was checked.
 */
export function validateListStatus(raw: unknown, today: string): { ok: true; value: ListStatusInput } | { ok: false; issues: FieldIssue[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, issues: [{ field: 'status', message: LIST_STATUS_MESSAGES.notObject }] };
  const o = raw as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const add = (field: keyof ListStatusInput, message: string) => issues.push({ field: `status.${field}`, message });

  const state = (LIST_STATES as readonly unknown[]).includes(o.state) ? (o.state as ListState) : null;
  if (!state) add('state', LIST_STATUS_MESSAGES.state);

  let notice = '';
  if (o.notice !== undefined && o.notice !== null) {
    if (typeof o.notice !== 'string') add('notice', LIST_STATUS_MESSAGES.noticeType);
    else {
      notice = o.notice.trim();
      if (Array.from(notice).length > NOTICE_MAX) add('notice', LIST_STATUS_MESSAGES.noticeLong);
      else if (textFault(notice)) add('notice', textFault(notice) === TEXT_MESSAGES.control ? LIST_STATUS_MESSAGES.noticeControl : LIST_STATUS_MESSAGES.noticeSurrogate);
    }
  }
  if ((state === 'superseded' || state === 'repealed') && notice === '' && issues.every((i) => i.field !== 'status.notice')) add('notice', LIST_STATUS_MESSAGES.noticeNeeded);

  const sourceUrl = typeof o.sourceUrl === 'string' ? o.sourceUrl.trim() : '';
  if (o.sourceUrl !== undefined && o.sourceUrl !== null && typeof o.sourceUrl !== 'string') add('sourceUrl', LIST_STATUS_MESSAGES.url);
  else if (sourceUrl === '') {
    if (state && state !== 'unverified') add('sourceUrl', LIST_STATUS_MESSAGES.urlNeeded);
  } else if (sourceUrl.length > 500 || textFault(sourceUrl) || !isHttpUrl(sourceUrl)) add('sourceUrl', LIST_STATUS_MESSAGES.url);

  const checkedOn = normalizeDate(o.checkedOn);
  if (!checkedOn) add('checkedOn', LIST_STATUS_MESSAGES.date);
  else if (checkedOn > today) add('checkedOn', LIST_STATUS_MESSAGES.future);

  if (issues.length > 0 || !state || !checkedOn) return { ok: false, issues };
  return { ok: true, value: { state, notice, sourceUrl, checkedOn } };
}
