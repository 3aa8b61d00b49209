/**
 * The one way to read an EvaluateResult — for the results page, the detail page's calculator, the
 * CLI's report, share texts and posters: which group an item is in (and so whether it is money, and
 * whose), its status, kind and figure words, its alternatives, the zero test. Formatting only — every
 * amount is the engine's; nothing here adds, multiplies or rounds money.
 */
import { isMoneyKind } from './amount-kind';
import { catalog2022 } from './catalog';
import { isZeroYuan } from './decimal';
import { formatInterval, formatMoney, toWanText } from './format';
import { pathFact } from './paths';
import type { Alternative, Catalog, EvaluateResult, Interval, ItemResult, Stage, Status } from './types';

export { isZeroYuan };

/**
 * eligible: money the enterprise (or park) can claim — with a figure, or 金额待核定 where the clause
 * promises money without a standard (（二十）); people: awards paid to its people (（七）), not in its
 * total; nonMonetary: support without money; notForYou is listed only on request (the CLI's --all).
 */
export type GroupId = 'eligible' | 'people' | 'needsInfo' | 'nearMiss' | 'nonMonetary' | 'ineligible' | 'notForYou';

export interface ResultGroup {
  id: GroupId;
  title: string;
  items: ItemResult[];
}

export const GROUP_TITLES: Record<GroupId, string> = {
  eligible: '可申请',
  people: '本企业工匠个人可获',
  needsInfo: '需要补充信息',
  nearMiss: '差一点',
  nonMonetary: '非资金支持',
  ineligible: '不符合',
  notForYou: '未涉及',
};

/** Money is promised (a figure, a range, a saving, or an amount the department sets); only nonMonetary is not. */
export function isMoney(r: ItemResult): boolean {
  return isMoneyKind(r.kind);
}

/** The group of one item; undefined for notForYou (not for this entity, or not answered). */
export function groupOf(r: ItemResult): Exclude<GroupId, 'notForYou'> | undefined {
  switch (r.status) {
    case 'eligible':
      if (!isMoney(r)) return 'nonMonetary';
      return r.paidToPerson ? 'people' : 'eligible';
    case 'needsInfo':
      return 'needsInfo';
    case 'ineligible':
      return r.hints.length > 0 ? 'nearMiss' : 'ineligible';
    default:
      return undefined;
  }
}

const GROUP_ORDER: GroupId[] = ['eligible', 'people', 'needsInfo', 'nearMiss', 'nonMonetary', 'ineligible'];

/** Items in their groups, in reading order (with `all`, a last group of items not for this profile). */
export function groupResults(res: EvaluateResult, opts: { all?: boolean } = {}): ResultGroup[] {
  const order = opts.all ? [...GROUP_ORDER, 'notForYou' as const] : GROUP_ORDER;
  const byGroup = new Map<GroupId, ItemResult[]>(order.map((id) => [id, []]));
  for (const r of res.items) byGroup.get(groupOf(r) ?? 'notForYou')?.push(r);
  return order.map((id) => ({ id, title: GROUP_TITLES[id], items: byGroup.get(id)! }));
}

/** An item's status in words (the calculator's badge). */
export const STATUS_TEXT: Record<Status, string> = {
  eligible: '可申请',
  needsInfo: '需补充信息',
  ineligible: '暂不符合',
  notForYou: '未填写',
};

/** The kind words the cards, the CLI and the result sheet show: 精确 / 至少 / 最高 / 减免 / 待核定. */
export const KIND_LABEL: Record<ItemResult['kind'], string> = {
  exact: '精确',
  atLeast: '至少',
  upTo: '最高',
  saving: '减免',
  nonMonetary: '非资金',
  unquantified: '待核定',
};

/** Where the clause promises money without a standard, the department sets the amount. */
const SET_BY_DEPARTMENT = '金额待核定';

/** The figure of one item, as text: '500万元', '至少 60万元，最高 300万元', '最高 300万元', '少缴 12万元', '金额待核定', '用地支持'. */
export function figureText(r: ItemResult, catalog: Catalog = catalog2022): string {
  const a = r.amount;
  switch (r.kind) {
    case 'nonMonetary': {
      const item = catalog.measures[r.measureNumber - 1]?.items.find((i) => i.id === r.id);
      return item && 'tag' in item ? item.tag : '非资金支持';
    }
    case 'unquantified':
      return SET_BY_DEPARTMENT;
    case 'upTo':
      return `最高 ${formatMoney(a.max)}`;
    case 'atLeast':
      return a.min === a.max ? formatMoney(a.min) : `至少 ${formatMoney(a.min)}，最高 ${formatMoney(a.max)}`;
    case 'saving':
      if (r.open && isZeroYuan(a.max)) return '填写应缴费用后算出';
      return `少缴 ${formatInterval(a)}`;
    default:
      if (r.open) return `${formatMoney(a.min)} 起`;
      return formatInterval(a);
  }
}

/** What a card in a group shows as figure and kind: nothing for what is not (yet) due — a "0元" would only confuse. */
export function figureInGroup(r: ItemResult, group: GroupId): { figure: string; kindLabel: string } {
  if (group === 'ineligible' || group === 'nearMiss' || group === 'notForYou') return { figure: '', kindLabel: '' };
  const figure = figureText(r);
  if (group === 'needsInfo') return { figure, kindLabel: '待确认' };
  // The figure '金额待核定' already says 待核定; every other figure shows its kind beside it.
  return { figure, kindLabel: r.kind === 'unquantified' ? '' : KIND_LABEL[r.kind] };
}

/**
 * One alternative of an unsure answer as a line: '若项目位于脱贫地区或革命老区' → '240万元'. With
 * `short`, a single named fact becomes '为“是”' (the why line above already names it).
 */
export function alternativeLine(r: ItemResult, a: Alternative, opts: { short?: boolean } = {}): { assume: string; figure: string } {
  const figure = a.status === 'ineligible' ? '不符合' : r.kind === 'unquantified' ? SET_BY_DEPARTMENT : formatInterval(a.amount);
  return { assume: opts.short ? shortAssumption(a.assume) : a.assume, figure };
}

/** '「甲」为“是”' or '「级别」为“5A 级”' → '为“是”', '为“5A 级”'; several facts or an either-or area stay whole. */
function shortAssumption(assume: string): string {
  const one = /^「[^」]*」(为“[^”]*”)$/.exec(assume);
  return one ? one[1] : assume;
}

/** Is there an amount in this interval? */
export function hasAmount(total: Interval): boolean {
  return !isZeroYuan(total.max);
}

/** An item to claim whose amount the department sets (（二十）): counted, though no figure adds to the total. */
export function setByDepartment(res: EvaluateResult): ItemResult[] {
  return res.items.filter((r) => groupOf(r) === 'eligible' && r.kind === 'unquantified');
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

/** The measure's label （八） for an item. */
export function measureLabel(r: ItemResult, catalog: Catalog = catalog2022): string {
  return catalog.measures[r.measureNumber - 1]?.label ?? `（${r.measureNumber}）`;
}

/** The question a profile path stands for: 'projects/m08.upgrade/0/investment' → '技术改造项目第 1 项：项目实际完成投资额'. */
export function pathLabel(path: string, catalog: Catalog = catalog2022): string {
  const found = pathFact(path, catalog);
  if (!found) return path;
  const label = found.def.label.replace(/？$/, '');
  if (!found.item?.repeat) return label;
  return `${found.item.repeat.noun}第 ${(found.index ?? 0) + 1} 项：${label}`;
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
