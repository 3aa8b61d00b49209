/**
 * The one way to read an EvaluateResult — for the results page, the detail page's calculator, the
 * CLI's report, share texts and posters: which group an item is in (a GroupId: groupOf,
 * groupResults, titled by GROUP_TITLES; isMoney, and whose), its status, figure and amount-kind words
 * (STATUS_TEXT with INELIGIBLE, AMOUNT_KIND_LABEL, figureText, figureInGroup, measureLabel, whyText,
 * pathLabel for an answer still missing), its alternatives (alternativeLine), the zero test
 * (hasAmount), the summary (summarize, a ResultSummary, the total as wanRange), the items whose
 * figure a department sets (setByDepartment). resultFromCloud and sameResult read the calculate
 * function's reply against the device's. Formatting only — every amount is the engine's; nothing
 * here adds, multiplies or rounds money.
 */
import { isMoneyAmountKind, catalog2022, isZeroYuan, formatInterval, formatMoney, toWanText, pathFact, stableJson, type Alternative, type AmountKind, type Catalog, type EvaluateResult, type Interval, type ItemResult, type Stage, type Status } from '../engine';

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

/**
 * The one word for an item the answers do not qualify for: the results page's group heading
 * (不符合（N 项）), the calculator's badge, an alternative's figure and the 测算单's count of what it
 * leaves out. The results page, which everyone who answers sees, always said 不符合; the calculator's
 * badge and the sheet had put 暂 before it (issue 23).
 */
export const INELIGIBLE = '不符合';

export const GROUP_TITLES: Record<GroupId, string> = {
  eligible: '可申请',
  people: '本企业工匠个人可获',
  needsInfo: '需要补充信息',
  nearMiss: '差一点',
  nonMonetary: '非资金支持',
  ineligible: INELIGIBLE,
  notForYou: '未涉及',
};

/** Money is promised (a figure, a range, a saving, or an amount the department sets); only nonMonetary is not. */
export function isMoney(r: ItemResult): boolean {
  return isMoneyAmountKind(r.amountKind);
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
  ineligible: INELIGIBLE,
  notForYou: '未填写',
};

/** The amount kinds' words the cards, the CLI and the result sheet show: 精确 / 至少 / 最高 / 减免 / 待核定. */
export const AMOUNT_KIND_LABEL: Record<AmountKind, string> = {
  exact: '精确',
  atLeast: '至少',
  upTo: '最高',
  saving: '减免',
  nonMonetary: '非资金',
  unquantified: '待核定',
};

/** Where the clause promises money without a standard, the department sets the amount. */
const SET_BY_DEPARTMENT = '金额待核定';

/**
 * An item the measure's yearly cap leaves nothing for (（三）单个企业…每年奖励资金不超过 50万元, used
 * up by the items before it): '本年度上限 50万元 已用完', the cap from the measure's record; else undefined.
 * A screening run (evaluate's explain: false) has no working to show it: there, an item to claim at
 * 0元 in a measure with a yearly cap is that item (issue 27, item 3: the result sheet said 0元（精确）).
 */
export function capUsedUp(r: ItemResult, catalog: Catalog = catalog2022): string | undefined {
  if (!isZeroYuan(r.amount.max)) return undefined
  if (r.stages.length === 0) {
    if (r.status !== 'eligible') return undefined
  } else {
    const capStage = r.stages.findIndex((s) => s.step === 'groupCap' && s.value !== undefined && isZeroYuan(s.value))
    if (capStage < 0 || !r.stages.slice(0, capStage).some((s) => s.value !== undefined && !isZeroYuan(s.value))) return undefined
  }
  const measure = catalog.measures[r.measureNumber - 1]
  const item = measure?.items.find((i) => i.id === r.id)
  const group = item && 'group' in item ? item.group : undefined
  const cap = measure?.groups?.find((g) => g.id === group)
  return cap ? `本年度上限 ${cap.amount} 已用完` : undefined
}

/** The figure of one item, as text: '500万元', '至少 60万元，最高 300万元', '最高 300万元', '少缴 12万元', '金额待核定', '用地支持', '本年度上限 50万元 已用完'. */
export function figureText(r: ItemResult, catalog: Catalog = catalog2022): string {
  const a = r.amount;
  const usedUp = capUsedUp(r, catalog);
  if (usedUp) return usedUp;
  switch (r.amountKind) {
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
      // No upper bound until an amount is given (（七） with the number of craftsmen 不确定): never '0元 起'.
      if (r.open) return isZeroYuan(a.min) ? '填写后算出' : `${formatMoney(a.min)} 起`;
      return formatInterval(a);
  }
}

