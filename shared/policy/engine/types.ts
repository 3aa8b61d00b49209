/**
 * Types of the policy engine. The catalog (data) and the calculator (code) meet here:
 * a catalog item says *what* the clause grants, the calculator says *how* an item kind is computed
 * (each kind's record type is in its file under ./kinds).
 *
 * The catalog: a Catalog of Measure records, each item an ItemBase with its Figure values, Audience,
 * SupportForm, Condition list, Threshold (lowered per RegionFlag) and Cap; a TopicId groups measures.
 * The profile: a Profile of answers, each fact a FactDef (FlagFact, ChoiceFact, AmountFact) answered
 * with a FactValue (a yes/no is a Tri). The result: an EvaluateResult of ItemResult records, each
 * with its Status, ReasonCode, AmountKind and Interval, the Stage list of its working, and its Hint
 * and Alternative lines.
 */

import type { Item, ItemKind } from './kinds';

/** A figure exactly as the clause writes it, e.g. '500万元', '20%', '2000吨标准煤', '10亿元', '200元'. */
export type Figure = string;

/** Who a measure or item is for. */
export type Audience = 'enterprise' | 'park' | 'person' | 'project';

/** Questionnaire topics (step 2 of the questionnaire). */
export type TopicId =
  | 'platforms'
  | 'standards'
  | 'investment'
  | 'digital'
  | 'resources'
  | 'green'
  | 'pharma'
  | 'craftsmen'
  | 'landFees'
  | 'park';

/** The form of support a measure gives (支持方式: 补助, 奖励…), for browsing filters. */
export type SupportForm = '补助' | '奖励' | '贴息' | '减免' | '非资金支持';

// ---------------------------------------------------------------------------------------------
// Facts: what the engine needs to know. The questionnaire, the schema and the docs are derived
// from these definitions, so a fact is declared once.

export type Tri = true | false | 'unknown';

interface FactBase {
  /** Dotted id, e.g. 'm08.upgrade.investment' or 'region.poverty'. */
  id: string;
  /** The question, in Chinese, as the questionnaire asks it. */
  label: string;
  /** A short help line shown under the question. */
  help?: string;
}

export interface FlagFact extends FactBase {
  type: 'flag';
}
export interface AmountFact extends FactBase {
  type: 'amount';
  /** Unit the user types in: '万元', '元', '吨', '吨标准煤', '个', '人'. */
  unit: string;
  /** Largest accepted value, in `unit` (an input sanity bound, not a policy figure). */
  max: string;
  /** Whole numbers only (counts of standards or people). */
  integer?: boolean;
}
export interface ChoiceFact extends FactBase {
  type: 'choice';
  options: { value: string; label: string }[];
}
export type FactDef = FlagFact | AmountFact | ChoiceFact;
export type FactValue = boolean | 'unknown' | number | string;

// ---------------------------------------------------------------------------------------------
// Catalog records.

/** A threshold on a fact. `word` is the clause's own wording (以上/及以上/含 include the threshold). */
export interface Threshold {
  fact: string;
  min: Figure;
  /** The clause phrase that states it. */
  quote: string;
  word: '以上' | '及以上' | '含';
  /** A lower threshold where the project is in one of these areas (e.g. 脱贫地区、革命老区). */
  reduced?: { min: Figure; when: RegionFlag[]; quote: string; word: '以上' | '及以上' | '含' };
}

export type RegionFlag = 'poverty' | 'oldRevolutionary';

/** A condition the clause sets, asked as a yes/no fact. */
export interface Condition {
  fact: string;
  quote: string;
  /**
   * What the other answers already imply: only an answer 否 fails it, unanswered or 不确定 holds and
   * is not asked about again. （六）'s recognitions are 中小企业's: a 专精特新 recognition makes the
   * enterprise an SME, but one that answered it is not an SME has nothing to claim or be asked here.
   */
  presumed?: true;
}

export interface Cap {
  amount: Figure;
  quote: string;
  /** 'entry': each project/product/variety; 'enterprise': one enterprise (or park) per application. */
  per: 'entry' | 'enterprise';
}

/**
 * What every catalog record has, whatever its kind. Each kind's record type extends it in the kind's
 * file (kinds/fixed.ts: FixedItem …), and `Item` is the union of the registered kinds' records
 * (kinds/index.ts).
 */
export interface ItemBase {
  /** The item kind (ItemKind): which kind rule computes the record; each record type narrows it. */
  kind: string;
  /** Stable id, e.g. 'm08.upgrade'. The same name is used by data, formula, profile and tests. */
  id: string;
  /** Short title of the item, in Chinese. */
  title: string;
  /** The clause phrase (verbatim, a substring of the measure's clause) this item encodes. */
  quote: string;
  audience: Audience[];
  /** Yes/no conditions, all required. */
  conditions?: Condition[];
  /**
   * Several projects (or products, varieties) may be entered; each is computed on its own.
   * The entry facts have local ids ('investment'); conditions, base and threshold refer to them.
   */
  repeat?: { noun: string; facts: FactDef[] };
  /** An explanatory note on how an ambiguous phrase is read. */
  note?: string;
}

export interface CapGroup {
  id: string;
  amount: Figure;
  quote: string;
}

export interface Measure {
  /** 'm01' … 'm30'. */
  id: string;
  number: number;
  /** '（一）' … '（三十）' */
  label: string;
  section: number;
  title: string;
  /** The measure's whole clause, verbatim from the list. */
  clause: string;
  audience: Audience[];
  topic: TopicId;
  support: SupportForm[];
  /** Facts of the measure's non-repeated items (ids are global: 'm01.techCenter'). */
  facts: FactDef[];
  items: Item[];
  groups?: CapGroup[];
}

