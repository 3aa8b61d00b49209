/** The questionnaire: who the user is, the topics that apply, then those topics' questions, saved as typed. */
import { useEffect, useMemo, useRef, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { PLACE_QUESTION, entityName, REGION_PATH, domId, type TopicId } from '@policy/engine'
import { topicsFor } from '@policy/view'
import { findPlace, povertySuggestion } from '../../../shared/region'
import { CommonFlagQuestion, EntityQuestion, MeasureQuestions } from '@/components/fact-question/measure'
import ProgressBar from '@/components/progress-bar'
import RegionPicker from '@/components/region-picker'
import TopicChips from '@/components/topic-chips'
import {
  STEPS,
  STEP_TITLES,
  activeTopics,
  asksAnything,
  answeredCount,
  emptyDraft,
  fieldMessages,
  isStarted,
  messagesOfStep,
  questionsOf,
  setCity,
  soleTopic,
  stepOfPath,
  toggleTopic,
  type Draft,
  type StepId,
} from '@/state/draft'
import { clearDraft, loadDraft, saveDraft, startOver, takeFocus } from '@/state/storage'
import { ROUTES } from '@/state/navigation'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

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
    scrollToSelector(`#${domId(path)}`)
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
        setBlocked(`请先选择：${entityName('enterprise')}还是${entityName('park')}`)
        return
      }
      goStep('topics')
      return
    }
    if (draft.step === 'topics') {
      if (activeTopics(draft).length === 0) {
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
      if (wrong.length > 0) scrollToSelector(`#${domId(wrong[0][0])}`)
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
    startOver()
    setBlocked(null)
    setHighlight(null)
    setDraft(emptyDraft())
    scrollToSelector(null)
  }

  const place = findPlace(draft.countyCode)
  const suggestion = place ? povertySuggestion(place.cityName, place.countyName) : undefined
  const progress = answeredCount(draft)
  /** What the questions share: the draft, its messages, how to change it, the question to highlight. */
  const shared = { draft, scope: 'q' as const, messages, update, highlight }
  // A park is asked where the park is, without the 技术改造 threshold hint (no park item reads the region).
  const placeQuestion = PLACE_QUESTION[draft.entity ?? 'enterprise']

  const renderWho = () => (
    <View className='q-section card'>
      <EntityQuestion id={domId('entity')} idPrefix='entity' value={draft.entity} onChange={(v) => update((d) => ({ ...d, entity: v }))} />
      {draft.entity === 'enterprise' && <CommonFlagQuestion id='sme' {...shared} />}
      <View className='question' id={domId(REGION_PATH)}>
        <Text className='question__label'>{placeQuestion.label}</Text>
        {placeQuestion.help && <Text className='question__help'>{placeQuestion.help}</Text>}
        <RegionPicker
          cityCode={draft.cityCode}
          countyCode={draft.countyCode}
          onCity={(code) => update((d) => setCity(d, code))}
          onCounty={(code) => update((d) => ({ ...d, countyCode: code }))}
        />
      </View>
      {draft.entity !== 'park' && (
        <>
          <CommonFlagQuestion id='region.poverty' {...shared}>
            {suggestion && (
              <View className={`suggestion suggestion--${suggestion.listing}`} id='poverty-suggestion'>
                <Text className='suggestion__tag'>提示（仅供参考，请您确认）</Text>
                <Text className='suggestion__text'>{suggestion.text}</Text>
              </View>
            )}
          </CommonFlagQuestion>
          <CommonFlagQuestion id='region.oldRevolutionary' {...shared} />
        </>
      )}
    </View>
  )

  const renderTopics = () => {
    const offered = draft.entity ? topicsFor(draft.entity) : []
    const sole = soleTopic(draft.entity)
    const chosen = activeTopics(draft)
    return (
      <View className='q-section'>
        <Text className='q-lead' id='topics-lead'>
          {sole ? `只有“${offered[0].label}”这一个方面，已为您选好，点“下一步”回答问题。` : '选择与您有关的方面（可多选），只会问这些方面的问题。'}
        </Text>
        <TopicChips topics={offered} selected={chosen} locked={sole} onToggle={(t: TopicId) => update((d) => toggleTopic(d, t))} />
      </View>
    )
  }

  const renderQuestions = () => (
    <View className='q-section'>
      <Text className='q-lead'>按实际情况回答；不知道的选“不确定”，没有的可以跳过。</Text>
      {questions.map((t) => (
        <View className='card q-topic' key={t.topic} id={`topic-section-${t.topic}`}>
          <Text className='q-topic__title'>{t.label}</Text>
          {t.measures.filter((m) => asksAnything(m, draft)).map((m) => (
            <View className='q-measure' key={m.measureId}>
              <Text className='q-measure__title'>
                {m.label}
                {m.title}
              </Text>
              <MeasureQuestions questions={m} {...shared} />
            </View>
          ))}
        </View>
      ))}
    </View>
  )

  const last = draft.step === 'questions'
  return (
    <View style={pageTextStyle()} className='page questionnaire'>
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
