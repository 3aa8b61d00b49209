/**
 * The questionnaire's answers as kept on the device (the "draft"), and how they become a profile.
 * Pure functions, no Taro: the pages keep a Draft in React state and storage.ts saves it.
 *
 * Amounts are kept exactly as typed (`texts`), so a wrong entry is shown back to the user with the
 * shared schema's message and nothing is lost; "不确定" is a separate mark (`values[id] = 'unknown'`)
 * that leaves the typed text in place. Answers of topics the user deselects stay in the draft (so
 * choosing the topic again brings them back) but are not sent to the engine.
 */
import { parseProfile } from '@policy/schema'
import { entryPath, factPath, questionsFor, topicsFor, type FactQuestion, type TopicQuestions } from '@policy/questions'
import type { FactDef, Profile, TopicId } from '@policy/types'
import { findPlace } from '../../shared/region'

export * from './draft-core'
import type { Answers, Draft, EntryDraft, StepId, Value } from './draft-core'

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

/** Typing an amount: the text is kept as typed and "不确定" is cleared. */
export function setText(d: Draft, id: string, text: string, itemId?: string, key?: string): Draft {
  return updateScope(
    d,
    (a) => {
      const values = { ...a.values }
      if (values[id] === 'unknown') delete values[id]
      return { values, texts: { ...a.texts, [id]: text } }
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

export function toggleTopic(d: Draft, topic: TopicId): Draft {
  return { ...d, topics: d.topics.includes(topic) ? d.topics.filter((t) => t !== topic) : [...d.topics, topic] }
}

export function setCity(d: Draft, cityCode: string | undefined): Draft {
  return cityCode === d.cityCode ? d : { ...d, cityCode, countyCode: undefined }
}

// ---------------------------------------------------------------------------------------------
// Draft → profile.

const FULL_WIDTH = /[０-９．]/g

/**
 * What the user typed, as the schema reads numbers: spaces trimmed, full-width digits and
 * thousands separators ("3,000") accepted. Anything else goes to the schema unchanged, so its
 * message explains what is wrong. The draft itself keeps the text as typed.
 */
export function numberText(text: string): string {
  let t = text.trim().replace(FULL_WIDTH, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
  if (/^\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/[,，]/g, '')
  return t
}

/** The topics that count for this entity (a deselected or foreign topic asks nothing). */
export function activeTopics(d: Draft): TopicId[] {
  if (!d.entity) return []
  const offered = topicsFor(d.entity).map((t) => t.id)
  return d.topics.filter((t) => offered.includes(t))
}

export function questionsOf(d: Draft): TopicQuestions[] {
  return d.entity ? questionsFor(d.entity, activeTopics(d)) : []
}

/** Is a gated question shown (none of its gates answered 否)? */
export function isShown(q: FactQuestion, a: Answers): boolean {
  return q.gates.every((g) => a.values[g] !== false)
}

/**
 * The profile value of one answer: undefined = not answered (left out).
 * `touchedEmpty`: an amount typed and then cleared is sent as '' so the schema names it.
 */
function profileValue(def: FactDef, a: Answers, touchedEmpty: boolean): unknown {
  const v = a.values[def.id]
  if (def.type !== 'amount') return v
  if (v === 'unknown') return 'unknown'
  const text = a.texts[def.id]
  if (text === undefined) return undefined
  const t = numberText(text)
  if (t === '') return touchedEmpty ? '' : undefined
  return t
}

function factsOf(qs: FactQuestion[], a: Answers, touchedEmpty: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const q of qs) {
    if (!isShown(q, a)) continue
    const v = profileValue(q.def, a, touchedEmpty)
    if (v !== undefined) out[q.def.id] = v
  }
  return out
}

/**
 * The profile the engine (and the cloud) gets, before validation. With `forMessages`, amounts the
 * user cleared are included as '' so the schema can name them.
 */
export function candidateProfile(d: Draft, opts: { forMessages?: boolean } = {}): Record<string, unknown> {
  const touchedEmpty = opts.forMessages === true
  const entity = d.entity ?? 'enterprise'
  const p: Record<string, unknown> = { version: 1, entity }
  if (d.sme !== undefined && entity === 'enterprise') p.sme = d.sme
  const place = findPlace(d.countyCode)
  const region: Record<string, unknown> = {}
  if (place) {
    region.cityName = place.cityName
    region.countyName = place.countyName
    region.countyCode = place.countyCode
  }
  if (d.poverty !== undefined) region.poverty = d.poverty
  if (d.oldRevolutionary !== undefined) region.oldRevolutionary = d.oldRevolutionary
  if (Object.keys(region).length > 0) p.region = region
  const topics = activeTopics(d)
  if (topics.length > 0) p.topics = topics
  const facts: Record<string, unknown> = {}
  const projects: Record<string, unknown> = {}
  for (const t of questionsOf(d)) {
    for (const m of t.measures) {
      Object.assign(facts, factsOf(m.facts, d, touchedEmpty))
      for (const r of m.repeats) {
        const list = d.projects[r.itemId] ?? []
        if (list.length === 0) continue
        projects[r.itemId] = list.map((e) => {
          const entry: Record<string, unknown> = { facts: factsOf(r.facts, e, touchedEmpty) }
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
export function fieldMessages(d: Draft): Record<string, string> {
  const parsed = parseProfile(candidateProfile(d, { forMessages: true }))
  if (parsed.ok) return {}
  const out: Record<string, string> = {}
  for (const issue of parsed.issues) if (!(issue.field in out)) out[issue.field] = userMessage(issue.field, issue.message)
  return out
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; messages: Record<string, string> }

/** The validated profile for the engine, or the messages that block it. */
export function draftProfile(d: Draft): ProfileResult {
  const messages = fieldMessages(d)
  if (Object.keys(messages).length > 0) return { ok: false, messages }
  const parsed = parseProfile(candidateProfile(d))
  if (parsed.ok) return { ok: true, profile: parsed.profile }
  return { ok: false, messages: Object.fromEntries(parsed.issues.map((i) => [i.field, userMessage(i.field, i.message)])) }
}

/** Messages that concern the step's questions (who: region/sme; questions: facts/projects). */
export function messagesOfStep(messages: Record<string, string>, step: StepId): [string, string][] {
  return Object.entries(messages).filter(([field]) =>
    step === 'who' ? field === 'sme' || field.startsWith('region') || field === 'entity' : step === 'questions' ? field.startsWith('facts') || field.startsWith('projects') : false,
  )
}

/** Visible questions and how many of them have an answer (the questions step's progress). */
export function answeredCount(d: Draft): { answered: number; total: number } {
  let answered = 0
  let total = 0
  const count = (qs: FactQuestion[], a: Answers) => {
    for (const q of qs) {
      if (!isShown(q, a)) continue
      total += 1
      const v = profileValue(q.def, a, false)
      if (v !== undefined) answered += 1
    }
  }
  for (const t of questionsOf(d)) {
    for (const m of t.measures) {
      count(m.facts, d)
      for (const r of m.repeats) for (const e of d.projects[r.itemId] ?? []) count(r.facts, e)
    }
  }
  return { answered, total }
}

/** The DOM id of a question, from its profile path (safe for selectors). */
export function questionDomId(path: string): string {
  return 'q-' + path.replace(/[^A-Za-z0-9_-]/g, '-')
}

/** Path of an answer in the draft's own terms → profile path (entries by position). */
export function pathOf(d: Draft, id: string, itemId?: string, key?: string): string {
  if (!itemId) return factPath(id)
  const index = (d.projects[itemId] ?? []).findIndex((e) => e.key === key)
  return entryPath(itemId, index, id)
}

/** Which step shows a profile path. */
export function stepOfPath(path: string): StepId {
  return path === 'sme' || path.startsWith('region') || path === 'entity' ? 'who' : 'questions'
}
