/** The CLI's readable table, in Chinese. Formatting only: every figure comes from evaluate(). */
import { catalog2022 } from '../catalog';
import { formatInterval } from '../format';
import type { EvaluateResult, ItemResult } from '../types';
import { pad } from './text-width';

const KIND: Record<ItemResult['kind'], string> = {
  exact: '精确',
  atLeast: '至少',
  upTo: '最高',
  saving: '减免',
  nonMonetary: '非资金',
  unquantified: '金额未定',
};

function line(r: ItemResult, label: string): string {
  const no = catalog2022.measures[r.measureNumber - 1]?.label ?? `（${r.measureNumber}）`;
  const amount = r.kind === 'nonMonetary' || r.kind === 'unquantified' ? '—' : formatInterval(r.amount) + (r.open ? '起' : '');
  return `  ${pad(no, 11)}${pad(r.title, 44)} ${pad(amount, 18)} ${pad(KIND[r.kind], 8)} ${label}`;
}

export function report(res: EvaluateResult, opts: { all?: boolean; stages?: boolean } = {}): string {
  const out: string[] = [`《${res.catalog.title}》`, ''];
  const money = (r: ItemResult) => r.kind !== 'nonMonetary' && r.kind !== 'unquantified';
  const groups: [string, ItemResult[]][] = [
    ['可申请', res.items.filter((r) => r.status === 'eligible' && money(r))],
    ['需要补充信息', res.items.filter((r) => r.status === 'needsInfo')],
    ['差一点', res.items.filter((r) => r.status === 'ineligible' && r.hints.length > 0)],
    ['非资金支持', res.items.filter((r) => r.status === 'eligible' && !money(r))],
    ['不符合', res.items.filter((r) => r.status === 'ineligible' && r.hints.length === 0)],
  ];
  if (opts.all) groups.push(['未涉及', res.items.filter((r) => r.status === 'notForYou')]);
  for (const [title, items] of groups) {
    if (items.length === 0) continue;
    out.push(`${title}（${items.length} 项）`);
    for (const r of items) {
      const why = title === '差一点' ? r.hints.map((h) => h.text).join('；') : title === '可申请' || title === '非资金支持' ? '' : (r.reason ?? '');
      out.push(line(r, why));
      if (opts.stages) for (const s of r.stages) out.push(`        ${s.entry !== undefined ? `[${s.entry + 1}] ` : ''}${s.label}：${s.text}`);
    }
    out.push('');
  }
  out.push(`合计可申请：${formatInterval(res.total)}（${res.measuresCovered} 条措施）`);
  if (res.savings.max !== '0.00') out.push(`可少缴费用：${formatInterval(res.savings)}`);
  if (res.pending.max !== '0.00') out.push(`补充信息后可能增加：${formatInterval(res.pending)}`);
  out.push('', '以上为按清单条文的估算，最终以主管部门审核为准。');
  return out.join('\n');
}
