/** A measure's published application windows on its detail page, each batch with its 提醒我. */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'

import SubscribeButton from '../subscribe-button'
import { loadDeadlines, type DeadlineView } from './load'

import './index.scss'

function statusText(d: DeadlineView): string {
  if (d.status === 'closed') return '已截止'
  if (d.status === 'upcoming') return '尚未开始受理'
  return d.daysToClose === 0 ? '正在受理，今天截止' : `正在受理，还有 ${d.daysToClose} 天截止`
}

type State = { phase: 'loading' } | { phase: 'done'; list: DeadlineView[] } | { phase: 'error'; message: string }

/** The DOM id of the batch a link opened the page at (`?deadline=`). */
export const FOCUS_ID = 'deadline-focus'

/**
 * The measure's application windows, as published by the authorities (the list itself has no
 * dates), each batch with the items it is for and its own 提醒我 (issue 22, items 2 and 5). With
 * none known it says so, never shows an invented date, and offers a reminder for the next one.
 * `focus`: the batch a link (the home page's list, a reminder) opened the page at — marked and
 * scrolled to.
 */
export default function MeasureDeadlines({ measureId, measureTitle, focus }: { measureId: string; measureTitle?: string; focus?: string }) {
  const [state, setState] = useState<State>({ phase: 'loading' })
  useEffect(() => {
    let alive = true
    setState({ phase: 'loading' })
    void loadDeadlines(measureId).then((r) => {
      if (!alive) return
      setState(r.ok ? { phase: 'done', list: r.list } : { phase: 'error', message: r.message })
    })
    return () => {
      alive = false
    }
  }, [measureId])

  const focused = state.phase === 'done' && !!focus && state.list.some((d) => d.id === focus)
  useEffect(() => {
    if (!focused) return
    const t = setTimeout(() => void Taro.pageScrollTo({ selector: `#${FOCUS_ID}`, duration: 300 }).catch(() => undefined), 300)
    return () => clearTimeout(t)
  }, [focused])

  return (
    <View className='measure-deadlines' id='measure-deadlines'>
      {state.phase === 'loading' && <Text className='measure-deadlines__muted'>正在查询申报时间…</Text>}
      {state.phase === 'error' && (
        <Text className='measure-deadlines__muted' id='measure-deadlines-error'>
          {state.message}
        </Text>
      )}
      {state.phase === 'done' && state.list.length === 0 && (
        <Text className='measure-deadlines__muted' id='measure-deadlines-none'>
          清单本身没有写申报日期，受理时间以主管部门的申报通知为准。
        </Text>
      )}
      {state.phase === 'done' &&
        state.list.map((d) => (
          <View
            key={d.id}
            className={`measure-deadlines__item${d.id === focus ? ' measure-deadlines__item--focus' : ''}`}
            data-deadline={d.id}
            {...(d.id === focus ? { id: FOCUS_ID } : {})}
          >
            <Text className='measure-deadlines__title'>
              {d.sample && <Text className='measure-deadlines__sample'>【示例，非官方日期】</Text>}
              {d.batchTitle}
            </Text>
            <Text className='measure-deadlines__items'>适用：{d.itemTitles.length > 0 ? d.itemTitles.join('；') : '整项措施'}</Text>
            <Text className='measure-deadlines__dates'>
              {d.opensOn} 至 {d.closesOn}
            </Text>
            <Text className='measure-deadlines__status'>{statusText(d)}</Text>
            {d.issuer && <Text className='measure-deadlines__muted'>发布：{d.issuer}</Text>}
            {d.sourceUrl && <Text className='measure-deadlines__muted measure-deadlines__source'>来源：{d.sourceUrl}</Text>}
            <SubscribeButton measureId={measureId} measureTitle={measureTitle} deadlineId={d.id} />
          </View>
        ))}
      {/* No batch listed (none known, or the list could not be read): the measure's own button. */}
      {(state.phase === 'error' || (state.phase === 'done' && state.list.length === 0)) && <SubscribeButton measureId={measureId} measureTitle={measureTitle} />}
    </View>
  )
}
