/**
 * The draft's shape (Draft, its Answers and EntryDraft, each answer a Value; the Entity it is for)
 * and the few helpers the home page needs (resume, restart: emptyDraft, reviveDraft, isStarted,
 * isBlank, kept under DRAFT_KEY), with no engine code: the home page stays light (H5 first load,
 * WeChat main package). The questionnaire's STEPS (a StepId each, titled by STEP_TITLES) are here
 * for the same reason. See ./draft.ts for the rest.
 */
import type { Profile, TopicId, Tri } from '@policy/engine'

/** Where the device keeps the answers (storage.ts; suites that open pages with answers write it too). */
export const DRAFT_KEY = 'policy-abacus:answers:v1'

export type StepId = 'who' | 'topics' | 'questions'
export const STEPS: StepId[] = ['who', 'topics', 'questions']
export const STEP_TITLES: Record<StepId, string> = { who: '基本情况', topics: '关注哪些方面', questions: '具体情况' }

export type Entity = Profile['entity']
export type Value = Tri | string

export interface Answers {
  /** Yes/no (true/false/'unknown'), choices (option value or 'unknown'), and 'unknown' for amounts. */
  values: Record<string, Value>
  /**
   * Amounts exactly as typed. A box emptied (or left with spaces only) has no text here, exactly as
   * one never touched: the page says 没有的可以跳过, so a cleared amount is a skipped one (issue 22).
   */
  texts: Record<string, string>
}

export interface EntryDraft extends Answers {
  /** Stable key for lists (not the position). */
  key: string
  name: string
}

export interface Draft extends Answers {
  v: 1
  step: StepId
  entity?: Entity
  sme?: Tri
  cityCode?: string
  countyCode?: string
  poverty?: Tri
  oldRevolutionary?: Tri
  topics: TopicId[]
  projects: Record<string, EntryDraft[]>
  nextKey: number
}

export function emptyDraft(entity?: Entity): Draft {
  return { v: 1, step: 'who', entity, topics: [], values: {}, texts: {}, projects: {}, nextKey: 1 }
}

/** A typed amount with nothing in it ('', spaces, a full-width space): a skipped answer, not kept. */
export function isBlank(text: string): boolean {
  return text.trim() === ''
}

const TRI = [true, false, 'unknown']
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

function cleanAnswers(x: unknown): Answers {
  const o = isRecord(x) ? x : {}
  const values: Record<string, Value> = {}
  const texts: Record<string, string> = {}
  if (isRecord(o.values)) for (const [k, v] of Object.entries(o.values)) if (typeof v === 'string' || typeof v === 'boolean') values[k] = v
  if (isRecord(o.texts)) for (const [k, v] of Object.entries(o.texts)) if (typeof v === 'string' && !isBlank(v)) texts[k] = v
  return { values, texts }
}

/** Whatever storage held (old, partial or damaged) → a usable draft; undefined if it is not ours. */
export function reviveDraft(x: unknown): Draft | undefined {
  if (!isRecord(x) || x.v !== 1) return undefined
  const d = emptyDraft()
  if (x.entity === 'enterprise' || x.entity === 'park') d.entity = x.entity
  if (typeof x.step === 'string' && (STEPS as string[]).includes(x.step)) d.step = x.step as StepId
  for (const k of ['sme', 'poverty', 'oldRevolutionary'] as const) if (TRI.includes(x[k] as never)) d[k] = x[k] as Tri
  if (typeof x.cityCode === 'string') d.cityCode = x.cityCode
  if (typeof x.countyCode === 'string') d.countyCode = x.countyCode
  if (Array.isArray(x.topics)) d.topics = x.topics.filter((t): t is TopicId => typeof t === 'string') as TopicId[]
  Object.assign(d, cleanAnswers(x))
  if (isRecord(x.projects)) {
    for (const [item, list] of Object.entries(x.projects)) {
      if (!Array.isArray(list)) continue
      d.projects[item] = list.filter(isRecord).map((e, i) => ({
        key: typeof e.key === 'string' ? e.key : `r${i}`,
        name: typeof e.name === 'string' ? e.name : '',
        ...cleanAnswers(e),
      }))
    }
  }
  if (typeof x.nextKey === 'number' && Number.isInteger(x.nextKey) && x.nextKey > 0) d.nextKey = x.nextKey
  return d
}

/** Has the user answered anything worth resuming? */
export function isStarted(d: Draft | undefined): boolean {
  return !!d && d.entity !== undefined
}
