/** A result card: one item's figure, why, and its working, from a ResultCardView (card-view.ts makes it). */
import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { idSafe, type Stage } from '@policy/engine'
import type { GroupId } from '@policy/view'
import StageList from '../stage-list'
import SubscribeButton from '../subscribe-button'
import './index.scss'

export interface ResultCardView {
  /** Item id ('m08.upgrade'), for DOM ids and tests. */
  id: string
  measureId: string
  /** '（八）' */
  measureLabel: string
  measureTitle: string
  title: string
  /** Already formatted by shared/policy: '500万元', '最高 300万元', '至少 60万元'. */
  figure: string
  /** 精确 / 至少 / 最高 / 减免 / 待确认; empty where the figure says it (金额待核定) */
  amountLabel: string
  why: string
  stages: Stage[]
  /** Figures under each answer of an unknown fact ('若「…」为“是”' → '160万元'). */
  alternatives: { assume: string; figure: string }[]
  /** Questions to answer or change, with the button's words. */
  questions: { path: string; label: string; action: string }[]
  entryNames?: (string | undefined)[]
  noun?: string
  /** The item's group on the results page. */
  tone: GroupId
}

interface Props {
  view: ResultCardView
  onQuestion: (path: string) => void
  onDetail: (measureId: string) => void
  /** H5: copy a share text; WeChat uses the share button (open-type="share") instead. */
  onShare: (view: ResultCardView) => void
  compact?: boolean
}

const domKey = idSafe
const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** One measure item: label and title, the engine's figure and its kind, one line of why, the working. */
export default function ResultCard({ view, onQuestion, onDetail, onShare, compact }: Props) {
  const [open, setOpen] = useState(false)
  const id = `result-${domKey(view.id)}`
  const hasStages = view.stages.length > 0
  return (
    <View className={`result-card result-card--${view.tone}`} id={id} data-item={view.id}>
      <View className='result-card__head'>
        <Text className='result-card__label'>{view.measureLabel}</Text>
        <Text className='result-card__title'>{view.title}</Text>
      </View>
      {view.figure !== '' && (
        <View className='result-card__figure-row'>
          <Text className='result-card__figure' id={`${id}-figure`}>
            {view.figure}
          </Text>
          {view.amountLabel && view.tone !== 'nonMonetary' && (
            <Text className='result-card__kind' id={`${id}-kind`}>
              {view.amountLabel}
            </Text>
          )}
        </View>
      )}
      <Text className={`result-card__why${compact ? ' result-card__why--clamp' : ''}`} id={`${id}-why`}>
        {view.why}
      </Text>

      {view.alternatives.length > 0 && (
        <View className='result-card__alts'>
          {view.alternatives.map((a, i) => (
            <Text className='result-card__alt' key={i}>
              若{a.assume}：{a.figure}
            </Text>
          ))}
        </View>
      )}

      {view.questions.map((q, i) => (
        <Button className='result-card__question' id={`${id}-question-${i}`} key={q.path} data-path={q.path} onClick={() => onQuestion(q.path)}>
          {q.action}：{q.label} →
        </Button>
      ))}

      {hasStages && (
        <Button
          className='result-card__toggle'
          id={`${id}-toggle`}
          aria-expanded={open ? 'true' : 'false'}
          aria-label={`${open ? '收起' : '查看'}${view.title}的计算过程`}
          onClick={() => setOpen(!open)}
        >
          {open ? '收起计算过程 ▲' : '查看计算过程与条文 ▼'}
        </Button>
      )}
      {open && <StageList stages={view.stages} entryNames={view.entryNames} noun={view.noun} />}

      <View className='result-card__actions'>
        <Button className='result-card__action' id={`${id}-detail`} aria-label={`查看${view.measureLabel}${view.measureTitle}详情`} onClick={() => onDetail(view.measureId)}>
          政策详情
        </Button>
        {IS_WEAPP ? (
          <Button className='result-card__action' id={`${id}-share`} openType='share' data-measure={view.measureId} data-item={view.id}>
            分享
          </Button>
        ) : (
          <Button className='result-card__action' id={`${id}-share`} onClick={() => onShare(view)}>
            分享
          </Button>
        )}
      </View>
      {(view.tone === 'eligible' || view.tone === 'people' || view.tone === 'needsInfo' || view.tone === 'nearMiss') && <SubscribeButton measureId={view.measureId} itemId={view.id} measureTitle={`${view.measureLabel}${view.measureTitle}`} />}
    </View>
  )
}
