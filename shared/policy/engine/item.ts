/**
 * One catalog item for one profile (evaluateItem, a WorkingItem): who it is for, whether it was
 * claimed, each entry through its formula (with scenarios), then the entries summed; settle rounds
 * its figures once into what the result shows (Settled). Items that read no answer are settled once
 * per catalog (constantFor).
 */
import { addresseeOf } from './audience';
import { entityName } from './catalog/common-facts';
import type { CompiledCatalog, CompiledItem } from './compile';
import { Dec, ZERO, toYuan, toYuanString } from './decimal';
import { formatMoney } from './format';
import { FACTS_PREFIX, entryPrefix } from './paths';
import { runEntry, sayAssumed, type EntryOutcome } from './scenarios';
import { FigureSum } from './tally';
import { NO_STAGES } from './scope';
import type { Alternative, AmountKind, Hint, ItemResult, Profile, ReasonCode, Stage, Status } from './types';

/** Internal result: amounts still Decimals, so group caps and totals add without rounding. */
export interface WorkingItem {
  ci: CompiledItem;
  status: Status;
  reasonCode?: ReasonCode;
  reason?: string;
  missing: string[];
  amountKind: AmountKind;
  min: Dec;
  max: Dec;
  open: boolean;
  stages: Stage[];
  hints: ItemResult['hints'];
  alternatives: Alternative[];
  entries?: EntryFigures[];
}

/** One project's figures inside its item (rounded once, as its line shows them). */
interface EntryFigures {
  index: number;
  name?: string;
  status: Status;
  min: Dec;
  max: Dec;
}

function notForYou(ci: CompiledItem, code: ReasonCode, reason: string, amountKind: AmountKind): WorkingItem {
  return { ci, status: 'notForYou', reasonCode: code, reason, missing: [], amountKind, min: ZERO, max: ZERO, open: false, stages: [], hints: [], alternatives: [] };
}

function fromOutcome(ci: CompiledItem, o: EntryOutcome): WorkingItem {
  return {
    ci,
    status: o.status,
    reasonCode: o.reasonCode,
    reason: o.reason,
    missing: o.missing,
    amountKind: o.amountKind,
    min: o.min,
    max: o.max,
    open: o.open ?? false,
    stages: o.stages,
    hints: o.hints,
    alternatives: o.alternatives ?? [],
  };
}

/**
 * Results that depend on nothing but the entity — not for you, not answered, guidance without
 * questions — are built once per item and reused (frozen): they are most of the catalog for most
 * profiles, so a profile costs only the items it actually answers.
 */
export function constantFor(
  cc: CompiledCatalog,
  ci: CompiledItem,
  profile: Profile,
  /** Does the profile answer some fact the item reads (evaluate marks these in its one pass over the facts)? */
  answered: boolean = answersAny(ci.reads, profile.facts),
): Settled | undefined {
  const { item } = ci;
  if (!ci.forEntity[profile.entity]) {
    return cached(ci, profile.entity, 'audience', () => {
      return notForYou(ci, 'audience', `此项面向${entityName(addresseeOf(item.audience))}`, ci.rule.amountKind);
    });
  }
  if (item.repeat) {
    if (profile.projects?.[item.id]?.length) return undefined;
    return cached(ci, profile.entity, 'unanswered', () => notForYou(ci, 'unanswered', `未填写${item.repeat!.noun}`, ci.rule.amountKind));
  }
  if (ci.reads.length === 0) {
    // Support that asks nothing (funds, bonds, land…) is shown within the topics an enterprise chose.
    // A park's questionnaire has one topic, so every park item is in it.
    if (profile.entity === 'enterprise' && profile.topics && !profile.topics.includes(ci.measure.topic)) {
      return cached(ci, profile.entity, 'offTopic', () => notForYou(ci, 'unanswered', '未选择此主题', ci.rule.amountKind));
    }
    return cached(ci, profile.entity, 'static', () => fromOutcome(ci, runEntry(cc, ci, profile, undefined, FACTS_PREFIX)));
  }
  if (!answered) {
    return cached(ci, profile.entity, 'unanswered', () => notForYou(ci, 'unanswered', '未填写相关情况', ci.rule.amountKind));
  }
  return undefined;
}

function answersAny(ids: string[], facts: Profile['facts']): boolean {
  if (!facts) return false;
  for (const id of ids) if (facts[id] !== undefined) return true;
  return false;
}

