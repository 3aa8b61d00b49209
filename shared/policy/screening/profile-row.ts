/**
 * A profile → one row of the screening table (profileRow, its cells CellValue), in the words a
 * person types (是 / 否 / 不确定, an option's label, a number in the column's unit): the reverse of
 * row-profile.ts, so a profile written as a row reads back as the same profile. slotsNeeded says
 * how many project slots a set of profiles fills. The tests write the personas this way, and the
 * benchmark's generated registers are written this way.
 */
import { regionKey, type FactDef, type FactValue, type Profile } from '../engine';
import type { Column } from './columns';

/** A cell to write: text, or a number (an .xlsx stores amounts as numbers, as Excel does when one is typed). */
export type CellValue = string | number;

function flagWord(v: FactValue): string {
  return v === true ? '是' : v === false ? '否' : v === 'unknown' ? '不确定' : String(v);
}

/** An amount as a number cell when the number is the same text read back, else as text. */
function amountCell(v: FactValue, numbers: boolean): CellValue {
  if (v === 'unknown') return '不确定';
  if (typeof v === 'number') return numbers ? v : String(v);
  const s = String(v);
  return numbers && /^\d+(\.\d+)?$/.test(s) && String(Number(s)) === s ? Number(s) : s;
}

function factCell(def: FactDef, v: FactValue | undefined, numbers: boolean): CellValue {
  if (v === undefined) return '';
  switch (def.type) {
    case 'flag':
      return flagWord(v);
    case 'choice':
      return v === 'unknown' ? '不确定' : (def.options.find((o) => o.value === v)?.label ?? String(v));
    case 'amount':
      return amountCell(v, numbers);
  }
}

/** The most projects any repeated item of these profiles has: the slots a table of them needs. */
export function slotsNeeded(profiles: Iterable<Profile>): number {
  let n = 0;
  for (const p of profiles) for (const list of Object.values(p.projects ?? {})) n = Math.max(n, list.length);
  return n;
}

/**
 * One row's cells, column by column. `numbers`: amounts as number cells (for .xlsx). A profile's
 * topics and project names have no column (a register has no chosen topics; a project is its slot).
 */
export function profileRow(name: string, profile: Profile, columns: Column[], opts: { numbers?: boolean } = {}): CellValue[] {
  const numbers = opts.numbers ?? false;
  const region = (profile.region ?? {}) as Record<string, FactValue | undefined>;
  return columns.map((c): CellValue => {
    const t = c.target;
    switch (t.to) {
      case 'name':
        return name;
      case 'entity':
        return t.def.options.find((o) => o.value === profile.entity)?.label ?? profile.entity;
      case 'place':
        return String(region[t.key] ?? '');
      case 'common': {
        const key = regionKey(t.def.id);
        return factCell(t.def, key ? region[key] : profile.sme, numbers);
      }
      case 'fact':
        return factCell(t.def, profile.facts?.[t.def.id], numbers);
      case 'entry': {
        const entry = profile.projects?.[t.item.id]?.[t.slot - 1];
        return entry ? factCell(t.def, entry.facts[t.def.id], numbers) : '';
      }
      case 'code':
        return ''; // a profile has no identity
    }
  });
}
