/**
 * The questionnaire's answers as kept on the device (the "draft"), and how they become a profile.
 * Pure functions, no Taro: the pages keep a Draft in React state and storage.ts saves it.
 *
 * Amounts are kept exactly as typed (`texts`), so a wrong entry is shown back to the user with the
 * shared schema's message and nothing is lost; "不确定" is a separate mark (`values[id] = 'unknown'`)
 * that leaves the typed text in place. Answers of topics the user deselects stay in the draft (so
 * choosing the topic again brings them back) but are not sent to the engine.
 *
 * Changing the draft: setAnswer, setText, setCommon (a CommonFlagId: SME or a region flag),
 * setCity, toggleTopic, and the entries' addEntry, renameEntry, removeEntry. Reading it: which
 * topics count (activeTopics, soleTopic), the questions (questionsOf, isShown, asksAnything,
 * commonGates, commonValue), how much is answered (answeredCount). Into a profile: candidateProfile,
 * then draftProfile through the schema, whose messages fieldMessages places by field (pathOf,
 * stepOfPath, messagesOfStep) in the user's words (userMessage). The detail page's calculator keeps
 * a draft of one measure (calculatorDraft, setCalculatorEntity).
 */
import { regionFactsOf, entryPath, factPath, regionKey, stepOfPath as pathStep, parseProfile, readTypedNumber, type FactDef, type Measure, type Profile, type TopicId, type Tri } from '@policy/engine'
import { questionsFor, topicsFor, type FactQuestion, type TopicQuestions } from '@policy/view'
import { findPlace } from '../../shared/region'

export * from './draft-core'
import { emptyDraft, isBlank, type Answers, type Draft, type Entity, type EntryDraft, type StepId, type Value } from './draft-core'

/**
 * A draft limited to one measure (the detail page's calculator): only that measure's questions (for
 * the draft's entity, whatever the topics) and the region flags its thresholds read make the profile.
 */
export interface DraftScope {
  measure: Measure
}

// ---------------------------------------------------------------------------------------------
// Updates (each returns a new draft).

export function setAnswer(d: Draft, id: string, value: Value | undefined, itemId?: string, key?: string): Draft {
  const apply = (a: Answers): Answers => {
    const values = { ...a.values }
    if (value === undefined) delete values[id]
    else values[id] = value
    return { values, texts: a.texts }
  }
  return updateScope(d, apply, itemId, key)
}

/**
 * Typing an amount: the text is kept as typed and "不确定" is cleared. Emptying the box leaves the
 * answer exactly as never touched (no text), so the engine asks for it instead of a message blocking
 * the results (issue 22: 没有的可以跳过).
 */
export function setText(d: Draft, id: string, text: string, itemId?: string, key?: string): Draft {
  return updateScope(
    d,
    (a) => {
      const values = { ...a.values }
      if (values[id] === 'unknown') delete values[id]
      const texts = { ...a.texts }
      if (isBlank(text)) delete texts[id]
      else texts[id] = text
      return { values, texts }
    },
    itemId,
    key,
  )
}

function updateScope(d: Draft, apply: (a: Answers) => Answers, itemId?: string, key?: string): Draft {
  if (!itemId) return { ...d, ...apply(d) }
  const list = (d.projects[itemId] ?? []).map((e) => (e.key === key ? { ...e, ...apply(e) } : e))
  return { ...d, projects: { ...d.projects, [itemId]: list } }
}

export function addEntry(d: Draft, itemId: string): Draft {
  const entry: EntryDraft = { key: `e${d.nextKey}`, name: '', values: {}, texts: {} }
  return { ...d, nextKey: d.nextKey + 1, projects: { ...d.projects, [itemId]: [...(d.projects[itemId] ?? []), entry] } }
}

export function removeEntry(d: Draft, itemId: string, key: string): Draft {
  return { ...d, projects: { ...d.projects, [itemId]: (d.projects[itemId] ?? []).filter((e) => e.key !== key) } }
}

export function renameEntry(d: Draft, itemId: string, key: string, name: string): Draft {
  return { ...d, projects: { ...d.projects, [itemId]: (d.projects[itemId] ?? []).map((e) => (e.key === key ? { ...e, name } : e)) } }
}

/** Choose or drop a topic. An entity offered a single topic (a park: 园区建设与考核) always has it. */
export function toggleTopic(d: Draft, topic: TopicId): Draft {
  if (d.topics.includes(topic)) {
    if (soleTopic(d.entity) === topic) return d
    return { ...d, topics: d.topics.filter((t) => t !== topic) }
  }
  return { ...d, topics: [...d.topics, topic] }
}

const sole = new Map<Entity, TopicId | undefined>()

/** The one topic offered to this entity, when there is only one (a park's); it needs no choosing. */
export function soleTopic(entity: Entity | undefined): TopicId | undefined {
  if (!entity) return undefined
  if (!sole.has(entity)) {
    const offered = topicsFor(entity)
    sole.set(entity, offered.length === 1 ? offered[0].id : undefined)
  }
  return sole.get(entity)
}