export interface Section {
  number: number;
  /** '一' … '五' */
  label: string;
  title: string;
}

export interface Catalog {
  id: string;
  title: string;
  year: number;
  issuer: string;
  issuerNote?: string;
  preamble: string;
  source: string;
  sections: Section[];
  /** Facts shared by many measures (entity, region). */
  facts: FactDef[];
  measures: Measure[];
}

// ---------------------------------------------------------------------------------------------
// Profile: the facts of one enterprise or park. Validated by ./schema (valibot).

export interface ProjectEntry {
  /** A label the user gives the project ("2 号线技改"). */
  name?: string;
  facts: Record<string, FactValue>;
}

export interface Profile {
  version: 1;
  entity: 'enterprise' | 'park';
  /** 中小企业 (for the topics that concern SMEs); 'unknown' allowed. */
  sme?: Tri;
  region?: {
    /** GB/T 2260 code of the 旗县区 where the project is. */
    countyCode?: string;
    countyName?: string;
    cityName?: string;
    poverty?: Tri;
    oldRevolutionary?: Tri;
  };
  /** Topics the user chose (questionnaire step 2). When an enterprise gives them, support that asks no question is shown only within them. */
  topics?: TopicId[];
  /** Facts of non-repeated items, keyed by fact id. */
  facts?: Record<string, FactValue>;
  /** Entries of repeated items, keyed by item id. */
  projects?: Record<string, ProjectEntry[]>;
}

// ---------------------------------------------------------------------------------------------
// Result.

export type Status = 'eligible' | 'ineligible' | 'needsInfo' | 'notForYou';
/**
 * Why an item is not eligible: audience, not for this entity; unanswered, nothing of it answered (or
 * its topic not chosen); condition, a yes/no condition answered 否; threshold, below the clause's
 * threshold; level, no level reached; zero, the base is 0; missing, a fact still to give (needsInfo).
 */
export type ReasonCode = 'audience' | 'unanswered' | 'condition' | 'threshold' | 'level' | 'zero' | 'missing';
/** exact: the figure; atLeast: 不低于; upTo: 最高不超过 (from 0); saving: a fee not paid; nonMonetary; unquantified. */
export type AmountKind = 'exact' | 'atLeast' | 'upTo' | 'saving' | 'nonMonetary' | 'unquantified';

export type StageStep =
  | 'condition'
  | 'level'
  | 'base'
  | 'rate'
  | 'threshold'
  | 'cap'
  | 'groupCap'
  | 'advance'
  | 'share'
  | 'sum'
  | 'amount';

/** One step of the working, citing the clause phrase it applies. */
export interface Stage {
  step: StageStep;
  /** Short Chinese label, e.g. '按比例计算'. */
  label: string;
  /** The working in words and figures, e.g. '3000万元 × 20% = 600万元'. */
  text: string;
  /** The clause phrase applied. */
  quote?: string;
  /** Value after this stage in yuan (for money stages), decimal string, rounded to 0.01. */
  value?: string;
  /** Which project entry the stage belongs to (index into profile.projects[itemId]). */
  entry?: number;
  /** Did the check pass (condition / threshold stages). */
  pass?: boolean;
}

export interface Interval {
  /** Yuan, decimal string with two decimals, rounded once, half-up. */
  min: string;
  max: string;
}

export interface Hint {
  /** e.g. '投资再增加 500万元即可达到 2000万元门槛' */
  text: string;
  fact: string;
  entry?: number;
  /** How much more of the fact is needed, in the fact's unit. */
  gap: string;
}

/** A figure under an assumption, when a fact is unknown (e.g. 脱贫地区: 是 / 否). */
export interface Alternative {
  /** The assumption in full: '项目位于脱贫地区或革命老区', '「…」为“是”，且…'. */
  assume: string;
  /** When one fact was assumed, the answer alone ('为“是”', '为“5A 级”'): cards whose why line names the fact show this. */
  short?: string;
  amount: Interval;
  status: Status;
}

export interface ItemResult {
  id: string;
  measure: string;
  measureNumber: number;
  title: string;
  itemKind: ItemKind;
  status: Status;
  /** Why not, or what is missing, in Chinese. */
  reason?: string;
  /** Why the status, as a code (the words are `reason`). */
  reasonCode?: ReasonCode;
  /** The upper bound is unknown until a missing amount is given (e.g. a premium with no cap). */
  open?: boolean;
  /** Paid to people, not the enterprise (（七）: 奖励对象是工匠本人); never in the enterprise's total. */
  paidToPerson?: true;
  /** Facts that must be answered (status needsInfo). */
  missing: string[];
  /** How to read `amount`: exact, atLeast (不低于), upTo (最高不超过), saving, nonMonetary, unquantified. */
  amountKind: AmountKind;
  amount: Interval;
  stages: Stage[];
  hints: Hint[];
  alternatives: Alternative[];
  /** Per-entry breakdown for repeated items. */
  entries?: { index: number; name?: string; status: Status; amount: Interval }[];
}

export interface EvaluateResult {
  catalog: { id: string; title: string; year: number; issuer: string };
  items: ItemResult[];
  /** Sum over eligible monetary awards (exact, atLeast, upTo) paid to the enterprise (or park). */
  total: Interval;
  /** Sum over eligible awards paid to the enterprise's people (（七） 工匠): theirs, not in `total`. */
  peopleTotal: Interval;
  /** Sum over eligible fee savings. */
  savings: Interval;
  /** What items that need more information could add. */
  pending: Interval;
  counts: Record<Status, number>;
  /** Number of measures with at least one eligible monetary item. */
  measuresCovered: number;
}