type ConstantKey = 'audience' | 'unanswered' | 'static' | 'offTopic';
type ConstantSet = { [K in ConstantKey]?: Settled };
const constantResults = new WeakMap<CompiledItem, { enterprise: ConstantSet; park: ConstantSet }>();

function cached(ci: CompiledItem, entity: Profile['entity'], key: ConstantKey, make: () => WorkingItem): Settled {
  let byEntity = constantResults.get(ci);
  if (!byEntity) constantResults.set(ci, (byEntity = { enterprise: {}, park: {} }));
  const set = byEntity[entity];
  let settled = set[key];
  if (!settled) {
    settled = settle(make());
    deepFreeze(settled.result);
    set[key] = settled = Object.freeze(settled);
  }
  return settled;
}

/** Shared results are frozen: a caller that tries to change one fails loudly instead of corrupting the next result. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** An item the profile answers (constantFor returned nothing): each entry through its formula, then summed. */
export function evaluateItem(cc: CompiledCatalog, ci: CompiledItem, profile: Profile, explain = true): WorkingItem {
  const { item } = ci;
  if (!item.repeat) return fromOutcome(ci, runEntry(cc, ci, profile, profile.facts, FACTS_PREFIX, explain));
  const list = profile.projects![item.id]!;
  if (list.length === 1) {
    const w = fromOutcome(ci, runEntry(cc, ci, profile, list[0].facts, entryPrefix(item.id, 0), explain));
    // Stages and hints are fresh objects of this run: tag them in place.
    for (const st of w.stages) st.entry = 0;
    for (const h of w.hints) h.entry = 0;
    w.entries = [{ index: 0, name: list[0].name, status: w.status, min: w.min, max: w.max }];
    return w;
  }
  const outs: EntryOutcome[] = [];
  for (let i = 0; i < list.length; i++) outs.push(runEntry(cc, ci, profile, list[i].facts, entryPrefix(item.id, i), explain));
  return combineEntries(ci, outs, list, explain);
}

/**
 * Several projects of one item: each computed on its own (per-project caps), its figure rounded once
 * to 0.01 元 as it is shown, then the shown figures summed — so the working adds up (two projects of
 * 2000.006元 make 2000.01元 + 2000.01元 = 4000.02元, as their lines say). One pass over the projects
 * gathers what the item shows: a register's profiles come through here for every repeated item.
 */