/** The common yes/no answers. */
export type CommonFlagId = 'sme' | 'region.poverty' | 'region.oldRevolutionary'

/** Where the draft keeps a common answer: under its key in the profile ('sme', region flags by theirs: 'poverty'). */
function commonKey(id: CommonFlagId): 'sme' | 'poverty' | 'oldRevolutionary' {
  return (regionKey(id) ?? id) as 'sme' | 'poverty' | 'oldRevolutionary'
}

export function commonValue(d: Draft, id: CommonFlagId): Tri | undefined {
  return d[commonKey(id)]
}

export function setCommon(d: Draft, id: CommonFlagId, value: Tri | undefined): Draft {
  return { ...d, [commonKey(id)]: value }
}

export function setCity(d: Draft, cityCode: string | undefined): Draft {
  return cityCode === d.cityCode ? d : { ...d, cityCode, countyCode: undefined }
}

// ---------------------------------------------------------------------------------------------
// Draft → profile.

/** The topics that count for this entity (a deselected or foreign topic asks nothing; a sole topic always counts). */
export function activeTopics(d: Draft): TopicId[] {
  if (!d.entity) return []
  const only = soleTopic(d.entity)
  if (only) return [only]
  const offered = topicsFor(d.entity).map((t) => t.id)
  return d.topics.filter((t) => offered.includes(t))
}

/** The questions the draft asks: the chosen topics', or (scoped) one measure's. */
export function questionsOf(d: Draft, scope?: DraftScope): TopicQuestions[] {
  if (!d.entity) return []
  if (!scope) return questionsFor(d.entity, activeTopics(d))
  const id = scope.measure.id
  return questionsFor(d.entity, [scope.measure.topic])
    .map((t) => ({ ...t, measures: t.measures.filter((m) => m.measureId === id) }))
    .filter((t) => t.measures.length > 0)
}

/** The common yes/no answers a question may be gated by (（六）'s recognitions by 是否为中小企业). */
const COMMON_FLAGS: readonly string[] = ['sme', 'region.poverty', 'region.oldRevolutionary'] satisfies CommonFlagId[]

/** The common answers that gate some of these questions: the calculator asks them too (（六）: 是否为中小企业). */
export function commonGates(questions: { facts: FactQuestion[]; repeats: { facts: FactQuestion[] }[] }[]): CommonFlagId[] {
  const gates = questions.flatMap((m) => [...m.facts, ...m.repeats.flatMap((r) => r.facts)].flatMap((q) => q.gates))
  return COMMON_FLAGS.filter((g) => gates.includes(g)) as CommonFlagId[]
}

/**
 * Is a gated question shown (none of its gates answered 否)? A gate is a flag of the same answers (the
 * measure's or the entry's) or one of the draft's common answers: a non-SME is not asked which SME
 * recognition it has.
 */
export function isShown(q: FactQuestion, a: Answers, d: Pick<Draft, 'sme' | 'poverty' | 'oldRevolutionary'>): boolean {
  return q.gates.every((g) => (COMMON_FLAGS.includes(g) ? commonValue(d as Draft, g as CommonFlagId) : a.values[g]) !== false)
}

/** Does a measure ask anything of this draft (a question shown, or entries to add)? A heading alone is not shown. */
export function asksAnything(m: { facts: FactQuestion[]; repeats: unknown[] }, d: Draft): boolean {
  return m.repeats.length > 0 || m.facts.some((q) => isShown(q, d, d))
}

/** The profile value of one answer: undefined = not answered (left out, as is an emptied amount). */
function profileValue(def: FactDef, a: Answers): unknown {
  const v = a.values[def.id]
  if (def.type !== 'amount') return v
  if (v === 'unknown') return 'unknown'
  const text = a.texts[def.id]
  if (text === undefined || isBlank(text)) return undefined
  // The schema's own reading ("２,５００万" → "2500"); text that is no number goes as typed for its message.
  return readTypedNumber(text, def.unit) ?? text
}

function factsOf(qs: FactQuestion[], a: Answers, d: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const q of qs) {
    if (!isShown(q, a, d)) continue
    const v = profileValue(q.def, a)
    if (v !== undefined) out[q.def.id] = v
  }
  return out
}

export interface ProfileOptions {
  /** Only one measure's answers (the calculator). */
  scope?: DraftScope
}

/**
 * The profile the engine (and the cloud) gets, before validation. Scoped to a measure: its facts and
 * entries, and the region flags its thresholds read; no SME answer, place or topics.
 */
