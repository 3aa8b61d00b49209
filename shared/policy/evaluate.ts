/**
 * evaluate(profile): every item of every measure, with status, amount interval, kind and the working.
 * Amounts stay exact Decimals until toItemResult / the totals, where each is rounded once (0.01 元).
 */
import { AWARD_KINDS } from './amount-kind';
import { catalog2022 } from './catalog';
import { compileCatalog } from './compile';
import { Dec, ZERO, isZeroYuan, toYuanString } from './decimal';
import { applyGroupCaps } from './group-caps';
import { constantFor, evaluateItem, toItemResult, type WorkingItem } from './item';
import type { Catalog, EvaluateResult, Interval, ItemResult, Profile, Status } from './types';

function interval(min: Dec, max: Dec): Interval {
  return { min: toYuanString(min), max: toYuanString(max) };
}

/** Measures with at least one answered fact or entry (fact ids and item ids start with the measure id). */
function measuresTouched(profile: Profile): Set<string> {
  const ids = new Set<string>();
  for (const k in profile.facts) ids.add(k.slice(0, k.indexOf('.')));
  for (const k in profile.projects) if (profile.projects[k]?.length) ids.add(k.slice(0, k.indexOf('.')));
  return ids;
}

export function evaluate(profile: Profile, catalog: Catalog = catalog2022): EvaluateResult {
  const cc = compileCatalog(catalog);
  const items: ItemResult[] = [];
  const touched = measuresTouched(profile);
  for (const cm of cc.measures) {
    // A measure the profile says nothing about: every item is a shared constant result.
    if (!touched.has(cm.measure.id)) {
      for (const ci of cm.items) items.push(constantFor(cc, ci, profile)!);
      continue;
    }
    // Items the profile answers are computed; the rest are shared constant results.
    let working: WorkingItem[] | undefined;
    const slots: (ItemResult | WorkingItem)[] = cm.items.map((ci) => {
      const c = constantFor(cc, ci, profile);
      if (c) return c;
      const w = evaluateItem(cc, ci, profile);
      (working ??= []).push(w);
      return w;
    });
    if (working && cm.measure.groups) applyGroupCaps(working);
    for (const slot of slots) items.push('ci' in slot ? toItemResult(slot) : slot);
  }

  // Totals add the items' output figures (each rounded once), so the items shown add up to the total.
  // Awards paid to people (（七） 工匠) are theirs: added on their own, never into the enterprise's total.
  let totalMin = ZERO, totalMax = ZERO, peopleMin = ZERO, peopleMax = ZERO;
  let saveMin = ZERO, saveMax = ZERO, pendMin = ZERO, pendMax = ZERO;
  const counts: Record<Status, number> = { eligible: 0, ineligible: 0, needsInfo: 0, notForYou: 0 };
  const covered = new Set<string>();
  for (const r of items) {
    counts[r.status] += 1;
    if (isZeroYuan(r.amount.max)) continue;
    const min = new Dec(r.amount.min);
    const max = new Dec(r.amount.max);
    if (r.status === 'eligible' && AWARD_KINDS.has(r.kind)) {
      if (r.paidToPerson) {
        peopleMin = peopleMin.plus(min);
        peopleMax = peopleMax.plus(max);
      } else {
        totalMin = totalMin.plus(min);
        totalMax = totalMax.plus(max);
        covered.add(r.measure);
      }
    } else if (r.status === 'eligible' && r.kind === 'saving') {
      saveMin = saveMin.plus(min);
      saveMax = saveMax.plus(max);
    } else if (r.status === 'needsInfo' && !r.paidToPerson && (AWARD_KINDS.has(r.kind) || r.kind === 'saving')) {
      pendMin = pendMin.plus(min);
      pendMax = pendMax.plus(max);
    }
  }
  return {
    catalog: { id: catalog.id, title: catalog.title, year: catalog.year, issuer: catalog.issuer },
    items,
    total: interval(totalMin, totalMax),
    peopleTotal: interval(peopleMin, peopleMax),
    savings: interval(saveMin, saveMax),
    pending: interval(pendMin, pendMax),
    counts,
    measuresCovered: covered.size,
  };
}
