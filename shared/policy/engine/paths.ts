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
 *
 * Profile paths: factPath, entryPath and entryPrefix write them (FACTS_PREFIX, REGION_PATH, regionKey),
 * readPath and pathFact read one back, isCommonFact and stepOfPath say where it is asked. DOM ids:
 * idSafe, domId and entryListId, per DomScope.
 */
import type { Item } from './kinds';
import type { Catalog, FactDef } from './types';

/** Where a question is shown: the questionnaire ('q') or a measure's calculator ('calc'). */
export type DomScope = 'q' | 'calc';

/** Where measure facts live in a profile: their paths are `${FACTS_PREFIX}${factId}` ('facts/m01.techCenter'). */
export const FACTS_PREFIX = 'facts/';
/** Fact ids of the region flags start with it ('region.poverty'); the profile keeps them under `region`. */
const REGION_FACT = 'region.';
/** The path of the place and region flags (profile.region): 'region', and 'region/poverty' for a flag. */
export const REGION_PATH = 'region';
/** Facts kept at the top of a profile under their own id. */
const TOP_FACTS = ['entity', 'sme'];

/** The key of a region flag in profile.region ('region.poverty' → 'poverty'); undefined for any other fact. */
export function regionKey(factId: string): string | undefined {
  return factId.startsWith(REGION_FACT) ? factId.slice(REGION_FACT.length) : undefined;
}

/** Is this fact one of the profile's common facts (entity, sme, a region flag), kept outside facts/projects? */
export function isCommonFact(factId: string): boolean {
  return TOP_FACTS.includes(factId) || regionKey(factId) !== undefined;
}

/** The path of a fact that is not a project entry's: common facts by their place in the profile. */
export function factPath(factId: string): string {
  const region = regionKey(factId);
  if (region !== undefined) return `${REGION_PATH}/${region}`;
  if (TOP_FACTS.includes(factId)) return factId;
  return FACTS_PREFIX + factId;
}

/** Where one entry's facts live: 'projects/m08.upgrade/0/' (entries counted from 0, in profile order). */
export function entryPrefix(itemId: string, index: number): string {
  return `projects/${itemId}/${index}/`;
}

/** The path of one entry's fact (entries counted from 0, in profile order). */
export function entryPath(itemId: string, index: number, factId: string): string {
  return entryPrefix(itemId, index) + factId;
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
  if (parts.length === 1 && TOP_FACTS.includes(parts[0])) return { factId: parts[0] };
  if (parts.length === 2 && parts[0] === REGION_PATH && parts[1]) return { factId: REGION_FACT + parts[1] };
  if (parts.length === 2 && `${parts[0]}/` === FACTS_PREFIX && parts[1]) return { factId: parts[1] };
  if (parts.length === 4 && parts[0] === 'projects' && /^\d+$/.test(parts[2]) && parts[3]) {
    return { factId: parts[3], itemId: parts[1], index: Number(parts[2]) };
  }
  return undefined;
}

/**
 * Which questionnaire step asks what a path names (this path or anything under it): 'who' for the
 * entity, the SME answer and the region ('region', 'region/poverty'); 'questions' for measure facts
 * and entries ('facts/…', 'projects/…'); undefined for the rest ('topics', 'version', '').
 */
export function stepOfPath(path: string): 'who' | 'questions' | undefined {
  const head = path.split('/')[0];
  if (TOP_FACTS.includes(head) || head === REGION_PATH) return 'who';
  if (`${head}/` === FACTS_PREFIX || head === 'projects') return 'questions';
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

/** Text made safe for a DOM id and a selector: anything but letters, digits, '_' and '-' becomes '-'. */
export function idSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The DOM id of a question (its block; the amount box is `${id}-input`, a chip `${id}-opt-${value}`). */
export function domId(path: string, scope: DomScope = 'q'): string {
  return `${scope}-${idSafe(path)}`;
}

/**
 * The DOM id of an item's entry list: 'entries-m08-upgrade' in the questionnaire,
 * 'calc-entries-m08-upgrade' in a calculator (both pages can be on the H5 stack at once). An entry
 * is `${id}-${index}`, its name box `${id}-${index}-name`, its remove button `${id}-${index}-remove`,
 * the add button `${id}-add`.
 */
export function entryListId(itemId: string, scope: DomScope = 'q'): string {
  return `${scope === 'calc' ? 'calc-' : ''}entries-${idSafe(itemId)}`;
}
