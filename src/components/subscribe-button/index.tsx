/**
 * 截止提醒 — the subscribe buttons of a measure (used on the measure detail and results pages).
 *
 *   <SubscribeButton measureId='m08' deadlineId='…' />   one batch (the detail page, in each batch it lists)
 *   <SubscribeButton measureId='m08' itemId='m08.robots' />   the batches for one item (a result card)
 *   <SubscribeButton measureId='m08' />   every open batch of the measure
 *
 * Each open batch has its own 提醒我 and the subscription is for that batch (issue 22, item 2: a
 * user who cares about the later batch must not be subscribed to the earlier one); a batch shows
 * only under the items it names (item 5, shared/cloud/deadline-items.ts). With no batch known it
 * says so plainly and offers a reminder for the next one: no date is ever invented. A tap asks WeChat for the two reminder
 * templates (7 days and 1 day before closing; the ids are placeholders in shared/cloud/templates.ts),
 * sends the per-template results to the `subscriptions` function and explains the outcome in
 * Chinese — accepted, refused, or a template banned/filtered by WeChat. In the H5 build a simulated
 * sheet stands in for WeChat's.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { appliesToItem, type BatchReminderStatus, type Deadline, explainRequestFailure, type MeasureReminderStatus, REMINDER_TEMPLATES, type SubscribeOutcome, type SubscriptionView } from '@cloud-api'
import { callCloud } from '@/services/cloud'

import { requestInWeChat, TEMPLATE_IDS, type RequestResult } from './request'
import { invalidateStatus, loadStatus, onStatus, updateStatus, type StatusResult } from './status'

import './index.scss'

export interface SubscribeButtonProps {
  measureId: string
  measureTitle?: string
  /** Only this batch. */
  deadlineId?: string
  /** Only the batches for this item of the measure ('m08.robots'). */
  itemId?: string
}

/** One row: a batch, or (deadline null) the measure's next batch when none is known. */
export type BatchRow = { deadline: Deadline | null; subscription: SubscriptionView | null }

/**
 * The rows a button shows: the asked batch; or the batches for the item; or every batch; or, when
 * the measure has none, the next one. Empty: the asked batch has closed, or the measure's batches
 * are all for other items.
 */
export function batchRows(status: MeasureReminderStatus, { deadlineId, itemId }: { deadlineId?: string; itemId?: string }): BatchRow[] {
  const batches: BatchReminderStatus[] = status.batches ?? (status.deadline ? [{ deadline: status.deadline, subscription: status.subscription }] : [])
  if (deadlineId) return batches.filter((b) => b.deadline.id === deadlineId)
  if (batches.length === 0) return [{ deadline: null, subscription: status.subscription }]
  return itemId ? batches.filter((b) => appliesToItem(b.deadline, itemId)) : batches
}

/** The status after a subscribe to one row (the other rows and buttons of the measure keep theirs). */
function withSubscription(status: MeasureReminderStatus, deadline: Deadline | null, subscription: SubscriptionView | null): MeasureReminderStatus {
  if (!deadline) return { ...status, subscription }
  const batches = (status.batches ?? (status.deadline ? [{ deadline: status.deadline, subscription: status.subscription }] : [])).map((b) =>
    b.deadline.id === deadline.id ? { ...b, subscription } : b,
  )
  return { ...status, batches, subscription: status.deadline?.id === deadline.id ? subscription : status.subscription }
}

type Notice = { tone: 'ok' | 'warn' | 'error'; text: string }

