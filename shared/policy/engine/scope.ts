/**
 * Where an item reads its facts (Scope): the profile's top level (entity, sme, region), its `facts`,
 * or one project entry. A yes/no fact that is unknown or unanswered is assumed favourable ('opt') or
 * not ('pess'); the scope records each assumption so the result can show both figures. A screening
 * run's scopes give out NO_STAGES, one shared empty list of stages.
 */
import { COMMON_FACTS } from './catalog/common-facts';
import { readShifted, shifted, type Dec } from './decimal';
import { formatInUnit } from './format';
import { factPath, isCommonFact } from './paths';
import type { FactDef, FactValue, Profile, Stage } from './types';

/** The stages of a screening run: none (shared, frozen, so a stray push fails loudly). */
export const NO_STAGES: Stage[] = Object.freeze([]) as unknown as Stage[];

/** Labels of the facts kept at the profile's top level (sme, region), as the questionnaire asks them. */
const COMMON_LABELS: Record<string, string> = Object.fromEntries(COMMON_FACTS.map((f) => [f.id, f.label.replace(/？$/, '')]));

export type Mode = 'opt' | 'pess';

/** Nothing assumed or missing: one shared list (frozen) until the first note, as most scopes note nothing. */
const NOTHING: string[] = Object.freeze([]) as unknown as string[];

export class Scope {
  /** Flags that were unknown or unanswered and were assumed according to `mode` (written only by `note`). */
  assumed: string[] = NOTHING;
  /** Amounts or choices that were unknown or unanswered (written only by `note`). */
  missing: string[] = NOTHING;
  /**
   * Flags assumed together because one 是 among them suffices (脱贫地区 or 革命老区), with the words
   * for both answers: the alternatives name the either-or, not each flag.
   */
  get eitherOr(): { paths: string[]; yes: string; no: string }[] {
    return (this.eitherOrList ??= []);
  }
  private eitherOrList?: { paths: string[]; yes: string; no: string }[];
  /** Question label by path, for every assumed or missing fact (created on first use: most scopes need none). */
  private labelMap?: Map<string, string>;

  get labels(): Map<string, string> {
    return (this.labelMap ??= new Map());
  }

  constructor(
    readonly profile: Profile,
    /** profile.facts, or the entry's facts. */
    readonly values: Record<string, FactValue> | undefined,
    readonly defs: Map<string, FactDef>,
    readonly unitShift: Map<string, number>,
    /** 'facts/' or 'projects/m08.upgrade/0/' */
    readonly prefix: string,
    readonly mode: Mode,
    /**
     * Build the working (stages' texts)? A screening run (evaluate's `explain: false`) asks only
     * for statuses, figures, reasons and hints; the working is built when one result is shown.
     */
    readonly explain: boolean = true,
  ) {}

  /** A list for the working's stages; a screening run builds none, so it gets the one shared empty list (frozen). */
  stages(): Stage[] {
    return this.explain ? [] : NO_STAGES;
  }

  raw(id: string): FactValue | undefined {
    switch (id) {
      case 'region.poverty':
        return this.profile.region?.poverty;
      case 'region.oldRevolutionary':
        return this.profile.region?.oldRevolutionary;
      case 'sme':
        return this.profile.sme;
      default:
        return this.values?.[id];
    }
  }

  /** The path of a fact in the profile, used to name missing facts: 'facts/m01.techCenter', 'region/poverty'. */
  path(id: string): string {
    // Common facts live at the top of the profile, wherever the item reads them from.
    return isCommonFact(id) ? factPath(id) : this.prefix + id;
  }

  label(id: string): string {
    return this.defs.get(id)?.label ?? COMMON_LABELS[id] ?? id;
  }

  /** A yes/no fact. Unknown or unanswered: assumed by mode, and recorded. */
  flag(id: string): boolean {
    const v = this.raw(id);
    if (v === true || v === false) return v;
    this.note('assumed', id);
    return this.mode === 'opt';
  }

  /**
   * Is any of these flags 是? A known 是 settles it; all known 否 is false; otherwise the unknown ones
   * are assumed by mode, together, as one either-or, said by `words` for the unknown ones only (an area
   * already answered 否 is not named).
   */
  anyFlag(ids: string[], words: (unknown: string[]) => { yes: string; no: string }): boolean {
    if (ids.some((id) => this.raw(id) === true)) return true;
    const unknown = ids.filter((id) => !this.isKnown(id));
    if (unknown.length === 0) return false;
    for (const id of unknown) this.note('assumed', id);
    this.eitherOr.push({ paths: unknown.map((id) => this.path(id)), ...words(unknown) });
    return this.mode === 'opt';
  }

  /** Was this flag assumed rather than answered? */
  isKnown(id: string): boolean {
    const v = this.raw(id);
    return v === true || v === false;
  }

  /** An amount in its dimension's base unit (元, 吨…), or undefined when unknown or unanswered (recorded). */
  amount(id: string): Dec | undefined {
    const v = this.raw(id);
    if (typeof v === 'number' || (typeof v === 'string' && v !== 'unknown')) {
      return readShifted(v, this.shiftOf(id));
    }
    this.note('missing', id);
    return undefined;
  }

  private note(list: 'assumed' | 'missing', id: string): void {
    const path = this.path(id);
    if (!this.labels.has(path)) {
      if (this[list] === NOTHING) this[list] = [];
      this[list].push(path);
      this.labels.set(path, this.label(id));
    }
  }

  /** The unit an amount fact is typed in. */
  unit(id: string): string {
    const def = this.defs.get(id);
    return def && def.type === 'amount' ? def.unit : '';
  }

  /** From the unit an amount fact is typed in to its base unit, as a power of ten. */
  private shiftOf(id: string): number {
    return this.unitShift.get(this.unit(id)) ?? 0;
  }

  /** A base-unit value of an amount fact in the fact's own unit: 15000000 (元) of a 万元 fact → 1500. */
  inUnit(id: string, value: Dec): Dec {
    return shifted(value, -this.shiftOf(id));
  }

  /** The same, as it would be typed: '1500万元'. */
  typed(id: string, value: Dec): string {
    return formatInUnit(this.inUnit(id, value), this.unit(id));
  }

  choice(id: string): string | undefined {
    const v = this.raw(id);
    if (typeof v === 'string' && v !== 'unknown') return v;
    this.note('missing', id);
    return undefined;
  }
}
