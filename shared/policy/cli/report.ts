/**
 * The CLI's readable table, in Chinese (report). Read through result-view, as the results page
 * reads it: every figure comes from evaluate().
 */
import { formatInterval, type EvaluateResult, type ItemResult } from '../engine';
import { alternativeLine, figureInGroup, groupResults, measureLabel, summarize, whyText, type GroupId, pad } from '../view';

function line(r: ItemResult, group: GroupId): string {
  const { figure, amountLabel } = figureInGroup(r, group);
  // What can be claimed needs no reason; the rest say why not, or what is missing.
  const why = group === 'eligible' || group === 'people' || group === 'nonMonetary' ? '' : whyText(r);
  return `  ${pad(measureLabel(r), 11)}${pad(r.title, 44)} ${pad(figure || '—', 18)} ${pad(amountLabel, 8)} ${why}`.trimEnd();
}

export function report(res: EvaluateResult, opts: { all?: boolean; stages?: boolean } = {}): string {
  const out: string[] = [`《${res.catalog.title}》`, ''];
  for (const { id, title, items } of groupResults(res, { all: opts.all })) {
    if (items.length === 0) continue;
    out.push(`${title}（${items.length} 项）`);
    for (const r of items) {
      out.push(line(r, id));
      // The figure under each answer of what is unsure, as the results card lists it.
      if (id === 'needsInfo') for (const a of r.alternatives.map((x) => alternativeLine(r, x))) out.push(`        若${a.assume}：${a.figure}`);
      if (opts.stages) for (const s of r.stages) out.push(`        ${s.entry !== undefined ? `[${s.entry + 1}] ` : ''}${s.label}：${s.text}`);
    }
    out.push('');
  }
  const summary = summarize(res);
  out.push(summary.totalWan !== undefined ? `合计可申请：${formatInterval(res.total)}（${summary.covers}）` : `${summary.lead}（${summary.covers}）`);
  for (const l of summary.lines) out.push(l.text);
  out.push('', '以上为按清单条文的估算，最终以主管部门审核为准。');
  return out.join('\n');
}
