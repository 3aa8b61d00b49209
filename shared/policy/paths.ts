/**
 * Profile paths and DOM ids: the one place that spells them.
 *
 * A path names one answer in a profile, the way the schema (FieldIssue.field), the engine
 * (ItemResult.missing), the questionnaire and the detail page's calculator name it:
 *   'entity', 'sme', 'region/poverty', 'facts/m01.techCenter', 'projects/m08.upgrade/0/investment'.
 * A DOM id is the path made safe for selectors, behind a prefix per page ('q' questionnaire,
 * 'calc' calculator): 'q-projects-m08-upgrade-0-investment', 'calc-region-poverty'.
 *
 * No catalog import: the pages, the schema and the engine all load this.
 */
import type { Catalog, FactDef, Item } from './types';

/** Where a question is shown: the questionnaire ('q') or a measure's calculator ('calc'). */
export type DomScope = 'q' | 'calc';

/** The path of a fact that is not a project entry's: common facts by their place in the profile. */
export function factPath(factId: string): string {
  if (factId.startsWith('region.')) return `region/${factId.slice('region.'.length)}`;
  if (factId === 'sme' || factId === 'entity') return factId;
  return `facts/${factId}`;
}

/** The path of one entry's fact (entries counted from 0, in profile order). */
export function entryPath(itemId: string, index: number, factId: string): string {
  return `projects/${itemId}/${index}/${factId}`;
}

export interface PathParts {
  /** The fact id as the catalog spells it ('region.poverty', 'm01.techCenter', 'investment'). */
  factId: string;
  /** For an entry's fact: the item and the entry's position. */
  itemId?: string;
  index?: number;
}

/** factPath/entryPath read back; undefined for a path that names no single answer. */
export function readPath(path: string): PathParts | undefined {
  const parts = path.split('/');
  if (parts.length === 1 && (parts[0] === 'sme' || parts[0] === 'entity')) return { factId: parts[0] };
  if (parts.length === 2 && parts[0] === 'region' && parts[1]) return { factId: `region.${parts[1]}` };
  if (parts.length === 2 && parts[0] === 'facts' && parts[1]) return { factId: parts[1] };
  if (parts.length === 4 && parts[0] === 'projects' && /^\d+$/.test(parts[2]) && parts[3]) {
    return { factId: parts[3], itemId: parts[1], index: Number(parts[2]) };
  }
  return undefined;
}

/** The question a path stands for: its fact and, for an entry, the item. */
export function pathFact(path: string, catalog: Catalog): { def: FactDef; item?: Item; index?: number } | undefined {
  const p = readPath(path);
  if (!p) return undefined;
  if (p.itemId !== undefined) {
    for (const m of catalog.measures) {
      const item = m.items.find((i) => i.id === p.itemId);
      const def = item?.repeat?.facts.find((f) => f.id === p.factId);
      if (item && def) return { def, item, index: p.index };
    }
    return undefined;
  }
  const common = catalog.facts.find((f) => f.id === p.factId);
  if (common) return { def: common };
  for (const m of catalog.measures) {
    const def = m.facts.find((f) => f.id === p.factId);
    if (def) return { def };
  }
  return undefined;
}

/** The DOM id of a question (its block; the amount box is `${id}-input`, a chip `${id}-opt-${value}`). */
export function domId(path: string, scope: DomScope = 'q'): string {
  return `${scope}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
