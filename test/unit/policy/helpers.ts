/** Small helpers for the engine's table tests. Amounts in tests are written in 万元 for readability. */
import { evaluate, type ItemResult, type Profile, Dec } from '../../../shared/policy/engine';

export type Facts = Record<string, boolean | 'unknown' | number | string>;

export function enterprise(extra: Partial<Profile> = {}): Profile {
  return { version: 1, entity: 'enterprise', ...extra };
}

export function park(extra: Partial<Profile> = {}): Profile {
  return { version: 1, entity: 'park', ...extra };
}

/** A profile with entries of one repeated item. */
export function withProjects(itemId: string, entries: Facts[], extra: Partial<Profile> = {}): Profile {
  return enterprise({ ...extra, projects: { [itemId]: entries.map((facts) => ({ facts })) } });
}

export function item(profile: Profile, id: string): ItemResult {
  const r = evaluate(profile).items.find((i) => i.id === id);
  if (!r) throw new Error(`no item ${id}`);
  return r;
}

/** 万元 → the engine's yuan string: wan(500) === '5000000.00'. */
export function wan(x: number | string): string {
  return new Dec(x).times(10000).toFixed(2);
}