export function candidateProfile(d: Draft, opts: ProfileOptions = {}): Record<string, unknown> {
  const scope = opts.scope
  const entity = d.entity ?? 'enterprise'
  const p: Record<string, unknown> = { version: 1, entity }
  const region: Record<string, unknown> = {}
  if (!scope) {
    if (d.sme !== undefined && entity === 'enterprise') p.sme = d.sme
    const place = findPlace(d.countyCode)
    if (place) {
      region.cityName = place.cityName
      region.countyName = place.countyName
      region.countyCode = place.countyCode
    }
    if (d.poverty !== undefined) region.poverty = d.poverty
    if (d.oldRevolutionary !== undefined) region.oldRevolutionary = d.oldRevolutionary
  } else {
    for (const def of regionFactsOf(scope.measure)) {
      const v = commonValue(d, def.id as 'region.poverty' | 'region.oldRevolutionary')
      if (v !== undefined) region[regionKey(def.id)!] = v
    }
  }
  if (Object.keys(region).length > 0) p.region = region
  const topics = scope ? [] : activeTopics(d)
  if (topics.length > 0) p.topics = topics
  const facts: Record<string, unknown> = {}
  const projects: Record<string, unknown> = {}
  for (const t of questionsOf(d, scope)) {
    for (const m of t.measures) {
      Object.assign(facts, factsOf(m.facts, d, d))
      for (const r of m.repeats) {
        const list = d.projects[r.itemId] ?? []
        if (list.length === 0) continue
        projects[r.itemId] = list.map((e) => {
          const entry: Record<string, unknown> = { facts: factsOf(r.facts, e, d) }
          const name = e.name.trim()
          if (name) entry.name = name
          return entry
        })
      }
    }
  }
  if (Object.keys(facts).length > 0) p.facts = facts
  if (Object.keys(projects).length > 0) p.projects = projects
  return p
}

/** The shared schema's message without the technical path: '「项目实际完成投资额」不能为负数'. */
export function userMessage(field: string, message: string): string {
  return field ? message.split(`（${field}）`).join('') : message
}

/** Messages by profile path ('facts/m14.cloudCost', 'projects/m08.upgrade/0/investment'), from parseProfile. */
export function fieldMessages(d: Draft, scope?: DraftScope): Record<string, string> {
  const r = draftProfile(d, scope)
  return r.ok ? {} : r.messages
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; messages: Record<string, string> }

/** The validated profile for the engine, or the messages that block it (the first per field). */
export function draftProfile(d: Draft, scope?: DraftScope): ProfileResult {
  const parsed = parseProfile(candidateProfile(d, { scope }))
  if (parsed.ok) return { ok: true, profile: parsed.profile }
  const messages: Record<string, string> = {}
  for (const issue of parsed.issues) if (!(issue.field in messages)) messages[issue.field] = userMessage(issue.field, issue.message)
  return { ok: false, messages }
}

/** Messages that concern the step's questions (who: region/sme; questions: facts/projects). */
export function messagesOfStep(messages: Record<string, string>, step: StepId): [string, string][] {
  return Object.entries(messages).filter(([field]) => pathStep(field) === step)
}

/** Visible questions and how many of them have an answer (the questions step's progress). */
export function answeredCount(d: Draft, scope?: DraftScope): { answered: number; total: number } {
  let answered = 0
  let total = 0
  const count = (qs: FactQuestion[], a: Answers) => {
    for (const q of qs) {
      if (!isShown(q, a, d)) continue
      total += 1
      const v = profileValue(q.def, a)
      if (v !== undefined) answered += 1
    }
  }
  for (const t of questionsOf(d, scope)) {
    for (const m of t.measures) {
      count(m.facts, d)
      for (const r of m.repeats) for (const e of d.projects[r.itemId] ?? []) count(r.facts, e)
    }
  }
  return { answered, total }
}

/** Path of an answer in the draft's own terms → profile path (entries by position). */
export function pathOf(d: Draft, id: string, itemId?: string, key?: string): string {
  if (!itemId) return factPath(id)
  const index = (d.projects[itemId] ?? []).findIndex((e) => e.key === key)
  return entryPath(itemId, index, id)
}

/** Which step shows a profile path (paths.ts `stepOfPath`; anything else is looked for among the questions). */
export function stepOfPath(path: string): StepId {
  return pathStep(path) ?? 'questions'
}

// ---------------------------------------------------------------------------------------------
// The detail page's calculator: a copy of the stored draft, scoped to one measure, never saved.

/**
 * The calculator's draft: the questionnaire's answers (read-only copy of what storage holds) for an
 * entity the measure is for. A measure asked only through one kind of entry (its projects,
 * products…) shows its first entry ready to fill; with several kinds, the user adds the ones they have.
 */
export function calculatorDraft(measure: Measure, entities: Entity[], stored?: Draft): Draft {
  const base = stored ?? emptyDraft()
  const entity = base.entity && entities.includes(base.entity) ? base.entity : entities[0]
  return withFirstEntry({ ...base, entity }, measure)
}

/** The calculator's entity switch (企业 / 工业园区), for a measure open to both. */
export function setCalculatorEntity(d: Draft, entity: Entity, measure: Measure): Draft {
  return withFirstEntry({ ...d, entity }, measure)
}

function withFirstEntry(d: Draft, measure: Measure): Draft {
  const m = questionsOf(d, { measure })[0]?.measures[0]
  if (!m || m.facts.length > 0 || m.repeats.length !== 1) return d
  const itemId = m.repeats[0].itemId
  return (d.projects[itemId] ?? []).length > 0 ? d : addEntry(d, itemId)
}
