/**
 * 开发：消息发件箱 (H5 dev build only). What the local cloud's message sender "sent" instead of
 * WeChat, newest first, with the latest reminder runs — and a button that runs the reminder timer
 * at a chosen date, like `npm run remind -- --now 2022-06-23`.
 */
import { useCallback, useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { REMINDER_TEMPLATES, type RemindRunSummary } from '@cloud-api'

import SubscribeButton from '@/components/subscribe-button'
import { beijingTime } from '@/services/beijing-time'

import { fetchOutbox, runTimer, type OutboxData } from './dev-api'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

const KIND_OF = Object.fromEntries(Object.values(REMINDER_TEMPLATES).map((t) => [t.id, t.label]))

function summaryText(s: RemindRunSummary): string {
  const skipped = Object.entries(s.skipped)
    .map(([k, v]) => `${k} ${v}`)
    .join('，')
  return `${s.today}：到期 ${s.deadlinesDue} 个截止；发送 ${s.sent}，拒收 ${s.refused}，失效 ${s.dropped}，数据错误 ${s.dataErrors}，待重试 ${s.retry}，未知 ${s.unknown}${skipped ? `，跳过 ${skipped}` : ''}（${s.stoppedBy}，${s.durationMs} ms）`
}

export default function OutboxPage() {
  const [data, setData] = useState<OutboxData | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [date, setDate] = useState('')
  const [last, setLast] = useState<string | null>(null)
  const [measure, setMeasure] = useState('m01')
  const alive = useAlive()

  const load = useCallback(async () => {
    const env = await fetchOutbox()
    if (!alive.current) return
    if (env.ok) {
      setData(env.data)
      setError(null)
    } else setError(env.error.message)
  }, [alive])

  useLoadOnOpen(load)

  const run = async () => {
    setLast(null)
    const env = await runTimer(date.trim())
    if (!alive.current) return
    setLast(env.ok ? `运行完成 · ${summaryText(env.data)}` : `运行失败：${env.error.message}`)
    await load()
  }

  if (process.env.TARO_ENV !== 'h5') {
    return (
      <View style={pageTextStyle()} className='page'>
        <Text className='muted'>发件箱只在本地开发（H5）中可用。</Text>
      </View>
    )
  }

  return (
    <View style={pageTextStyle()} className='page outbox'>
      <View className='card' id='outbox-try'>
        <Text className='outbox__title'>试订阅</Text>
        <Text className='muted'>与详情页、结果页相同的订阅按钮（措施编号 m01–m30）。</Text>
        <Input className='text-input outbox__input' id='outbox-measure' value={measure} placeholder='m01' onInput={(e) => setMeasure(e.detail.value.trim())} />
        {/^m(0[1-9]|[12]\d|30)$/.test(measure) && <SubscribeButton key={measure} measureId={measure} />}
      </View>

      <View className='card'>
        <Text className='outbox__title'>运行提醒任务</Text>
        <Text className='muted'>以定时触发器的身份运行一次（同 npm run remind -- --now 日期）。留空为现在。</Text>
        <Input className='text-input outbox__input' id='outbox-date' value={date} placeholder='YYYY-MM-DD，如 2022-06-23' onInput={(e) => setDate(e.detail.value)} />
        <Button className='btn btn--primary' id='outbox-run' onClick={() => void run()}>
          运行提醒任务
        </Button>
        {last && (
          <Text className='outbox__last' id='outbox-last'>
            {last}
          </Text>
        )}
      </View>

      {error && (
        <View className='card'>
          <Text className='error-text'>{error}</Text>
        </View>
      )}

      <View className='card'>
        <Text className='outbox__title'>
          发件箱（{data ? data.messages.length : '…'}）
        </Text>
        {data && data.messages.length === 0 && <Text className='muted'>还没有消息。</Text>}
        {data?.messages.map((m) => (
          <View key={m._id} className='outbox__message' data-touser={m.message.touser} data-template={m.message.templateId}>
            <Text className='muted'>
              {beijingTime(m.at)} → {m.message.touser} · {KIND_OF[m.message.templateId] ?? m.message.templateId}
            </Text>
            {Object.entries(m.message.data).map(([k, v]) => (
              <Text key={k} className='outbox__field'>
                {k}：{v.value}
              </Text>
            ))}
            <Text className='muted outbox__page'>打开：{m.message.page}</Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='outbox__title'>最近运行</Text>
        {data?.runs.length === 0 && <Text className='muted'>还没有运行记录。</Text>}
        {data?.runs.map((r) => (
          <Text key={r._id} className='outbox__run'>
            {summaryText(r)}
          </Text>
        ))}
      </View>
    </View>
  )
}
