/**
 * 清单状态 (admins): whether the 2022 list is still in force, as the admin finds it in the official
 * sources — 在执行, 已有后续清单, 已废止 or 状态未核实 — with a one-line notice for users, the page
 * checked and the day it was checked (today in Beijing by default). Users see it on the home,
 * results and measure pages. The cloud validates; its messages are shown under their fields.
 */
import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import { LIST_STATE_LABELS, LIST_STATES, type ListState, type ListStatus, type ListStatusInput } from '@cloud-api'
import AdminGate from '@/components/admin-gate'
import ChoiceChips from '@/components/choice-chips'
import FieldMessage from '@/components/field-message'
import { callCloud, type CloudError } from '@/services/cloud'
import { fieldMessages, LIST_NOTICE_MAX } from '@/services/admin'
import { beijingTime, todayBeijing } from '@/services/beijing-time'
import { pageTextStyle } from '@/components/text-scale'

import '../admin.scss'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import './index.scss'

type Loaded = { phase: 'loading' } | { phase: 'error'; error: CloudError } | { phase: 'ready'; status: ListStatus }

const STATE_OPTIONS = LIST_STATES.map((s) => ({ value: s, label: LIST_STATE_LABELS[s] }))

const FIELDS: { key: Exclude<keyof ListStatusInput, 'state'>; label: string; placeholder: string; max: number; hint?: string }[] = [
  { key: 'notice', label: '说明', placeholder: '如 2023 年清单已发布', max: LIST_NOTICE_MAX, hint: `给用户看的一句话，不超过 ${LIST_NOTICE_MAX} 个字；已有后续清单或已废止时必填。` },
  { key: 'sourceUrl', label: '依据链接', placeholder: 'https://…（官方页面）', max: 500, hint: '除「状态未核实」外必填。' },
  { key: 'checkedOn', label: '核对日期', placeholder: 'YYYY-MM-DD（北京时间）', max: 20 },
]

function CurrentStatus({ status }: { status: ListStatus }) {
  return (
    <View className='card status-current' id='status-current'>
      <Text className='admin__title'>当前状态</Text>
      <Text className={`admin__tag${status.state === 'inForce' ? '' : ' admin__tag--warn'}`} id='status-current-label'>
        {status.label}
      </Text>
      {status.notice && <Text className='status-current__line'>{status.notice}</Text>}
      {status.sourceUrl && <Text className='admin__mono status-current__line'>{status.sourceUrl}</Text>}
      <Text className='muted status-current__line'>
        {status.checkedOn ? `核对日期：${status.checkedOn}` : '还没有管理员核对过。'}
        {status.updatedAt ? ` · 更新于 ${beijingTime(status.updatedAt, 'YYYY-MM-DD HH:mm')}（北京时间）` : ''}
      </Text>
    </View>
  )
}

function StatusEditor() {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' })
  const [form, setForm] = useState<ListStatusInput>(() => ({ state: 'unverified', notice: '', sourceUrl: '', checkedOn: todayBeijing() }))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [topError, setTopError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const alive = useAlive()

  const load = useCallback(async () => {
    setLoaded({ phase: 'loading' })
    const env = await callCloud('listStatus', { action: 'get' })
    if (!alive.current) return
    if (!env.ok) return setLoaded({ phase: 'error', error: env.error })
    const status = env.data.status
    setLoaded({ phase: 'ready', status })
    // Saving means the sources were checked now: the date starts at today.
    setForm({ state: status.state, notice: status.notice, sourceUrl: status.sourceUrl, checkedOn: todayBeijing() })
  }, [alive])

  useLoadOnOpen(load)

  const set = (key: keyof ListStatusInput, value: string) => {
    setForm((prev) => ({ ...prev, [key]: value }))
    setErrors((prev) => (prev[key] ? { ...prev, [key]: '' } : prev))
  }

  const save = async () => {
    setSaving(true)
    setErrors({})
    setTopError(null)
    // The revision read (0: none stored yet, or a function that sends none and ignores it).
    const revision = loaded.phase === 'ready' ? (loaded.status.revision ?? 0) : 0
    const env = await callCloud('listStatus', { action: 'set', status: form, revision })
    if (!alive.current) return
    setSaving(false)
    if (!env.ok && env.error.code === 'CONFLICT') {
      // Another admin set it since this page read it: say so and show theirs above; the form keeps what was typed.
      setTopError(env.error.message)
      const now = await callCloud('listStatus', { action: 'get' })
      if (alive.current && now.ok) setLoaded({ phase: 'ready', status: now.data.status })
      return
    }
    if (!env.ok) {
      const byField = fieldMessages(env.error, 'status.')
      setErrors(byField)
      const known = ['state', 'notice', 'sourceUrl', 'checkedOn'].some((k) => byField[k])
      if (!known) setTopError(env.error.message)
      return
    }
    setLoaded({ phase: 'ready', status: env.data.status })
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  if (loaded.phase === 'loading') {
    return (
      <View style={pageTextStyle()} className='page admin admin-status'>
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      </View>
    )
  }
  if (loaded.phase === 'error') {
    return (
      <View style={pageTextStyle()} className='page admin admin-status'>
        <View className='card' id='status-load-error'>
          <Text className='error-text'>{loaded.error.message}</Text>
          <Button className='btn admin__more' id='status-retry' onClick={() => void load()}>
            重试
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View style={pageTextStyle()} className='page admin admin-status'>
      <CurrentStatus status={loaded.status} />

      <View className='card' id='status-form'>
        <Text className='admin__title'>更新状态</Text>
        <Text className='muted'>请先在官方网站核对 2022 年清单是否仍在执行、是否已有后续清单或已废止，再填写。</Text>
        <View className='admin__field'>
          <Text className='admin__label'>状态</Text>
          <ChoiceChips<ListState> options={STATE_OPTIONS} value={form.state} onChange={(v) => v && set('state', v)} label='清单状态' idPrefix='status-state' required columns={2} />
          <FieldMessage message={errors.state || undefined} id='status-state-error' />
        </View>
        {FIELDS.map((f) => (
          <View key={f.key} className='admin__field'>
            <Text className='admin__label'>
              {f.label}
              {f.key === 'notice' ? `（${Array.from(form.notice).length}/${LIST_NOTICE_MAX}）` : ''}
            </Text>
            <Input className='text-input' id={`status-${f.key}`} value={form[f.key]} maxlength={f.max} placeholder={f.placeholder} onInput={(e) => set(f.key, e.detail.value)} />
            {f.hint && <Text className='muted'>{f.hint}</Text>}
            <FieldMessage message={errors[f.key] || undefined} id={`status-${f.key}-error`} />
          </View>
        ))}
        {topError && (
          <View className='card admin__notice admin__notice--error status-top-error' id='status-error' role='alert'>
            <Text>{topError}</Text>
          </View>
        )}
        <View className='admin__actions'>
          <Button className='btn btn--primary' id='status-save' {...(saving ? { disabled: true } : {})} onClick={() => void save()}>
            {saving ? '正在保存…' : '保存并发布'}
          </Button>
        </View>
      </View>
    </View>
  )
}

export default function AdminStatusPage() {
  return <AdminGate>{() => <StatusEditor />}</AdminGate>
}
