/** The CLI's readable table, in Chinese. Read through result-view, as the results page reads it: every figure comes from evaluate(). */
import { formatInterval } from '../format';
import { GROUP_TITLES, figureInGroup, groupResults, hasAmount, measureLabel, setByDepartment, whyText, type GroupId } from '../result-view';
import type { EvaluateResult, ItemResult } from '../types';
import { pad } from './text-width';

function line(r: ItemResult, group: GroupId): string {
  const { figure, kindLabel } = figureInGroup(r, group);
  // What can be claimed needs no reason; the rest say why not, or what is missing.
  const why = group === 'eligible' || group === 'people' || group === 'nonMonetary' ? '' : whyText(r);
  return `  ${pad(measureLabel(r), 11)}${pad(r.title, 44)} ${pad(figure || '—', 18)} ${pad(kindLabel, 8)} ${why}`.trimEnd();
}

export function report(res: EvaluateResult, opts: { all?: boolean; stages?: boolean } = {}): string {
  const out: string[] = [`《${res.catalog.title}》`, ''];
  for (const { id, title, items } of groupResults(res, { all: opts.all })) {
    if (items.length === 0) continue;
    out.push(`${title}（${items.length} 项）`);
    for (const r of items) {
      out.push(line(r, id));
      if (opts.stages) for (const s of r.stages) out.push(`        ${s.entry !== undefined ? `[${s.entry + 1}] ` : ''}${s.label}：${s.text}`);
    }
    out.push('');
  }
  out.push(`合计可申请：${formatInterval(res.total)}（${res.measuresCovered} 条措施）`);
  const toBeSet = setByDepartment(res);
  if (toBeSet.length > 0) out.push(`另有 ${toBeSet.length} 项金额待核定，未计入合计`);
  if (hasAmount(res.peopleTotal)) out.push(`${GROUP_TITLES.people}：${formatInterval(res.peopleTotal)}（发给个人，不计入企业合计）`);
  if (hasAmount(res.savings)) out.push(`可少缴费用：${formatInterval(res.savings)}`);
  if (hasAmount(res.pending)) out.push(`补充信息后可能增加：${formatInterval(res.pending)}`);
  out.push('', '以上为按清单条文的估算，最终以主管部门审核为准。');
  return out.join('\n');
}
