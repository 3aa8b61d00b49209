/**
 * 我的提醒: the caller's deadline reminders (the cloud answers only the caller's own, by WeChat's
 * openid), each with its two reminders' states and a cancel button. A reminder message opens this
 * page with ?measure=…&deadline=…, and that subscription is highlighted.
 */
import { useCallback, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { ReminderState, ReminderStatus, SubscriptionView } from '@cloud-api'
import AdminEntry from '@/components/admin-entry'
import { callCloud, type CloudError } from '@/services/cloud'
import { beijingTime } from '@/services/beijing-time'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

export const STATE_TEXT: Record<ReminderState, string> = {
  waiting: '待提醒',
  sent: '已提醒',
  sending: '发送中',
  refused: '微信未送达（未授权或授权已用完）',
  failed: '发送失败',
  unknown: '发送状态未知（系统中断或微信未回复，未重发以免重复）',
  none: '未订阅',
  cancelled: '已取消',
  dropped: '已失效',
}

type State = { phase: 'loading' } | { phase: 'error'; error: CloudError } | { phase: 'done'; list: SubscriptionView[] }

function dateCn(date: string): string {
  const [y, m, d] = date.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

function reminderText(r: ReminderStatus): string {
  const base = STATE_TEXT[r.state]
  const sentOn = r.state === 'sent' && r.sentAt ? beijingTime(r.sentAt, 'M月D日') : ''
  if (sentOn) return `${base}（${sentOn}）`
  return base
}

function deadlineText(s: SubscriptionView): string {
  if (!s.deadlineId) {
    const used = s.reminders.find((r) => r.usedFor)?.usedFor
    if (used) {
      const waiting = s.reminders.some((r) => r.state === 'waiting')
      return `${used.sample ? '【示例】' : ''}${used.batchTitle}：${dateCn(used.closesOn)}截止${waiting ? '；其余提醒留给下一次公布的截止时间' : ''}`
    }
    return '下一次公布的申报截止时间（暂未公布，录入后提醒）'
  }
  if (!s.deadline) return '该申报批次已被管理员删除，不会再提醒'
  const d = s.deadline
  // 截止 said once: "…6月30日截止（还有 10 天）", not "…截止（还有 10 天截止）".
  if (d.status === 'closed') return `申报批次「${d.batchTitle}」：${dateCn(d.closesOn)}已截止`
  return `申报批次「${d.batchTitle}」：${dateCn(d.closesOn)}截止（${d.daysToClose === 0 ? '就是今天' : `还有 ${d.daysToClose} 天`}）`
}

export default function RemindersPage() {
  const router = useRouter()
  const focus = router.params?.deadline ? `${router.params.measure ?? ''}.${router.params.deadline}` : null
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [busyKey, setBusyKey] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const alive = useAlive()

  const load = useCallback(async () => {
    setState({ phase: 'loading' })
    const env = await callCloud('subscriptions', { action: 'list' })
    if (!alive.current) return
    if (!env.ok) setState({ phase: 'error', error: env.error })
    else if (env.data.action === 'list') setState({ phase: 'done', list: env.data.subscriptions })
  }, [alive])

  useLoadOnOpen(load)

  const cancel = async (s: SubscriptionView) => {
    const confirm = await Taro.showModal({ title: '取消提醒', content: `不再提醒「${s.measureTitle}」的申报截止时间？`, confirmText: '取消提醒', cancelText: '保留' }).catch(() => ({ confirm: false }))
    if (!confirm.confirm) return
    setBusyKey(s.key)
    const env = await callCloud('subscriptions', { action: 'cancel', measureId: s.measureId, ...(s.deadlineId ? { deadlineId: s.deadlineId } : {}) })
    if (!alive.current) return
    setBusyKey(null)
    if (!env.ok) {
      setNotice(`取消失败：${env.error.message}`)
      return
    }
    setNotice('已取消，不会再发送这条提醒。')
    if (env.data.action === 'cancel' && env.data.subscription) {
      const updated = env.data.subscription
      setState((prev) => (prev.phase === 'done' ? { phase: 'done', list: prev.list.map((x) => (x.key === updated.key ? updated : x)) } : prev))
    }
  }

  return (
    <View style={pageTextStyle()} className='page reminders'>
      <View className='card reminders__intro'>
        <Text className='muted'>订阅后，我们会在申报截止前 7 天和前 1 天通过微信各提醒一次（每次同意只能发送一条）。截止时间以主管部门通知为准。</Text>
      </View>

      {notice && (
        <View className='card reminders__notice' role='status'>
          <Text>{notice}</Text>
        </View>
      )}

      {state.phase === 'loading' && (
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}

      {state.phase === 'error' && (
        <View className='card' id='reminders-error'>
          <Text className='error-text'>{state.error.message}</Text>
          <Button className='btn reminders__retry' onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}

      {state.phase === 'done' && state.list.length === 0 && (
        <View className='card reminders__empty' id='reminders-empty'>
          <Text>还没有订阅任何提醒。</Text>
          <Text className='muted'>在政策详情或测算结果中点「截止前提醒我」即可订阅。</Text>
        </View>
      )}

      {state.phase === 'done' &&
        state.list.map((s) => (
          <View
            key={s.key}
            className={`card reminder${focus === s.key ? ' reminder--focus' : ''}${s.status === 'cancelled' ? ' reminder--cancelled' : ''}`}
            data-key={s.key}
          >
            <Text className='reminder__measure'>
              {s.measureLabel}
              {s.measureTitle}
            </Text>
            {s.deadline?.sample && <Text className='reminder__sample'>示例，非官方日期</Text>}
            <Text className='reminder__deadline'>{deadlineText(s)}</Text>
            {(s.deadline?.itemTitles?.length ?? 0) > 0 && <Text className='reminder__items muted'>适用：{s.deadline!.itemTitles!.join('；')}</Text>}
            <View className='reminder__states'>
              {s.reminders.map((r) => (
                <View key={r.kind} className={`reminder__state reminder__state--${r.state}`} data-kind={r.kind} data-state={r.state}>
                  <Text className='reminder__label'>{r.label}</Text>
                  <Text>{reminderText(r)}</Text>
                </View>
              ))}
            </View>
            {s.status === 'active' && s.reminders.some((r) => r.state === 'waiting') && (
              <Button className='btn reminder__cancel' {...(busyKey === s.key ? { disabled: true } : {})} onClick={() => void cancel(s)}>
                {busyKey === s.key ? '正在取消…' : '取消提醒'}
              </Button>
            )}
          </View>
        ))}

      {/* Admins only (the cloud says who is): the way to the admin pages. */}
      <AdminEntry id='reminders-admin' />
    </View>
  )
}
