import { useEffect, useMemo, useRef, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { topicsFor } from '@policy/questions'
import type { Tri, TopicId } from '@policy/types'
import { findPlace, povertySuggestion } from '../../../shared/region'
import ChoiceChips from '@/components/choice-chips'
import EntryList from '@/components/entry-list'
import FactQuestion from '@/components/fact-question'
import ProgressBar from '@/components/progress-bar'
import QuestionFlag from '@/components/question-flag'
import RegionPicker from '@/components/region-picker'
import TopicChips from '@/components/topic-chips'
import {
  STEPS,
  STEP_TITLES,
  addEntry,
  answeredCount,
  emptyDraft,
  fieldMessages,
  isStarted,
  messagesOfStep,
  pathOf,
  questionDomId,
  questionsOf,
  removeEntry,
  renameEntry,
  setAnswer,
  setCity,
  setText,
  stepOfPath,
  toggleTopic,
  type Answers,
  type Draft,
  type Entity,
  type StepId,
} from '@/state/draft'
import { clearDraft, loadDraft, saveDraft, takeFocus } from '@/state/storage'
import { ROUTES } from '@/state/navigation'

import './index.scss'

const ENTITY_OPTIONS: { value: Entity; label: string }[] = [
  { value: 'enterprise', label: '企业' },
  { value: 'park', label: '工业园区' },
]

function initialDraft(entityParam: string | undefined): Draft {
  const saved = loadDraft()
  const d = saved ?? emptyDraft()
  if (d.entity === undefined && (entityParam === 'enterprise' || entityParam === 'park')) return { ...d, entity: entityParam }
  return d
}

function scrollToSelector(selector: string | null): void {
  // After the step has rendered.
  setTimeout(() => {
    if (selector) void Taro.pageScrollTo({ selector, duration: 250, offsetTop: -80 } as Taro.pageScrollTo.Option)
    else void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }, 60)
}

export default function QuestionnairePage() {
  const router = useRouter()
  const [draft, setDraft] = useState<Draft>(() => initialDraft(router.params.entity))
  /** Messages for the current step are shown only after an attempt to go on, except a field's own. */
  const [blocked, setBlocked] = useState<string | null>(null)
  const [highlight, setHighlight] = useState<string | null>(null)
  const firstShow = useRef(true)

  // Saved on every change: reopening resumes here.
  useEffect(() => {
    if (isStarted(draft)) saveDraft(draft)
    else clearDraft()
  }, [draft])

  const update = (fn: (d: Draft) => Draft) => {
    setBlocked(null)
    setDraft(fn)
  }

  const focus = (path: string) => {
    const step = stepOfPath(path)
    setDraft((d) => (d.step === step ? d : { ...d, step }))
    setHighlight(path)
    scrollToSelector(`#${questionDomId(path)}`)
  }

  // Back from the results with "去填写": the pending question (or ?focus= on a fresh page).
  useDidShow(() => {
    // Shown again (back from the results, where 重新开始 may have cleared the answers): the answers
    // live in storage, so the page follows it instead of keeping a copy that storage no longer has.
    if (!firstShow.current) setDraft(loadDraft() ?? emptyDraft())
    const fromResults = takeFocus()
    const fromQuery = firstShow.current ? router.params.focus : undefined
    firstShow.current = false
    const path = fromResults ?? (fromQuery ? decodeURIComponent(fromQuery) : undefined)
    if (path) focus(path)
  })

  const messages = useMemo(() => fieldMessages(draft), [draft])
  const questions = useMemo(() => questionsOf(draft), [draft])
  const stepIndex = STEPS.indexOf(draft.step)

  const goStep = (step: StepId) => {
    setBlocked(null)
    setHighlight(null)
    setDraft((d) => ({ ...d, step }))
    scrollToSelector(null)
  }

  const next = () => {
    if (draft.step === 'who') {
      if (!draft.entity) {
        setBlocked('请先选择：企业还是工业园区')
        return
      }
      goStep('topics')
      return
    }
    if (draft.step === 'topics') {
      if (topicsFor(draft.entity!).every((t) => !draft.topics.includes(t.id))) {
        setBlocked('请至少选择一个方面')
        return
      }
      goStep('questions')
      return
    }
    const wrong = messagesOfStep(messages, 'questions')
    const other = Object.keys(messages).length - wrong.length
    if (wrong.length > 0 || other > 0) {
      setBlocked(`还有 ${wrong.length + other} 处需要修改（已标红），改好后再看结果`)
      if (wrong.length > 0) scrollToSelector(`#${questionDomId(wrong[0][0])}`)
      return
    }
    void Taro.navigateTo({ url: ROUTES.results })
  }

  const back = () => {
    if (stepIndex > 0) goStep(STEPS[stepIndex - 1])
    else void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.home }))
  }

  const restart = async () => {
    const res = await Taro.showModal({ title: '重新开始', content: '清除本机保存的全部答案，从第一步重新填写？', confirmText: '清除', cancelText: '取消' })
    if (!res.confirm) return
    clearDraft()
    setBlocked(null)
    setHighlight(null)
    setDraft(emptyDraft())
    scrollToSelector(null)
  }

  // -------------------------------------------------------------------------------------------
  // One answer in the draft (global facts, or one entry's facts).

  const answerProps = (a: Answers, id: string, itemId?: string, key?: string) => {
    const path = pathOf(draft, id, itemId, key)
    return {
      domId: questionDomId(path),
      answer: { value: a.values[id], text: a.texts[id] },
      onValue: (v: Tri | string | undefined) => update((d) => setAnswer(d, id, v, itemId, key)),
      onText: (t: string) => update((d) => setText(d, id, t, itemId, key)),
      message: messages[path],
      highlight: highlight === path,
    }
  }

  const place = findPlace(draft.countyCode)
  const suggestion = place ? povertySuggestion(place.cityName, place.countyName) : undefined
  const progress = answeredCount(draft)

  const renderWho = () => (
    <View className='q-section card'>
      <View className='question' id='q-entity'>
        <Text className='question__label'>您是企业还是工业园区？</Text>
        <ChoiceChips
          options={ENTITY_OPTIONS}
          value={draft.entity}
          required
          onChange={(v) => update((d) => ({ ...d, entity: v }))}
          label='您是企业还是工业园区'
          idPrefix='entity'
          columns={2}
        />
      </View>
      {draft.entity === 'enterprise' && (
        <QuestionFlag
          id={questionDomId('sme')}
          label='是否为中小企业？'
          help='按国家中小企业划型标准；不确定可跳过或选“不确定”。'
          value={draft.sme}
          onChange={(v) => update((d) => ({ ...d, sme: v }))}
          highlight={highlight === 'sme'}
        />
      )}
      <View className='question' id='q-region'>
        <Text className='question__label'>项目在哪个旗县区？（选填）</Text>
        <Text className='question__help'>用来提示是否属于脱贫地区；第（八）条技术改造项目在脱贫地区、革命老区的门槛更低。</Text>
        <RegionPicker
          cityCode={draft.cityCode}
          countyCode={draft.countyCode}
          onCity={(code) => update((d) => setCity(d, code))}
          onCounty={(code) => update((d) => ({ ...d, countyCode: code }))}
        />
      </View>
      {draft.entity !== 'park' && (
        <>
          <QuestionFlag
            id={questionDomId('region/poverty')}
            label='项目所在地是否属于脱贫地区？'
            help='脱贫地区的技术改造项目投资门槛由 2000万元降为 1000万元（第（八）条）。'
            value={draft.poverty}
            onChange={(v) => update((d) => ({ ...d, poverty: v }))}
            highlight={highlight === 'region/poverty'}
          >
            {suggestion && (
              <View className={`suggestion suggestion--${suggestion.listing}`} id='poverty-suggestion'>
                <Text className='suggestion__tag'>提示（仅供参考，请您确认）</Text>
                <Text className='suggestion__text'>{suggestion.text}</Text>
              </View>
            )}
          </QuestionFlag>
          <QuestionFlag
            id={questionDomId('region/oldRevolutionary')}
            label='项目所在地是否属于革命老区？'
            help='没有找到官方的革命老区旗县名单，请按当地认定回答；不清楚就选“不确定”。'
            value={draft.oldRevolutionary}
            onChange={(v) => update((d) => ({ ...d, oldRevolutionary: v }))}
            highlight={highlight === 'region/oldRevolutionary'}
          />
        </>
      )}
    </View>
  )

  const renderTopics = () => {
    const offered = draft.entity ? topicsFor(draft.entity) : []
    return (
      <View className='q-section'>
        <Text className='q-lead'>选择与您有关的方面（可多选），只会问这些方面的问题。</Text>
        <TopicChips topics={offered} selected={draft.topics} onToggle={(t: TopicId) => update((d) => toggleTopic(d, t))} />
      </View>
    )
  }

  const renderQuestions = () => (
    <View className='q-section'>
      <Text className='q-lead'>按实际情况回答；不知道的选“不确定”，没有的可以跳过。</Text>
      {questions.map((t) => (
        <View className='card q-topic' key={t.topic} id={`topic-section-${t.topic}`}>
          <Text className='q-topic__title'>{t.label}</Text>
          {t.measures.map((m) => (
            <View className='q-measure' key={m.measureId}>
              <Text className='q-measure__title'>
                {m.label}
                {m.title}
              </Text>
              {m.facts.map((q) =>
                q.gates.every((g) => draft.values[g] !== false) ? <FactQuestion key={q.def.id} def={q.def} {...answerProps(draft, q.def.id)} /> : null,
              )}
              {m.repeats.map((r) => (
                <EntryList
                  key={r.itemId}
                  itemId={r.itemId}
                  noun={r.noun}
                  itemTitle={r.itemTitle}
                  entries={draft.projects[r.itemId] ?? []}
                  onAdd={() => update((d) => addEntry(d, r.itemId))}
                  onRemove={(key) => update((d) => removeEntry(d, r.itemId, key))}
                  onRename={(key, name) => update((d) => renameEntry(d, r.itemId, key, name))}
                  renderEntry={(key) => {
                    const entry = (draft.projects[r.itemId] ?? []).find((e) => e.key === key)!
                    return r.facts.map((q) =>
                      q.gates.every((g) => entry.values[g] !== false) ? (
                        <FactQuestion key={q.def.id} def={q.def} {...answerProps(entry, q.def.id, r.itemId, key)} />
                      ) : null,
                    )
                  }}
                />
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  )

  const last = draft.step === 'questions'
  return (
    <View className='page questionnaire'>
      <View className='questionnaire__top'>
        <ProgressBar
          step={stepIndex}
          total={STEPS.length}
          title={STEP_TITLES[draft.step]}
          detail={last ? `已回答 ${progress.answered} / ${progress.total} 题 · 答案自动保存在本机` : '答案自动保存在本机'}
        />
        <Button className='questionnaire__restart' id='restart-button' onClick={() => void restart()}>
          重新开始
        </Button>
      </View>

      {draft.step === 'who' && renderWho()}
      {draft.step === 'topics' && renderTopics()}
      {draft.step === 'questions' && renderQuestions()}

      <View className='questionnaire__footer'>
        {blocked && (
          <Text className='questionnaire__blocked error-text' id='blocked-message'>
            {blocked}
          </Text>
        )}
        <View className='questionnaire__nav'>
          <Button className='btn questionnaire__back' id='back-button' onClick={back}>
            上一步
          </Button>
          <Button className='btn btn--primary questionnaire__next' id='next-button' onClick={next}>
            {last ? '查看结果' : '下一步'}
          </Button>
        </View>
      </View>
    </View>
  )
}