function dateCn(date: string): string {
  const [y, m, d] = date.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

function deadlineLine(d: Deadline): string {
  const left = d.daysToClose === 0 ? '今天截止' : `还有 ${d.daysToClose} 天`
  const opens = d.status === 'upcoming' ? `，${dateCn(d.opensOn)}开始受理` : ''
  return `申报截止：${dateCn(d.closesOn)}（${left}${opens}）`
}

/** Kinds that would get a reminder if the user does nothing more. */
function waitingKinds(sub: SubscriptionView | null): string[] {
  if (!sub || sub.status !== 'active') return []
  return sub.reminders.filter((r) => r.state === 'waiting').map((r) => r.label)
}

/** The simulated WeChat sheet (H5 only). */
function SimulatedSheet({ measureTitle, onDone }: { measureTitle?: string; onDone: (r: RequestResult) => void }) {
  const [picked, setPicked] = useState<Record<string, boolean>>(() => Object.fromEntries(TEMPLATE_IDS.map((id) => [id, true])))
  const all = (outcome: SubscribeOutcome) => onDone({ ok: true, results: Object.fromEntries(TEMPLATE_IDS.map((id) => [id, outcome])) })
  return (
    <View className='subscribe-sheet' id='subscribe-sheet'>
      <View className='subscribe-sheet__panel'>
        <Text className='subscribe-sheet__dev'>本地开发版：这是模拟的微信订阅授权，下面两项模拟微信的其他答复</Text>
        <Text className='subscribe-sheet__title'>「政策算盘」申请向你发送以下消息</Text>
        {measureTitle && <Text className='subscribe-sheet__muted'>{measureTitle}</Text>}
        {TEMPLATE_IDS.map((id) => {
          const t = Object.values(REMINDER_TEMPLATES).find((x) => x.id === id)!
          return (
            <View
              key={id}
              className={`subscribe-sheet__row${picked[id] ? ' subscribe-sheet__row--on' : ''}`}
              data-kind={t.kind}
              onClick={() => setPicked((p) => ({ ...p, [id]: !p[id] }))}
            >
              <Text className='subscribe-sheet__check'>{picked[id] ? '☑' : '☐'}</Text>
              <Text>申报截止提醒（{t.label}）</Text>
            </View>
          )
        })}
        <View className='subscribe-sheet__actions'>
          <Button className='btn subscribe-sheet__reject' id='subscribe-sheet-reject' onClick={() => all('reject')}>
            取消
          </Button>
          <Button
            className='btn btn--primary subscribe-sheet__allow'
            id='subscribe-sheet-allow'
            onClick={() => onDone({ ok: true, results: Object.fromEntries(TEMPLATE_IDS.map((id) => [id, picked[id] ? 'accept' : 'reject'])) })}
          >
            允许
          </Button>
        </View>
        <View className='subscribe-sheet__sim'>
          <Text className='subscribe-sheet__link' id='subscribe-sheet-ban' onClick={() => all('ban')}>
            模板被微信停用
          </Text>
          <Text className='subscribe-sheet__link' id='subscribe-sheet-fail' onClick={() => onDone({ ok: false, errCode: 20004, errMsg: 'requestSubscribeMessage:fail (simulated 20004)' })}>
            订阅消息总开关已关
          </Text>
        </View>
      </View>
    </View>
  )
}

/** One batch (or the next one) with its own 提醒我, notice and simulated sheet. */
function BatchButton({
  measureId,
  measureTitle,
  row,
  inBatch,
  onSubscribed,
}: {
  measureId: string
  measureTitle?: string
  row: BatchRow
  /** Inside the batch's own block (the detail page), which already names it and its items. */
  inBatch: boolean
  onSubscribed: (deadline: Deadline | null, subscription: SubscriptionView | null) => void
}) {
  const [busy, setBusy] = useState(false)
  const [sheet, setSheet] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const alive = useRef(true)
  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])
  // The page shown again: the outcome of an earlier tap is stale.
  useDidShow(() => setNotice(null))

  const { deadline } = row

  const finish = useCallback(
    async (req: RequestResult) => {
      setSheet(false)
      if (!req.ok) {
        setNotice({ tone: 'warn', text: explainRequestFailure(req.errCode) })
        return
      }
      setBusy(true)
      const env = await callCloud('subscriptions', {
        action: 'subscribe',
        measureId,
        ...(deadline ? { deadlineId: deadline.id } : {}),
        results: req.results,
      })
      if (!alive.current) return
      setBusy(false)
      if (!env.ok || env.data.action !== 'subscribe') {
        setNotice({ tone: 'error', text: env.ok ? '订阅结果未能保存，请再试一次。' : `订阅结果未能保存：${env.error.message}` })
        return
      }
      const d = env.data
      setNotice({ tone: d.accepted.length > 0 ? 'ok' : 'warn', text: d.message })
      onSubscribed(deadline, d.subscription)
    },
    [measureId, deadline, onSubscribed],
  )

  const tap = () => {
    if (busy) return
    setNotice(null)
    if (process.env.TARO_ENV === 'h5') {
      setSheet(true)
      return
    }
    // WeChat: requestSubscribeMessage straight from the tap, nothing awaited before it.
    void requestInWeChat().then(finish)
  }

  // 我的提醒 opened at this batch's row.
  const remindersUrl = deadline ? `/pages/reminders/index?measure=${encodeURIComponent(measureId)}&deadline=${encodeURIComponent(deadline.id)}` : '/pages/reminders/index'
  const waiting = waitingKinds(row.subscription)
  const allWaiting = waiting.length === TEMPLATE_IDS.length
  const items = inBatch ? [] : (deadline?.itemTitles ?? [])
  return (
    <View className='subscribe-button' data-measure={measureId} data-deadline={deadline?.id ?? ''}>
      {deadline ? (
        <View className='subscribe-button__deadline'>
          {deadline.sample && <Text className='subscribe-button__sample'>示例，非官方日期</Text>}
          <Text className='subscribe-button__date'>{deadlineLine(deadline)}</Text>
          {!inBatch && <Text className='subscribe-button__muted subscribe-button__batch'>{deadline.batchTitle}</Text>}
          {items.length > 0 && <Text className='subscribe-button__muted subscribe-button__items'>适用：{items.join('；')}</Text>}
        </View>
      ) : (
        <Text className='subscribe-button__muted subscribe-button__none'>暂未公布申报截止时间（以主管部门通知为准）。</Text>
      )}
      {waiting.length > 0 && (
        <Text className='subscribe-button__subscribed'>已订阅：{waiting.join('、')}提醒{deadline ? '' : '（公布截止时间后发送）'}</Text>
      )}
      {!allWaiting && (
        <Button className='btn subscribe-button__tap' {...(busy ? { disabled: true } : {})} onClick={tap}>
          {busy ? '正在保存…' : deadline ? '截止前提醒我' : '公布截止时间后提醒我'}
        </Button>
      )}
      {notice && (
        <View className={`subscribe-button__notice subscribe-button__notice--${notice.tone}`} role='status'>
          <Text>{notice.text}</Text>
          {notice.tone === 'ok' && (
            <Text className='subscribe-button__link' onClick={() => void Taro.navigateTo({ url: remindersUrl })}>
              查看我的提醒
            </Text>
          )}
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && sheet && <SimulatedSheet measureTitle={measureTitle} onDone={(r) => void finish(r)} />}
    </View>
  )
}

