/**
 * One application deadline (admins): with ?id= it is edited — loaded with who its reminders will
 * reach (deadlines.reach answers the deadline itself too), and can be deleted after a confirmation
 * that says how many users hold a reminder for it; without an id a new one is created. The cloud
 * validates: its messages are shown under the field they name, and the typed text stays.
 * 适用事项 (issue 22, item 5): the items of the measure the batch is for, picked from the measure's
 * items (the cloud names them: this package does not load the catalog); 整项措施 by default.
 * MISSING is said when the deadline is gone.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import { REACH_COUNT_CAP, type Deadline, type DeadlineInput, type DeadlinesResponse, type ReminderReach } from '@cloud-api'
import AdminGate from '@/components/admin-gate'
import FieldMessage from '@/components/field-message'
import { callCloud, type CloudError } from '@/services/cloud'
import { backToAdmin, DEADLINE_FORM_FIELDS, fieldMessages } from '@/services/admin'
import { pageTextStyle } from '@/components/text-scale'

import '../admin.scss'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import './index.scss'

export const MISSING = '这条截止时间不存在（可能已被删除）'

const EMPTY: DeadlineInput = { measureId: '', batchTitle: '', opensOn: '', closesOn: '', issuer: '', sourceUrl: '' }

type Loaded =
  | { phase: 'loading' }
  | { phase: 'error'; error: CloudError }
  | { phase: 'missing' }
  /** No id: a new deadline. */
  | { phase: 'new' }
  | { phase: 'ready'; deadline: Deadline; reach: ReminderReach[] }

function inputOf(d: Deadline): DeadlineInput {
  return { measureId: d.measureId, batchTitle: d.batchTitle, opensOn: d.opensOn, closesOn: d.closesOn, issuer: d.issuer, sourceUrl: d.sourceUrl, itemIds: d.itemIds ?? [] }
}

type MeasureItems = Extract<DeadlinesResponse, { action: 'items' }>

/** What the picker says for a batch that names no item. */
export const WHOLE_MEASURE = '整项措施'

/** A DOM id for an item id ('m08.smart-factory' → 'admin-item-m08-smart-factory'). */
const itemDomId = (id: string) => `admin-item-${id.replace(/[^0-9A-Za-z]+/g, '-')}`

/**
 * 适用事项: 整项措施, or some of the measure's items (tap to pick or drop one). Shown once the
 * typed 措施编号 names a measure.
 */
function ItemPicker({ measure, value, onChange }: { measure: MeasureItems; value: string[]; onChange: (next: string[]) => void }) {
  const whole = value.length === 0
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((x) => x !== id) : measure.items.map((i) => i.id).filter((x) => x === id || value.includes(x)))
  return (
    <View className='deadline-items' id='admin-items'>
      <View className={`deadline-items__row${whole ? ' deadline-items__row--on' : ''}`} id='admin-items-whole' onClick={() => onChange([])}>
        <Text className='deadline-items__check'>{whole ? '☑' : '☐'}</Text>
        <Text>{WHOLE_MEASURE}（本措施的全部事项）</Text>
      </View>
      {measure.items.map((item) => {
        const on = value.includes(item.id)
        return (
          <View key={item.id} className={`deadline-items__row${on ? ' deadline-items__row--on' : ''}`} id={itemDomId(item.id)} data-item={item.id} onClick={() => toggle(item.id)}>
            <Text className='deadline-items__check'>{on ? '☑' : '☐'}</Text>
            <Text>{item.title}</Text>
          </View>
        )
      })}
    </View>
  )
}

