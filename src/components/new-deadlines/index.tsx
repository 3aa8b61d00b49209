/**
 * The home page's news for a returning user (issue 22): deadline batches published since their last
 * visit that are for an item of their saved result, each with that item's figure as the results page
 * showed it and its own 提醒我. The match runs on the device against what the results page kept
 * (src/state/result-for-home.ts); nothing of the result is sent anywhere.
 */
import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Deadline } from '@cloud-api'
import SubscribeButton from '@/components/subscribe-button'
import { callCloud } from '@/services/cloud'
import { ROUTES } from '@/state/navigation'
import { newDeadlineMatches, type ResultItemForHome } from '@/state/result-for-home'

import './index.scss'

/** Batches not yet closed that are looked at (the list's page size). */
const LOOKED_AT = 100

export interface NewDeadlinesProps {
  /** The previous visit (ISO time); null on a first visit: nothing is new then. */
  since: string | null
  /** The saved result's items (empty: no result saved for the current answers). */
  items: ResultItemForHome[]
}

export default function NewDeadlines({ since, items }: NewDeadlinesProps) {
  const [list, setList] = useState<Deadline[]>([])
  const asks = since !== null && items.length > 0
  useEffect(() => {
    if (!asks) return
    let alive = true
    void callCloud('deadlines', { action: 'list', scope: 'current', limit: LOOKED_AT }).then((env) => {
      // Offline or not deployed: nothing to announce.
      if (alive && env.ok && env.data.action === 'list') setList(env.data.deadlines)
    })
    return () => {
      alive = false
    }
  }, [asks])
  const matches = newDeadlineMatches(list, since, items)
  if (matches.length === 0) return null
  return (
    <View className='card new-deadlines' id='home-new-deadlines'>
      <Text className='new-deadlines__title'>你上次来过之后新公布的申报</Text>
      <Text className='new-deadlines__note'>按本机保存的测算结果比对，结果不上传</Text>
      {matches.map(({ deadline: d, items: mine }) => (
        <View className='new-deadlines__item' key={d.id} data-deadline={d.id}>
          <Button className='new-deadlines__head' onClick={() => void Taro.navigateTo({ url: ROUTES.batch(d.measureId, d.id) })}>
            <Text className='new-deadlines__batch'>
              {d.sample ? '【示例】' : ''}
              {d.measureLabel}
              {d.batchTitle}
            </Text>
          </Button>
          {mine.map((i) => (
            <Text className='new-deadlines__figure' key={i.id} data-item={i.id}>
              按你上次的测算：{i.title} <Text className='new-deadlines__amount'>{i.figure}</Text>
            </Text>
          ))}
          {/* Its dates (in Beijing time, with the days left) and its own 提醒我. */}
          <SubscribeButton measureId={d.measureId} measureTitle={`${d.measureLabel}${d.measureTitle}`} deadlineId={d.id} />
        </View>
      ))}
    </View>
  )
}