export default function SubscribeButton({ measureId, measureTitle, deadlineId, itemId }: SubscribeButtonProps) {
  const [state, setState] = useState<StatusResult | null>(null)
  const alive = useRef(true)

  // A page opened or shown again asks afresh; buttons doing so together still share one batched call.
  const refresh = useCallback(() => {
    invalidateStatus(measureId)
    void loadStatus(measureId).then((r) => alive.current && setState(r))
  }, [measureId])

  useEffect(() => {
    alive.current = true
    setState(null)
    refresh()
    const off = onStatus(measureId, (r) => alive.current && setState(r))
    return () => {
      alive.current = false
      off()
    }
  }, [measureId, refresh])

  // The page shown again (back from 我的提醒 after a cancel, or a deadline published meanwhile):
  // what was loaded may be stale, so ask the cloud again.
  useDidShow(() => refresh())

  const status = state?.ok ? state.status : null
  const onSubscribed = useCallback(
    (deadline: Deadline | null, subscription: SubscriptionView | null) => {
      if (status) updateStatus(withSubscription(status, deadline, subscription))
    },
    [status],
  )

  const retry = () => {
    setState(null)
    refresh()
  }

  if (state === null) {
    return (
      <View className='subscribe-button subscribe-button--loading' data-measure={measureId}>
        <Text className='subscribe-button__muted'>正在查询申报截止时间…</Text>
      </View>
    )
  }
  if (!state.ok) {
    return (
      <View className='subscribe-button subscribe-button--error' data-measure={measureId}>
        <Text className='subscribe-button__muted'>截止提醒暂时不可用：{state.error.message}</Text>
        <Text className='subscribe-button__link' onClick={retry}>
          重试
        </Text>
      </View>
    )
  }

  const rows = batchRows(state.status, { deadlineId, itemId })
  if (rows.length === 0) {
    return (
      <View className='subscribe-button subscribe-button--none' data-measure={measureId}>
        <Text className='subscribe-button__muted'>{deadlineId ? '这一申报批次已截止或已被删除。' : '目前公布的申报批次不含这一事项（以主管部门通知为准）。'}</Text>
      </View>
    )
  }
  return (
    <>
      {rows.map((row) => (
        <BatchButton key={row.deadline?.id ?? 'next'} measureId={measureId} measureTitle={measureTitle} row={row} inBatch={!!deadlineId} onSubscribed={onSubscribed} />
      ))}
    </>
  )
}
