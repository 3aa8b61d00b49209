/**
 * How the results page reads an EvaluateResult: groups (the same rules as the CLI's report), each
 * item's figure and kind, one line of why, and the labels of missing facts. Formatting only — every
 * amount is the engine's; nothing here adds, multiplies or rounds money.
 */
import { catalog2022 } from './catalog';
import { COMMON_FACTS } from './catalog/common-facts';
import { formatInterval, formatMoney, toWanText } from './format';
import type { Catalog, EvaluateResult, Interval, ItemResult, Stage } from './types';

export type GroupId = 'eligible' | 'needsInfo' | 'nearMiss' | 'nonMonetary' | 'ineligible';

export interface ResultGroup {
  id: GroupId;
  title: string;
  items: ItemResult[];
}

export const GROUP_TITLES: Record<GroupId, string> = {
  eligible: '可申请',
  needsInfo: '需要补充信息',
  nearMiss: '差一点',
  nonMonetary: '非资金支持',
  ineligible: '不符合',
};

const isMoney = (r: ItemResult) => r.kind !== 'nonMonetary' && r.kind !== 'unquantified';

/** Items in the five groups (notForYou — not for this entity, or not answered — is left out). */
export function groupResults(res: EvaluateResult): ResultGroup[] {
  const pick: [GroupId, (r: ItemResult) => boolean][] = [
    ['eligible', (r) => r.status === 'eligible' && isMoney(r)],
    ['needsInfo', (r) => r.status === 'needsInfo'],
    ['nearMiss', (r) => r.status === 'ineligible' && r.hints.length > 0],
    ['nonMonetary', (r) => r.status === 'eligible' && !isMoney(r)],
    ['ineligible', (r) => r.status === 'ineligible' && r.hints.length === 0],
  ];
  return pick.map(([id, test]) => ({ id, title: GROUP_TITLES[id], items: res.items.filter(test) }));
}

/** The kind words the cards show: 精确 / 至少 / 最高 / 减免 (and the two without a figure). */
export const KIND_LABEL: Record<ItemResult['kind'], string> = {
  exact: '精确',
  atLeast: '至少',
  upTo: '最高',
  saving: '减免',
  nonMonetary: '非资金',
  unquantified: '金额待核定',
};

function isZero(yuan: string): boolean {
  return /^0+(\.0+)?$/.test(yuan);
}

/** The figure of one item, as text: '500万元', '至少 60万元', '最高 300万元', '少缴 12万元', '用地支持'. */
export function figureText(r: ItemResult, catalog: Catalog = catalog2022): string {
  const a = r.amount;
  switch (r.kind) {
    case 'nonMonetary': {
      const item = catalog.measures[r.measureNumber - 1]?.items.find((i) => i.id === r.id);
      return item && 'tag' in item ? item.tag : '非资金支持';
    }
    case 'unquantified':
      return '清单未给出金额';
    case 'upTo':
      return `最高 ${formatMoney(a.max)}`;
    case 'atLeast':
      return a.min === a.max ? formatMoney(a.min) : `至少 ${formatMoney(a.min)}，最高 ${formatMoney(a.max)}`;
    case 'saving':
      if (r.open && isZero(a.max)) return '填写应缴费用后算出';
      return `少缴 ${formatInterval(a)}`;
    default:
      if (r.open) return `${formatMoney(a.min)} 起`;
      return formatInterval(a);
  }
}

const MONEY_STEPS: Stage['step'][] = ['rate', 'share', 'cap', 'groupCap', 'sum'];

/** One line of why, from the engine's own stages, reason and hints. */
export function whyText(r: ItemResult): string {
  if (r.status === 'needsInfo') return r.reason ?? '需要补充信息';
  if (r.status === 'ineligible') return r.hints.length > 0 ? r.hints.map((h) => h.text).join('；') : (r.reason ?? '不符合条件');
  if (r.status === 'notForYou') return r.reason ?? '';
  const stages = r.stages;
  const level = stages.find((s) => s.step === 'level');
  if (level) return level.text;
  const sum = stages.find((s) => s.step === 'sum');
  if (sum) return sum.text;
  const money = stages.filter((s) => MONEY_STEPS.includes(s.step));
  if (money.length > 0) {
    const rate = money.find((s) => s.step === 'rate' || s.step === 'share');
    const last = money[money.length - 1];
    return rate && rate !== last ? `${rate.text}；${last.text}` : last.text;
  }
  const amount = stages.find((s) => s.step === 'amount' || s.step === 'advance');
  if (amount?.step === 'amount' && r.kind === 'exact' && amount.quote) return amount.quote;
  return amount?.text ?? r.title;
}

/** The total as 万元 numbers: '636', '500–2500', '0.5'. */
export function wanRange(total: Interval): string {
  const min = toWanText(total.min, 6);
  const max = toWanText(total.max, 6);
  return min === max ? min : `${min}–${max}`;
}

export function hasAmount(total: Interval): boolean {
  return !isZero(total.max);
}

/** The measure's label （八） for an item. */
export function measureLabel(r: ItemResult, catalog: Catalog = catalog2022): string {
  return catalog.measures[r.measureNumber - 1]?.label ?? `（${r.measureNumber}）`;
}

/** The question a profile path stands for: 'projects/m08.upgrade/0/investment' → '技术改造项目第 1 项：项目实际完成投资额'. */
export function pathLabel(path: string, catalog: Catalog = catalog2022): string {
  const parts = path.split('/');
  const strip = (s: string) => s.replace(/？$/, '');
  if (parts[0] === 'sme') return strip(COMMON_FACTS.find((f) => f.id === 'sme')!.label);
  if (parts[0] === 'region') {
    const def = COMMON_FACTS.find((f) => f.id === `region.${parts[1]}`);
    return def ? strip(def.label) : path;
  }
  if (parts[0] === 'facts') {
    for (const m of catalog.measures) {
      const def = m.facts.find((f) => f.id === parts[1]);
      if (def) return strip(def.label);
    }
  }
  if (parts[0] === 'projects') {
    for (const m of catalog.measures) {
      const item = m.items.find((i) => i.id === parts[1]);
      if (item?.repeat) {
        const def = item.repeat.facts.find((f) => f.id === parts[3]);
        return `${item.repeat.noun}第 ${Number(parts[2]) + 1} 项：${def ? strip(def.label) : parts[3]}`;
      }
    }
  }
  return path;
}

function stable(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stable).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/** Do two results say the same thing (key order aside)? The cloud's answer is compared with the device's. */
export function sameResult(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}