function combineEntries(ci: CompiledItem, outs: EntryOutcome[], list: readonly { name?: string }[], explain: boolean): WorkingItem {
  const noun = ci.item.repeat!.noun;
  const sum = new FigureSum();
  // Projects that count (not ineligible): how many, the first, and whether any needs information.
  let counted = 0;
  let firstCounted: EntryOutcome | undefined;
  let firstUnsure: EntryOutcome | undefined;
  let atLeast = false;
  let open = false;
  let assumed = false;
  // Each project that needs something says which it is: '技术改造项目 2 需要确认：「…」'.
  const unsure: string[] = [];
  const stages: Stage[] = explain ? [] : NO_STAGES;
  const hints: Hint[] = [];
  const missing: string[] = [];
  const entries: EntryFigures[] = [];
  for (let i = 0; i < outs.length; i++) {
    const o = outs[i];
    o.min = toYuan(o.min);
    o.max = toYuan(o.max);
    if (o.scenarios) {
      assumed = true;
      const { opt, pess } = o.scenarios;
      opt.min = toYuan(opt.min);
      opt.max = toYuan(opt.max);
      pess.min = toYuan(pess.min);
      pess.max = toYuan(pess.max);
    }
    if (o.status !== 'ineligible') {
      counted += 1;
      firstCounted ??= o;
      sum.add(o.min, o.max);
      if (o.amountKind === 'atLeast') atLeast = true;
      if (o.status === 'needsInfo') {
        firstUnsure ??= o;
        if (o.reason) unsure.push(`${noun} ${i + 1} ${o.reason}`);
      }
    }
    if (explain) {
      for (const st of o.stages) {
        st.entry = i;
        stages.push(st);
      }
    }
    for (const h of o.hints) {
      h.entry = i;
      hints.push(h);
    }
    for (const p of o.missing) if (!missing.includes(p)) missing.push(p);
    if (o.open) open = true;
    entries.push({ index: i, name: list[i].name, status: o.status, min: o.min, max: o.max });
  }
  const { min, max } = sum;
  const status: Status = counted === 0 ? 'ineligible' : firstUnsure ? 'needsInfo' : 'eligible';
  if (explain && counted > 0) {
    const shown = outs.filter((o) => o.status !== 'ineligible').map((o) => formatMoney(o.max));
    stages.push({
      step: 'sum',
      label: '合计',
      text: `${counted} 个${noun}合计：${shown.join(' + ')} = ${formatMoney(max)}`,
      value: toYuanString(max),
    });
  }
  const first = status === 'ineligible' ? outs[0] : firstUnsure;
  // Several projects (combineEntries takes two or more): each unsure one says which it is.
  const reason = status === 'needsInfo' ? unsure.join('；') : first?.reason;
  let alternatives: Alternative[] = [];
  if (assumed) {
    // Sum each side over the entries; an entry without assumptions counts the same on both sides.
    const optSum = new FigureSum();
    const pesSum = new FigureSum();
    const optStatus: Status[] = [];
    const pesStatus: Status[] = [];
    for (const o of outs) {
      const opt = o.scenarios?.opt ?? o;
      const pes = o.scenarios?.pess ?? o;
      optStatus.push(opt.status);
      pesStatus.push(pes.status);
      if (opt.status !== 'ineligible') optSum.add(opt.min, opt.max);
      if (pes.status !== 'ineligible') pesSum.add(pes.min, pes.max);
    }
    // What each project assumed, named by the project when it is its own (a region is everyone's, said once).
    const parts = new Map<string, { yes: string; no: string }>();
    outs.forEach((o, i) => {
      for (const p of o.scenarios?.parts ?? []) {
        const by = p.entry ? `${noun} ${i + 1}：` : '';
        if (!parts.has(by + p.yes)) parts.set(by + p.yes, { yes: by + p.yes, no: by + p.no });
      }
    });
    const said = [...parts.values()];
    alternatives = [
      { assume: sayAssumed(said, 'yes'), amount: optSum.interval(), status: sumStatus(optStatus) },
      { assume: sayAssumed(said, 'no'), amount: pesSum.interval(), status: sumStatus(pesStatus) },
    ];
  }
  return {
    ci,
    status,
    reasonCode: first?.reasonCode,
    reason,
    missing,
    amountKind: atLeast ? 'atLeast' : (firstCounted ?? outs[0]).amountKind,
    min,
    max,
    open,
    stages,
    hints,
    alternatives,
    entries,
  };
}

/** Several projects' statuses as one: any counted one makes the item count; any unsure one makes it unsure. */
function sumStatus(list: Status[]): Status {
  const counted = list.filter((x) => x !== 'ineligible');
  if (counted.length === 0) return 'ineligible';
  return counted.includes('needsInfo') ? 'needsInfo' : 'eligible';
}

/** An item's result with its figures rounded once (0.01 元): the result shows them, the totals add them. */
export interface Settled {
  result: ItemResult;
  min: Dec;
  max: Dec;
}

export function settle(w: WorkingItem): Settled {
  const min = toYuan(w.min);
  const max = toYuan(w.max);
  return { result: toItemResult(w, min, max), min, max };
}

/** `min`, `max`: the item's figures already rounded (settle), so each is rounded once. */
function toItemResult(w: WorkingItem, min: Dec, max: Dec): ItemResult {
  const { item, measure } = w.ci;
  const minText = toYuanString(min);
  const maxText = max === min ? minText : toYuanString(max);
  // One project's figures are the item's own Decimals (and min is max for an exact amount): written once.
  const yuan = (d: Dec) => (d === min || d === w.min ? minText : d === max || d === w.max ? maxText : toYuanString(d));
  const r: ItemResult = {
    id: item.id,
    measure: measure.id,
    measureNumber: measure.number,
    title: item.title,
    itemKind: item.kind,
    status: w.status,
    missing: w.missing,
    amountKind: w.amountKind,
    amount: { min: minText, max: maxText },
    stages: w.stages,
    hints: w.hints,
    alternatives: w.alternatives,
  };
  if (w.reason) r.reason = w.reason;
  if (w.reasonCode) r.reasonCode = w.reasonCode;
  if (w.open) r.open = true;
  if (w.ci.paidToPerson) r.paidToPerson = true;
  if (w.entries) {
    r.entries = w.entries.map((e) => ({
      index: e.index,
      ...(e.name ? { name: e.name } : {}),
      status: e.status,
      amount: { min: yuan(e.min), max: yuan(e.max) },
    }));
  }
  return r;
}
