/**
 * The Chinese explanation of a subscribe tap's outcome (explainOutcome), and of WeChat failing to
 * ask at all (explainRequestFailure). Shared: the `subscriptions` function answers with it, and the
 * subscribe button uses the same words when WeChat itself fails.
 *
 * WeChat's per-template results: accept (the user allowed it), reject (the user refused, or has
 * "always refuse" set), ban (WeChat has banned the template), filter (WeChat filtered the template).
 */
import type { ReminderKind } from './api';
import { REMINDER_TEMPLATES } from './templates';

/** '2022-06-30' → '2022年06月30日' (no date library: this file is in the client bundle too). */
function formatDateCn(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m}月${d}日`;
}

export interface OutcomeParts {
  accepted: ReminderKind[];
  refused: ReminderKind[];
  banned: ReminderKind[];
  filtered: ReminderKind[];
  /** The deadline the subscription is for; null: none is known yet. */
  deadline: { closesOn: string; batchTitle: string } | null;
}

const label = (kinds: ReminderKind[]) => kinds.map((k) => REMINDER_TEMPLATES[k].label).join('、');

export function explainOutcome(o: OutcomeParts): string {
  const parts: string[] = [];
  if (o.accepted.length > 0) {
    const when = `${label(o.accepted)}`;
    parts.push(
      o.deadline
        ? `已订阅：「${o.deadline.batchTitle}」${formatDateCn(o.deadline.closesOn)}截止，将在${when}提醒你（每项一次）。`
        : `已订阅：该措施暂未公布申报截止时间。管理员录入后，将在${when}提醒你（每项一次）；未录入则不会发送。`,
    );
  }
  if (o.refused.length > 0) {
    parts.push(
      o.accepted.length > 0
        ? `你没有允许${label(o.refused)}的提醒，这条不会发送。`
        : '你拒绝了提醒，我们不会给你发送消息。需要时可以再点一次订阅；若设置了“总是拒绝”，请在右上角「…」→「设置」→「订阅消息」中打开。',
    );
  }
  if (o.banned.length > 0) parts.push(`${label(o.banned)}的提醒模板已被微信停用，暂时无法订阅，我们会尽快处理。`);
  if (o.filtered.length > 0) parts.push(`${label(o.filtered)}的提醒模板被微信过滤，暂时无法订阅。`);
  if (parts.length === 0) parts.push('没有收到订阅结果，请再试一次。');
  return parts.join('');
}

/** requestSubscribeMessage failed before any result (fail callback). */
export function explainRequestFailure(errCode: number | undefined): string {
  if (errCode === 20004) return '你关闭了小程序的订阅消息总开关，请在右上角「…」→「设置」→「订阅消息」中打开后再订阅。';
  if (errCode === 20005) return '小程序的订阅消息功能暂不可用，请稍后再试。';
  if (errCode === 10002 || errCode === 10003) return '网络不可用，请稍后再试。';
  return '无法打开订阅提示，请稍后再试。';
}
