/**
 * Caps shared by several items of one measure, e.g. （三）单个企业主导或参与标准制定每年奖励资金不超过
 * 50万元. Items are filled in catalog order until the cap is used up; lower and upper bounds are capped
 * separately, so the group's total interval is exactly [min(Σmin, cap), min(Σmax, cap)].
 */
import { Dec, toYuanString } from './decimal';
import { formatMoney } from './format';
import type { WorkingItem } from './item';

export function applyGroupCaps(items: WorkingItem[]): void {
  const left = new Map<string, { min: Dec; max: Dec }>();
  for (const w of items) {
    const g = w.ci.group;
    if (!g || (w.status !== 'eligible' && w.status !== 'needsInfo')) continue;
    const rest = left.get(g.id) ?? { min: g.cap.value, max: g.cap.value };
    const min = Dec.min(w.min, rest.min);
    const max = Dec.min(w.max, rest.max);
    w.stages.push({
      step: 'groupCap',
      label: '年度上限',
      text: w.max.gt(rest.max)
        ? `同类奖励本年度剩余额度 ${formatMoney(rest.max)}，本项按 ${formatMoney(max)} 计`
        : `同类奖励本年度合计不超过 ${g.cap.text}，本项 ${formatMoney(w.max)} 在剩余额度 ${formatMoney(rest.max)} 内`,
      quote: g.quote,
      value: toYuanString(max),
    });
    w.min = min;
    w.max = max;
    left.set(g.id, { min: rest.min.minus(min), max: rest.max.minus(max) });
  }
}
