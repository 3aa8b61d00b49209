/**
 * A deadline in two lines — which batch of which measure, and its window with the issuing body
 * (a third names the items of a batch that is not for the whole measure) — as the admin pages list
 * it (the hub, the import preview). Samples of the local cloud are marked
 * in H5 only; the WeChat cloud has none.
 */
import { Text } from '@tarojs/components'
import type { Deadline } from '@cloud-api'

export default function DeadlineSummary({ d }: { d: Deadline }) {
  return (
    <>
      <Text className='admin__row-title'>
        {process.env.TARO_ENV === 'h5' && d.sample ? '【示例】' : ''}
        {d.measureLabel}
        {d.batchTitle}
      </Text>
      <Text className='muted'>
        {d.opensOn} 至 {d.closesOn} · {d.issuer}
      </Text>
      {(d.itemTitles?.length ?? 0) > 0 && <Text className='muted deadline-summary__items'>适用：{d.itemTitles!.join('；')}</Text>}
    </>
  )
}
