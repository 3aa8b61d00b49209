/**
 * One entry (or a non-repeated item) under both answers of every unknown yes/no fact (runEntry, an
 * EntryOutcome): first with the favourable answer; only if something had to be assumed, again with
 * the unfavourable one. The result then needs information, ranges over both figures, and lists both
 * as alternatives, each saying what it assumed (sayAssumed).
 */
import type { CompiledCatalog, CompiledItem } from './compile';
import { ZERO, toYuanString, type Dec } from './decimal';
import type { Outcome } from './kinds/outcome';
import { FACTS_PREFIX } from './paths';
import { Scope } from './scope';
import type { Alternative, FactValue, Profile } from './types';

export interface EntryOutcome extends Outcome {
  missing: string[];
  /** Figures under the favourable and unfavourable answers, when something was assumed, and what was assumed. */
  scenarios?: { opt: Outcome; pess: Outcome; assumed: string[]; parts: AssumptionPart[] };
}

/** One thing assumed, in words for each answer; `entry`: it is about this project (not the enterprise or its region). */
export interface AssumptionPart {
  yes: string;
  no: string;
  entry: boolean;
}

/**
 * What was assumed, in the alternatives' words: flags assumed one by one say 为“是”/为“否” together
 * (the project's own, then the enterprise's); an either-or (脱贫地区或革命老区) says itself.
 */
function assumptionParts(s: Scope, label: (path: string) => string): AssumptionPart[] {
  const grouped = new Set(s.eitherOr.flatMap((g) => g.paths));
  const single = s.assumed.filter((p) => !grouped.has(p));
  const own = single.filter((p) => p.startsWith(s.prefix) && s.prefix !== FACTS_PREFIX);
  const common = single.filter((p) => !own.includes(p));
  const parts: AssumptionPart[] = [];
  for (const [paths, entry] of [[own, true], [common, false]] as const) {
    if (paths.length === 0) continue;
    const names = paths.map(label).join('、');
    parts.push({ yes: `${names}为“是”`, no: `${names}为“否”`, entry });
  }
  for (const g of s.eitherOr) parts.push({ yes: g.yes, no: g.no, entry: false });
  return parts;
}

/** The parts for one answer, as an alternative says them: '「甲」为“是”，且项目位于脱贫地区或革命老区'. */
export function sayAssumed(parts: readonly Pick<AssumptionPart, 'yes' | 'no'>[], answer: 'yes' | 'no'): string {
  return parts.map((p) => p[answer]).join('，且');
}

const NONE: string[] = [];

export function runEntry(
  cc: CompiledCatalog,
  ci: CompiledItem,
  profile: Profile,
  values: Record<string, FactValue> | undefined,
  prefix: string,
  explain = true,
): EntryOutcome {
  const { rule } = ci;
  const s1 = new Scope(profile, values, ci.defs, cc.unitShift, prefix, 'opt', explain);
  const opt = rule.evaluate(ci, s1);
  if (s1.assumed.length === 0 || opt.status === 'ineligible') {
    const out = opt as EntryOutcome;
    out.missing = opt.status === 'needsInfo' ? s1.missing : NONE;
    return out;
  }
  const s2 = new Scope(profile, values, ci.defs, cc.unitShift, prefix, 'pess', explain);
  const pess = rule.evaluate(ci, s2);
  // The first run's assumed and missing facts are distinct (Scope notes each path once); the second run adds its own.
  const missing = s1.assumed.concat(s1.missing);
  for (const p of s2.missing) if (!missing.includes(p)) missing.push(p);
  const label = (p: string) => `「${s1.labels.get(p)!.replace(/？$/, '')}」`;
  const labels = s1.assumed.map(label).join('、');
  const parts = assumptionParts(s1, label);
  // One fact assumed: the card's short form names only the answer (its question is in the why line).
  const one = s1.assumed.length === 1 && s1.eitherOr.length === 0;
  const pessMin = pess.status === 'ineligible' ? ZERO : pess.min;
  return {
    status: 'needsInfo',
    reasonCode: 'missing',
    reason: `需要确认：${labels}`,
    amountKind: opt.amountKind,
    min: pessMin,
    max: opt.max,
    open: opt.open,
    stages: opt.stages,
    hints: pess.hints.length === 0 ? opt.hints : opt.hints.concat(pess.hints),
    missing,
    alternatives: [
      alternative(sayAssumed(parts, 'yes'), one ? '为“是”' : undefined, opt.min, opt.max, opt.status),
      alternative(sayAssumed(parts, 'no'), one ? '为“否”' : undefined, pessMin, pess.max, pess.status),
    ],
    scenarios: { opt, pess, assumed: s1.assumed, parts },
  };
}

function alternative(assume: string, short: string | undefined, min: Dec, max: Dec, status: Alternative['status']): Alternative {
  const amount = { min: toYuanString(min), max: toYuanString(max) };
  return short === undefined ? { assume, amount, status } : { assume, short, amount, status };
}
