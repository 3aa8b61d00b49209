/**
 * One entry (or a non-repeated item) under both answers of every unknown yes/no fact: first with the
 * favourable answer; only if something had to be assumed, again with the unfavourable one. The
 * result then needs information, ranges over both figures, and lists both as alternatives.
 */
import type { CompiledCatalog, CompiledItem } from './compile';
import { ZERO, toYuanString } from './decimal';
import type { Outcome } from './kinds/outcome';
import { Scope } from './scope';
import type { FactValue, Profile } from './types';

export interface EntryOutcome extends Outcome {
  missing: string[];
  /** Figures under the favourable and unfavourable answers, when something was assumed. */
  scenarios?: { opt: Outcome; pess: Outcome; assumed: string[] };
}

const NONE: string[] = [];

export function runEntry(
  cc: CompiledCatalog,
  ci: CompiledItem,
  profile: Profile,
  values: Record<string, FactValue> | undefined,
  prefix: string,
): EntryOutcome {
  const { kind } = ci;
  const s1 = new Scope(profile, values, ci.defs, cc.unitFactor, prefix, 'opt');
  const opt = kind.evaluate(ci, s1);
  if (s1.assumed.length === 0 || opt.status === 'ineligible') {
    const out = opt as EntryOutcome;
    out.missing = opt.status === 'needsInfo' ? s1.missing : NONE;
    return out;
  }
  const s2 = new Scope(profile, values, ci.defs, cc.unitFactor, prefix, 'pess');
  const pess = kind.evaluate(ci, s2);
  const missing = [...new Set([...s1.assumed, ...s1.missing, ...s2.missing])];
  const label = (p: string) => `「${s1.labels.get(p)!.replace(/？$/, '')}」`;
  const labels = s1.assumed.map(label).join('、');
  // Flags assumed one by one say 为“是”/为“否” together; an either-or (脱贫地区或革命老区) says itself.
  const grouped = new Set(s1.eitherOr.flatMap((g) => g.paths));
  const single = s1.assumed.filter((p) => !grouped.has(p)).map(label).join('、');
  const assume = (answer: 'yes' | 'no') =>
    [single && `${single}${answer === 'yes' ? '为“是”' : '为“否”'}`, ...s1.eitherOr.map((g) => g[answer])].filter(Boolean).join('，且');
  const pessMin = pess.status === 'ineligible' ? ZERO : pess.min;
  return {
    ...opt,
    status: 'needsInfo',
    reasonCode: 'missing',
    reason: `需要确认：${labels}`,
    min: pessMin,
    max: opt.max,
    hints: [...opt.hints, ...pess.hints],
    missing,
    alternatives: [
      { assume: assume('yes'), amount: { min: toYuanString(opt.min), max: toYuanString(opt.max) }, status: opt.status },
      { assume: assume('no'), amount: { min: toYuanString(pessMin), max: toYuanString(pess.max) }, status: pess.status },
    ],
    scenarios: { opt, pess, assumed: s1.assumed },
  };
}