/** What a card in a group shows as figure and amount label (the amount kind's word, or 待确认): nothing for what is not (yet) due — a "0元" would only confuse. */
export function figureInGroup(r: ItemResult, group: GroupId): { figure: string; amountLabel: string } {
  if (group === 'ineligible' || group === 'nearMiss' || group === 'notForYou') return { figure: '', amountLabel: '' };
  const figure = figureText(r);
  if (group === 'needsInfo') return { figure, amountLabel: '待确认' };
  // An amount kind's word only where the figure does not already say it (never '最高 2000万元 [最高]'; '金额待核定'
  // says 待核定) and not beside a cap used up (issue 22).
  const word = r.amountKind === 'unquantified' || capUsedUp(r) ? '' : AMOUNT_KIND_LABEL[r.amountKind];
  return { figure, amountLabel: figure.includes(word) ? '' : word };
}

/**
 * One alternative of an unsure answer as a line: '若项目位于脱贫地区或革命老区' → '240万元'. With
 * `short`, one assumed fact is said by its answer alone ('为“是”'): the why line above already names it.
 */
export function alternativeLine(r: ItemResult, a: Alternative, opts: { short?: boolean } = {}): { assume: string; figure: string } {
  const figure = a.status === 'ineligible' ? INELIGIBLE : r.amountKind === 'unquantified' ? SET_BY_DEPARTMENT : formatInterval(a.amount);
  return { assume: (opts.short && a.short) || a.assume, figure };
}

/** Is there an amount in this interval? */
export function hasAmount(total: Interval): boolean {
  return !isZeroYuan(total.max);
}

/** An item to claim whose amount the department sets (（二十）): counted, though no figure adds to the total. */
export function setByDepartment(res: EvaluateResult): ItemResult[] {
  return res.items.filter((r) => groupOf(r) === 'eligible' && r.amountKind === 'unquantified');
}

export type SummaryLineId = 'set-by-department' | 'people' | 'savings' | 'pending';

/** What the result comes to, in the words the results page, the calculator and the CLI all show. */
export interface ResultSummary {
  /** '你可以申请' (with `totalWan`), '你有 2 个可申请事项' (nothing to add up), or '暂未算出可直接申请的资金'. */
  lead: string;
  /** The enterprise's (or park's) total in 万元, '500–2500', when it has one. */
  totalWan?: string;
  /** '涉及 3 条措施、3 个可申请事项': what the 可申请 group holds. */
  covers: string;
  /** The figures beside the total, each apart from it: 金额待核定, the craftsmen's, fees not paid, what answers could add. */
  lines: { id: SummaryLineId; text: string }[];
}

export function summarize(res: EvaluateResult): ResultSummary {
  const claimable = res.items.filter((r) => groupOf(r) === 'eligible');
  const measures = new Set(claimable.map((r) => r.measure)).size;
  const covers = `涉及 ${measures} 条措施、${claimable.length} 个可申请事项`;
  const lines: ResultSummary['lines'] = [];
  const toBeSet = setByDepartment(res).length;
  if (toBeSet > 0) lines.push({ id: 'set-by-department', text: `${toBeSet} 项${SET_BY_DEPARTMENT}（清单未给出标准，由主管部门核定），未计入合计` });
  if (hasAmount(res.peopleTotal)) lines.push({ id: 'people', text: `${GROUP_TITLES.people} ${formatInterval(res.peopleTotal)}（发给个人，不计入企业合计）` });
  if (hasAmount(res.savings)) lines.push({ id: 'savings', text: `另可少缴费用 ${formatInterval(res.savings)}` });
  if (hasAmount(res.pending)) lines.push({ id: 'pending', text: `补充信息后可能再增加 ${formatInterval(res.pending)}` });
  if (hasAmount(res.total)) return { lead: '你可以申请', totalWan: wanRange(res.total), covers, lines };
  if (claimable.length > 0) return { lead: `你有 ${claimable.length} 个可申请事项`, covers: `涉及 ${measures} 条措施`, lines };
  return { lead: '暂未算出可直接申请的资金', covers: '可以看看下面需要补充的信息、差一点的事项和非资金支持。', lines };
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
  if (amount?.step === 'amount' && r.amountKind === 'exact' && amount.quote) return amount.quote;
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

/**
 * The calculate function's reply read as this engine's result. A function deployed before issue 23
 * sent each item's amount kind as `kind` (now `amountKind`); such a reply reads as the same result,
 * so a page released before the functions are redeployed still confirms and shows it.
 */
export function resultFromCloud(reply: EvaluateResult): EvaluateResult {
  if (reply.items.every((r) => r.amountKind !== undefined)) return reply;
  const items = reply.items.map((r) => {
    if (r.amountKind !== undefined) return r;
    const { kind, ...rest } = r as unknown as Omit<ItemResult, 'amountKind'> & { kind: AmountKind };
    return { ...rest, amountKind: kind };
  });
  return { ...reply, items };
}

/** Do two results say the same thing (key order aside)? The cloud's answer is compared with the device's. */
export function sameResult(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}
