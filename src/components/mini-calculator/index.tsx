/** The detail page's calculator of one measure, asked with the questionnaire's own components. */
import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { type ItemResult, type Measure, formatInterval, domId } from '@policy/engine'
import { calcSpec, GROUP_TITLES, STATUS_TEXT, alternativeLine, figureInGroup, groupOf, hasAmount, isMoney, summarize } from '@policy/view'
import { posterFigure, type PosterFigure } from '@policy/pictures'
import { CommonFlagQuestion, EntityQuestion, MeasureQuestions } from '@/components/fact-question/measure'
import { calculatorDraft, commonGates, questionsOf, setCalculatorEntity, type Draft } from '@/state/draft'
import { loadDraft } from '@/state/storage'
import { calculate } from './calc'

import './index.scss'

function ItemOutcome({ r, noun, entries }: { r: ItemResult; noun?: string; entries: number }) {
  const group = groupOf(r)
  const { figure } = group ? figureInGroup(r, group) : { figure: '' }
  return (
    <View className={`calc-item calc-item--${r.status}`} data-item={r.id}>
      <View className='calc-item__head'>
        <Text className='calc-item__title'>{r.title}</Text>
        <Text className={`calc-item__status calc-item__status--${r.status}`}>{group === 'people' ? GROUP_TITLES.people : STATUS_TEXT[r.status]}</Text>
      </View>
      {figure !== '' && <Text className='calc-item__amount'>{figure}</Text>}
      {r.reason && <Text className='calc-item__reason'>{r.reason}</Text>}
      {r.alternatives.map((a) => {
        const line = alternativeLine(r, a)
        return (
          <Text key={a.assume} className='calc-item__alt'>
            若{line.assume}：{line.figure}
          </Text>
        )
      })}
      <View className='calc-item__stages'>
        {r.stages.map((s, i) => (
          <View key={i} className={`calc-stage${s.pass === false ? ' calc-stage--fail' : ''}`}>
            <Text className='calc-stage__label'>
              {entries > 1 && s.entry !== undefined ? `${noun ?? '项目'} ${s.entry + 1} · ` : ''}
              {s.label}
            </Text>
            <Text className='calc-stage__text'>{s.text}</Text>
            {s.quote && <Text className='calc-stage__quote'>条文「{s.quote}」</Text>}
          </View>
        ))}
      </View>
      {r.hints.map((h) => (
        <Text key={h.fact} className='calc-item__hint'>
          差一点：{h.text}
        </Text>
      ))}
    </View>
  )
}

/**
 * A calculator for one measure: only its own questions, asked with the questionnaire's components
 * and read by the questionnaire's draft → profile → schema code, so every answer gets the same
 * message here as there. The answers already given in the questionnaire fill it in (a copy of the
 * stored draft, never written back). The figures are the engine's (`evaluate` through
 * @policy/view/measure-calc); nothing is computed here.
 */
export default function MiniCalculator({ measure, onFigure }: { measure: Measure; onFigure?: (figure: PosterFigure | undefined) => void }) {
  const spec = useMemo(() => calcSpec(measure), [measure])
  const [draft, setDraft] = useState<Draft>(() => calculatorDraft(measure, spec.entities, loadDraft()))
  const calc = useMemo(() => calculate(measure, draft), [measure, draft])
  const questions = useMemo(() => questionsOf(draft, { measure }).flatMap((t) => t.measures), [draft, measure])

  const shared = { draft, scope: 'calc' as const, messages: calc.messages, update: setDraft }
  // Support without money is explained above the calculator (spec.guidance), not computed here.
  const shown = calc.items.filter((r) => !(r.status === 'notForYou' && r.reasonCode === 'unanswered') && isMoney(r))
  const result = calc.result
  const summary = result ? summarize(result) : undefined
  const hasErrors = Object.keys(calc.messages).length > 0
  const regionAsked = draft.entity === 'enterprise' ? spec.region : []
  // A common answer that decides whether a question below is asked (（六）: 是否为中小企业).
  const gatesAsked = commonGates(questions).filter((id) => !regionAsked.some((def) => def.id === id))
  // The figure the page may put on a poster (only when the user ticks it there): the total shown below, with the items it adds.
  const figure = useMemo(() => (calc.answered && !hasErrors && result ? posterFigure(result) : undefined), [calc.answered, hasErrors, result])
  useEffect(() => onFigure?.(figure), [figure, onFigure])

  return (
    <View className='mini-calc' id='mini-calc'>
      {spec.entities.length > 1 && (
        <EntityQuestion
          id={domId('entity', 'calc')}
          idPrefix={domId('entity', 'calc')}
          value={draft.entity}
          entities={spec.entities}
          onChange={(entity) => setDraft((d) => setCalculatorEntity(d, entity, measure))}
        />
      )}
      {regionAsked.map((def) => (
        <CommonFlagQuestion key={def.id} id={def.id as 'region.poverty' | 'region.oldRevolutionary'} {...shared} />
      ))}
      {gatesAsked.map((id) => (
        <CommonFlagQuestion key={id} id={id} {...shared} />
      ))}
      {questions.map((m) => (
        <MeasureQuestions key={m.measureId} questions={m} {...shared} />
      ))}

      <View className='mini-calc__result' id='mini-calc-result' aria-live='polite'>
        {!calc.answered && <Text className='mini-calc__hint'>填写上面的情况，这里按条文算出金额，并列出每一步的依据。</Text>}
        {calc.answered && hasErrors && (
          <Text className='mini-calc__hint mini-calc__hint--error' id='mini-calc-blocked'>
            请先改正上面标红的内容。
          </Text>
        )}
        {calc.answered && !hasErrors && summary && (
          <View className='mini-calc__summary'>
            {/* The figure in 元 (this one measure); a zero only when nothing else is there to say. */}
            {(hasAmount(result!.total) || summary.lines.length === 0) && (
              <>
                <Text className='mini-calc__caption'>按你填写的情况，预计可申请</Text>
                <Text className='mini-calc__total' id='mini-calc-total'>
                  {formatInterval(result!.total)}
                </Text>
              </>
            )}
            {summary.lines.map((line) => (
              <Text className={`mini-calc__line mini-calc__line--${line.id}`} id={`mini-calc-${line.id}`} key={line.id}>
                {line.text}
              </Text>
            ))}
            <Text className='mini-calc__note'>按条文估算，最终以主管部门审核认定为准。</Text>
          </View>
        )}
        {calc.answered &&
          !hasErrors &&
          shown.map((r) => {
            const repeat = spec.repeats.find((x) => x.item.id === r.id)
            return <ItemOutcome key={r.id} r={r} noun={repeat?.noun} entries={r.entries?.length ?? 0} />
          })}
      </View>
    </View>
  )
}
