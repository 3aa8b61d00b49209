/**
 * Measure ids and titles for the cloud functions (deadlines must name a measure of the catalog):
 * allMeasures and measureInfo. Imports the catalog module itself, not the engine: the bundle holds
 * the clauses but no calculator.
 */
import { catalog2022 } from '../policy/engine';

export interface MeasureInfo {
  id: string;
  /** '（一）' */
  label: string;
  title: string;
  /** The measure's items in catalog order ('m08.smart-factory', 智能工厂、数字化车间项目补助): what a deadline batch may name. */
  items: { id: string; title: string }[];
}

const BY_ID: ReadonlyMap<string, MeasureInfo> = new Map(
  catalog2022.measures.map((m) => [m.id, { id: m.id, label: m.label, title: m.title, items: m.items.map((i) => ({ id: i.id, title: i.title })) }]),
);

export function measureInfo(id: unknown): MeasureInfo | null {
  return typeof id === 'string' ? (BY_ID.get(id) ?? null) : null;
}

export function allMeasures(): MeasureInfo[] {
  return [...BY_ID.values()];
}
