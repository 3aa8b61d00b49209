import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'

import { loadDeadlines, type DeadlineView } from './load'

import './index.scss'

function statusText(d: DeadlineView): string {
  if (d.status === 'closed') return '已截止'
  if (d.status === 'upcoming') return '尚未开始受理'
  return d.daysToClose === 0 ? '正在受理，今天截止' : `正在受理，还有 ${d.daysToClose} 天截止`
}

type State = { phase: 'loading' } | { phase: 'done'; list: DeadlineView[] } | { phase: 'error'; message: string }

/**
 * The measure's application windows, as published by the authorities (the list itself has no
 * dates). With none known it says so, and never shows an invented date.
 */
export default function MeasureDeadlines({ measureId }: { measureId: string }) {
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
          <View key={d.id} className='measure-deadlines__item' data-deadline={d.id}>
            <Text className='measure-deadlines__title'>
              {d.sample && <Text className='measure-deadlines__sample'>【示例，非官方日期】</Text>}
              {d.batchTitle}
            </Text>
            <Text className='measure-deadlines__dates'>
              {d.opensOn} 至 {d.closesOn}
            </Text>
            <Text className='measure-deadlines__status'>{statusText(d)}</Text>
            {d.issuer && <Text className='measure-deadlines__muted'>发布：{d.issuer}</Text>}
            {d.sourceUrl && <Text className='measure-deadlines__muted measure-deadlines__source'>来源：{d.sourceUrl}</Text>}
          </View>
        ))}
    </View>
  )
}
