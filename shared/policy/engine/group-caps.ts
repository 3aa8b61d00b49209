/**
 * Caps shared by several items of one measure, e.g. （三）单个企业主导或参与标准制定每年奖励资金不超过
 * 50万元. The clause caps the enterprise's yearly total; it sets no order among the items. We fill the
 * cap with the items whose amounts are known first (catalog order), then with those that need
 * information, so the known awards stay exact and the uncertain ones get what may be left.
 * The eligible items therefore add up to min(Σ, cap) exactly.
 * applyGroupCaps does this for a measure's working items.
 */
import { lesser, toYuanString, type Dec } from './decimal';
import { formatMoney } from './format';
import type { WorkingItem } from './item';

export function applyGroupCaps(items: WorkingItem[], explain = true): void {
  const left = new Map<string, { min: Dec; max: Dec }>();
  const inGroup = items.filter((w) => w.ci.group && (w.status === 'eligible' || w.status === 'needsInfo'));
  const ordered = [...inGroup.filter((w) => w.status === 'eligible'), ...inGroup.filter((w) => w.status === 'needsInfo')];
  for (const w of ordered) {
    const g = w.ci.group!;
    const rest = left.get(g.id) ?? { min: g.cap.value, max: g.cap.value };
    // An amount not yet known (e.g. a count answered 不确定) can reach at most what is left of the cap.
    if (w.open) {
      w.max = rest.max;
      w.open = false;
    }
    const max = lesser(w.max, rest.max);
    const min = lesser(lesser(w.min, rest.min), max);
    if (explain) w.stages.push({
      step: 'groupCap',
      label: '年度上限',
      text: rest.max.isZero()
        ? `本年度上限 ${g.cap.text} 已用完（同类奖励合计不超过 ${g.cap.text}），本项按 0元 计`
        : w.max.gt(rest.max)
          ? `同类奖励本年度剩余额度 ${formatMoney(rest.max)}，本项按 ${formatMoney(max)} 计`
          : w.max.eq(rest.max)
            ? `同类奖励本年度合计不超过 ${g.cap.text}，本项 ${formatMoney(w.max)} 达到剩余额度 ${formatMoney(rest.max)}`
            : `同类奖励本年度合计不超过 ${g.cap.text}，本项 ${formatMoney(w.max)} 在剩余额度 ${formatMoney(rest.max)} 内`,
      quote: g.quote,
      value: toYuanString(max),
    });
    w.min = min;
    w.max = max;
    left.set(g.id, { min: rest.min.minus(min), max: rest.max.minus(max) });
  }
}