function param(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** 'N 人', or '至少 N 人' when the cloud stopped counting. */
function people(n: number, capped: boolean): string {
  return `${capped && n >= REACH_COUNT_CAP ? '至少 ' : ''}${n} 人`
}

/** The delete confirmation: how many users hold a reminder for this batch, and what deleting does to them. */
export function deleteConfirmText(d: Deadline, reach: ReminderReach[]): string {
  const head = `删除「${d.batchTitle}」（${d.opensOn} 至 ${d.closesOn}）？`
  const holders = reach.filter((r) => r.forBatch > 0)
  if (holders.length === 0) return `${head}目前没有用户持有这一批次的提醒授权。`
  const counts = reach.map((r) => `${r.label} ${people(r.forBatch, r.capped)}`).join('，')
  return `${head}持有这一批次提醒授权的用户：${counts}。删除后他们不会收到这一批次的提醒。`
}

function ReachBlock({ reach }: { reach: ReminderReach[] }) {
  return (
    <View className='card deadline-reach' id='deadline-reach'>
      <Text className='admin__title'>谁会收到提醒</Text>
      <Text className='muted'>按目前持有提醒授权的用户计算；每位用户每次同意只能收到一条提醒。</Text>
      {reach.map((r) => (
        <View key={r.kind} className='admin__row deadline-reach__kind' id={`deadline-reach-${r.kind}`}>
          <Text className='admin__row-title'>{r.label}</Text>
          <Text id={`deadline-reach-${r.kind}-batch`}>本批次订阅 {people(r.forBatch, r.capped)}</Text>
          <Text className='muted' id={`deadline-reach-${r.kind}-next`}>
            订阅「下一批次」的 {people(r.forNext, r.capped)}（若本批次先到提醒日也会用到）
          </Text>
        </View>
      ))}
    </View>
  )
}

function Editor({ id }: { id?: string }) {
  const [loaded, setLoaded] = useState<Loaded>(id ? { phase: 'loading' } : { phase: 'new' })
  const [form, setForm] = useState<DeadlineInput>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [topError, setTopError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null)
  /** After CONFLICT: the deadline as another admin saved it (shown next to the form, which keeps the typed text). */
  const [theirs, setTheirs] = useState<Deadline | null>(null)
  const [measure, setMeasure] = useState<MeasureItems | null>(null)
  const alive = useAlive()

  // The typed measure's title and items, asked of the cloud a moment after typing stops.
  const typedMeasure = form.measureId.trim()
  useEffect(() => {
    if (!typedMeasure) {
      setMeasure(null)
      return
    }
    let current = true
    const t = setTimeout(() => {
      void callCloud('deadlines', { action: 'items', measureId: typedMeasure }).then((env) => {
        if (!current || !alive.current) return
        const found = env.ok && env.data.action === 'items' ? env.data : null
        setMeasure(found)
        // Items of another measure are dropped with it.
        if (found) setForm((prev) => ({ ...prev, itemIds: (prev.itemIds ?? []).filter((id) => found.items.some((i) => i.id === id)) }))
      })
    }, 250)
    return () => {
      current = false
      clearTimeout(t)
    }
  }, [typedMeasure, alive])


  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '修改截止时间' : '新增截止时间' }).catch(() => undefined)
  }, [id])

  const load = useCallback(async () => {
    if (!id) return
    setLoaded({ phase: 'loading' })
    const env = await callCloud('deadlines', { action: 'reach', id })
    if (!alive.current) return
    if (!env.ok) {
      setLoaded(env.error.fields?.some((f) => f.field === 'id') ? { phase: 'missing' } : { phase: 'error', error: env.error })
      return
    }
    if (env.data.action !== 'reach') return
    setLoaded({ phase: 'ready', deadline: env.data.deadline, reach: env.data.reminders })
    setForm(inputOf(env.data.deadline))
  }, [id, alive])

  /**
   * After CONFLICT (another admin saved this deadline since it was loaded): the record as it is now
   * — its revision, reach and the stored values under 已保存 — while the form keeps what was typed,
   * so the admin compares and saves again.
   */
  const reloadKeepingForm = async () => {
    if (!id) return
    const env = await callCloud('deadlines', { action: 'reach', id })
    if (!alive.current) return
    if (!env.ok) {
      if (env.error.fields?.some((f) => f.field === 'id')) setTopError(MISSING)
      return
    }
    if (env.data.action !== 'reach') return
    setLoaded({ phase: 'ready', deadline: env.data.deadline, reach: env.data.reminders })
    setTheirs(env.data.deadline)
  }

  /** The revision the page read (older functions send none: 0, which they ignore). */
  const readRevision = loaded.phase === 'ready' ? (loaded.deadline.revision ?? 0) : 0

  useLoadOnOpen(load)

  // After a save or delete the buttons stay disabled (busy) until the page leaves: no second submit.
  const leaving = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (leaving.current) clearTimeout(leaving.current)
    },
    [],
  )
  const done = (title: string) => {
    void Taro.showToast({ title, icon: 'success' })
    // Let the toast be seen, then back to the list (which fetches again when it shows); not if the
    // admin went back meanwhile.
    leaving.current = setTimeout(backToAdmin, 600)
  }

  const save = async () => {
    setBusy('save')
    setErrors({})
    setTopError(null)
    setTheirs(null)
    const env = id ? await callCloud('deadlines', { action: 'update', id, revision: readRevision, deadline: form }) : await callCloud('deadlines', { action: 'create', deadline: form })
    if (!alive.current) return
    if (!env.ok && env.error.code === 'CONFLICT') {
      setBusy(null)
      setTopError(env.error.message)
      await reloadKeepingForm()
      return
    }
    if (!env.ok) {
      setBusy(null)
      const byField = fieldMessages(env.error, 'deadline.')
      const known = DEADLINE_FORM_FIELDS.some((f) => byField[f.key]) || !!byField.itemIds
      setErrors(byField)
      if (env.error.fields?.some((f) => f.field === 'id')) setTopError(MISSING)
      else if (!known) setTopError(env.error.message)
      return
    }
    done(id ? '已保存' : '已新增')
  }

  const remove = async () => {
    if (!id || loaded.phase !== 'ready') return
    const confirm = await Taro.showModal({
      title: '删除截止时间',
      content: deleteConfirmText(loaded.deadline, loaded.reach),
      confirmText: '删除',
      confirmColor: '#b3261e',
      cancelText: '保留',
    }).catch(() => ({ confirm: false }))
    if (!confirm.confirm || !alive.current) return
    setBusy('delete')
    setTopError(null)
    setTheirs(null)
    const env = await callCloud('deadlines', { action: 'delete', id, revision: readRevision })
    if (!alive.current) return
    if (!env.ok) {
      setBusy(null)
      setTopError(`删除失败：${env.error.message}`)
      if (env.error.code === 'CONFLICT') await reloadKeepingForm()
      return
    }
    done(env.data.action === 'delete' && env.data.removed ? '已删除' : '已不存在')
  }

  if (loaded.phase === 'loading') {
    return (
      <View style={pageTextStyle()} className='page admin admin-deadline'>
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      </View>
    )
  }
  if (loaded.phase === 'error' || loaded.phase === 'missing') {
    return (
      <View style={pageTextStyle()} className='page admin admin-deadline'>
        <View className='card' id='deadline-load-error'>
          <Text className='error-text'>{loaded.phase === 'missing' ? MISSING : loaded.error.message}</Text>
          {loaded.phase === 'error' ? (
            <Button className='btn admin__more' id='deadline-retry' onClick={() => void load()}>
              重试
            </Button>
          ) : (
            <Button className='btn admin__more' id='deadline-back' onClick={backToAdmin}>
              返回
            </Button>
          )}
        </View>
      </View>
    )
  }

  const editing = loaded.phase === 'ready' ? loaded.deadline : null

  return (
    <View style={pageTextStyle()} className='page admin admin-deadline'>
      <View className='card' id='deadline-form'>
        <Text className='admin__title'>{editing ? '修改截止时间' : '新增截止时间'}</Text>
        {editing && (
          <View className='admin-deadline__measure' id='admin-deadline-measure'>
            <Text>
              {editing.measureLabel}
              {editing.measureTitle}
            </Text>
          </View>
        )}
        <View className='admin-deadline__hint'>
          <Text className='muted'>请按主管部门的正式通知填写；清单本身没有申报日期。日期为北京时间，截止日期须晚于开始日期。</Text>
        </View>
        {DEADLINE_FORM_FIELDS.map((f) => (
          <View key={f.key} className='admin__field'>
            <Text className='admin__label'>{f.label}</Text>
            <Input
              className='text-input'
              id={`admin-${f.key}`}
              value={form[f.key]}
              maxlength={f.max}
              placeholder={f.placeholder}
              onInput={(e) => {
                const value = e.detail.value
                setForm((prev) => ({ ...prev, [f.key]: value }))
                setErrors((prev) => (prev[f.key] ? { ...prev, [f.key]: '' } : prev))
              }}
            />
            {f.key === 'measureId' && measure?.measureId && (
              <Text className='admin-deadline__measure-name' id='admin-measure-name'>
                {measure.measureLabel}
                {measure.measureTitle}
              </Text>
            )}
            <FieldMessage message={errors[f.key] || undefined} id={`admin-${f.key}-error`} />
          </View>
        ))}
        <View className='admin__field'>
          <Text className='admin__label'>适用事项</Text>
          {measure?.measureId ? (
            <ItemPicker
              measure={measure}
              value={form.itemIds ?? []}
              onChange={(itemIds) => {
                setForm((prev) => ({ ...prev, itemIds }))
                setErrors((prev) => (prev.itemIds ? { ...prev, itemIds: '' } : prev))
              }}
            />
          ) : (
            <Text className='muted' id='admin-items-hint'>
              填好措施编号后，在这里选择这一批次适用的事项（默认{WHOLE_MEASURE}）。
            </Text>
          )}
          <FieldMessage message={errors.itemIds || undefined} id='admin-itemIds-error' />
        </View>
        {topError && (
          <View className='card admin__notice admin__notice--error deadline-top-error' id='deadline-error' role='alert'>
            <Text>{topError}</Text>
            {theirs && (
              <Text className='muted' id='deadline-theirs'>
                现在保存的是：「{theirs.batchTitle}」{theirs.opensOn} 至 {theirs.closesOn}，发布机关 {theirs.issuer}。表单中仍是您填写的内容，核对后可再次保存。
              </Text>
            )}
          </View>
        )}
        <View className='admin__actions'>
          <Button className='btn btn--primary' id='admin-save' {...(busy ? { disabled: true } : {})} onClick={() => void save()}>
            {busy === 'save' ? '正在保存…' : editing ? '保存修改' : '新增'}
          </Button>
        </View>
      </View>

      {loaded.phase === 'ready' && <ReachBlock reach={loaded.reach} />}

      {editing && (
        <View className='card'>
          <Button className='btn deadline-delete' id='deadline-delete' {...(busy ? { disabled: true } : {})} onClick={() => void remove()}>
            {busy === 'delete' ? '正在删除…' : '删除这条截止时间'}
          </Button>
        </View>
      )}
    </View>
  )
}

export default function AdminDeadlinePage() {
  const router = useRouter()
  const id = param(router.params?.id)
  return <AdminGate>{() => <Editor id={id} />}</AdminGate>
}
