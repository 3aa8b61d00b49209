/**
 * The questionnaire's blocks of questions, shared with the detail page's calculator so both ask
 * and show answers the same way: MeasureQuestions (one measure's facts and entries),
 * CommonFlagQuestion (中小企业, 脱贫地区, 革命老区) and EntityQuestion (企业 or 工业园区).
 */
import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { commonFact, domId, factPath, type DomScope, type Tri } from '@policy/engine'
import type { MeasureQuestions as Questions } from '@policy/view'
import EntryList from '../entry-list'
import ChoiceChips from '../choice-chips'
import {
  addEntry,
  commonValue,
  isShown,
  pathOf,
  removeEntry,
  renameEntry,
  setAnswer,
  setCommon,
  setText,
  type Answers,
  type CommonFlagId,
  type Draft,
  type Entity,
} from '@/state/draft'
import FactQuestion from './index'

type Update = (fn: (d: Draft) => Draft) => void

interface Shared {
  draft: Draft
  /** Whose DOM ids: the questionnaire's ('q-…') or a calculator's ('calc-…'). */
  scope: DomScope
  /** Field messages by profile path (fieldMessages). */
  messages: Record<string, string>
  update: Update
  /** The profile path to highlight (back from the results). */
  highlight?: string | null
}

/**
 * One measure's questions from the draft: its facts (a gated one only while its condition is not
 * 否) and its entries (projects, products…) with theirs. The questionnaire and the detail page's
 * calculator both render answers with this, so both read and show them the same way.
 */
export function MeasureQuestions({ questions, draft, scope, messages, update, highlight }: Shared & { questions: Questions }) {
  const answerProps = (a: Answers, id: string, itemId?: string, key?: string) => {
    const path = pathOf(draft, id, itemId, key)
    return {
      domId: domId(path, scope),
      answer: { value: a.values[id], text: a.texts[id] },
      onValue: (v: Tri | string | undefined) => update((d) => setAnswer(d, id, v, itemId, key)),
      onText: (t: string) => update((d) => setText(d, id, t, itemId, key)),
      message: messages[path],
      highlight: highlight === path,
    }
  }
  return (
    <>
      {questions.facts.map((q) => (isShown(q, draft, draft) ? <FactQuestion key={q.def.id} def={q.def} {...answerProps(draft, q.def.id)} /> : null))}
      {questions.repeats.map((r) => (
        <EntryList
          key={r.itemId}
          itemId={r.itemId}
          noun={r.noun}
          itemTitle={r.itemTitle}
          scope={scope}
          entries={draft.projects[r.itemId] ?? []}
          onAdd={() => update((d) => addEntry(d, r.itemId))}
          onRemove={(key) => update((d) => removeEntry(d, r.itemId, key))}
          onRename={(key, name) => update((d) => renameEntry(d, r.itemId, key, name))}
          renderEntry={(key) => {
            const entry = (draft.projects[r.itemId] ?? []).find((e) => e.key === key)!
            return r.facts.map((q) =>
              isShown(q, entry, draft) ? <FactQuestion key={q.def.id} def={q.def} {...answerProps(entry, q.def.id, r.itemId, key)} /> : null,
            )
          }}
        />
      ))}
    </>
  )
}

/** A common yes/no question (中小企业, 脱贫地区, 革命老区) with the catalog's label and help. */
export function CommonFlagQuestion({ id, draft, scope, messages, update, highlight, children }: Shared & { id: CommonFlagId; children?: ReactNode }) {
  const path = factPath(id)
  return (
    <FactQuestion
      def={commonFact(id)}
      domId={domId(path, scope)}
      answer={{ value: commonValue(draft, id), text: undefined }}
      onValue={(v) => update((d) => setCommon(d, id, v as Tri | undefined))}
      onText={() => undefined}
      message={messages[path]}
      highlight={highlight === path}
    >
      {children}
    </FactQuestion>
  )
}

/** 企业 or 工业园区, with the catalog's label and options (limited to `entities`). */
export function EntityQuestion({
  id,
  idPrefix,
  value,
  entities,
  onChange,
}: {
  /** DOM id of the block. */
  id: string
  /** Chip ids: `${idPrefix}-enterprise`, `${idPrefix}-park`. */
  idPrefix: string
  value: Entity | undefined
  entities?: Entity[]
  onChange: (entity: Entity) => void
}) {
  const def = commonFact('entity')
  const options = def.options.filter((o) => !entities || entities.includes(o.value as Entity)) as { value: Entity; label: string }[]
  return (
    <View className='question' id={id}>
      <Text className='question__label'>{def.label}</Text>
      <ChoiceChips
        options={options}
        value={value}
        required
        onChange={(v) => v && onChange(v)}
        label={def.label.replace(/？$/, '')}
        idPrefix={idPrefix}
        columns={2}
      />
    </View>
  )
}
