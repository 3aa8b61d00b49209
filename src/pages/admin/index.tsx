/**
 * 申报截止时间管理 (H5 dev build only): admins add, edit, delete and import deadlines and see the
 * audit log. The page asks the cloud whether the caller is an admin, but that is only for display:
 * the `deadlines` function refuses every write from a non-admin (FORBIDDEN) whatever the page does.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import type { AuditEntry, Deadline, DeadlineInput } from '@cloud-api/api'
import { callCloud, getDevOpenid, type CloudError } from '@/services/cloud'

import './index.scss'

const EMPTY: DeadlineInput = { measureId: '', batchTitle: '', opensOn: '', closesOn: '', issuer: '', sourceUrl: '' }

const FIELDS: { key: keyof DeadlineInput; label: string; placeholder: string }[] = [
  { key: 'measureId', label: '措施编号', placeholder: 'm01 – m30' },
  { key: 'batchTitle', label: '批次名称', placeholder: '如 2022 年度自治区级企业技术中心认定' },
  { key: 'opensOn', label: '开始日期', placeholder: 'YYYY-MM-DD（北京时间）' },
  { key: 'closesOn', label: '截止日期', placeholder: 'YYYY-MM-DD（北京时间）' },
  { key: 'issuer', label: '发布机关', placeholder: '如 自治区工业和信息化厅' },
  { key: 'sourceUrl', label: '来源链接', placeholder: 'https://…（官方通知）' },
]

const CSV_EXAMPLE = '措施编号,批次名称,开始日期,截止日期,发布机关,来源链接\nm01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://…'

type Access = { phase: 'loading' } | { phase: 'error'; error: CloudError } | { phase: 'denied'; openid: string } | { phase: 'admin' }

function errorText(error: CloudError): string[] {
  const lines = [error.message]
  for (const f of error.fields ?? []) if (f.message !== error.message) lines.push(f.message)
  return lines
}

export default function AdminPage() {
  const [access, setAccess] = useState<Access>({ phase: 'loading' })
  const [form, setForm] = useState<DeadlineInput>(EMPTY)
  const [editing, setEditing] = useState<string | null>(null)
  const [current, setCurrent] = useState<Deadline[]>([])
  const [closed, setClosed] = useState<Deadline[]>([])
  const [audit, setAudit] = useState<AuditEntry[]>([])
  const [messages, setMessages] = useState<{ tone: 'ok' | 'error'; lines: string[] } | null>(null)
  const [importText, setImportText] = useState('')
  const [importFormat, setImportFormat] = useState<'csv' | 'json'>('csv')
  const alive = useRef(true)

  const refresh = useCallback(async () => {
    const [cur, old, log] = await Promise.all([
      callCloud('deadlines', { action: 'list', scope: 'current', limit: 100 }),
      callCloud('deadlines', { action: 'list', scope: 'closed', limit: 50 }),
      callCloud('deadlines', { action: 'audit', limit: 20 }),
    ])
    if (!alive.current) return
    if (cur.ok && cur.data.action === 'list') setCurrent(cur.data.deadlines)
    if (old.ok && old.data.action === 'list') setClosed(old.data.deadlines)
    if (log.ok && log.data.action === 'audit') setAudit(log.data.entries)
  }, [])

  const start = useCallback(async () => {
    setAccess({ phase: 'loading' })
    const me = await callCloud('deadlines', { action: 'me' })
    if (!alive.current) return
    if (!me.ok) return setAccess({ phase: 'error', error: me.error })
    if (me.data.action === 'me' && me.data.isAdmin) {
      setAccess({ phase: 'admin' })
      await refresh()
    } else setAccess({ phase: 'denied', openid: me.data.action === 'me' ? me.data.openid : getDevOpenid() })
  }, [refresh])

  useEffect(() => {
    alive.current = true
    void start()
    return () => {
      alive.current = false
    }
  }, [start])

  const save = async () => {
    setMessages(null)
    const env = editing
      ? await callCloud('deadlines', { action: 'update', id: editing, deadline: form })
      : await callCloud('deadlines', { action: 'create', deadline: form })
    if (!alive.current) return
    if (!env.ok) return setMessages({ tone: 'error', lines: errorText(env.error) })
    setMessages({ tone: 'ok', lines: [editing ? '已保存修改。' : '已添加。'] })
    setForm(EMPTY)
    setEditing(null)
    await refresh()
  }

  const edit = (d: Deadline) => {
    setEditing(d.id)
    setForm({ measureId: d.measureId, batchTitle: d.batchTitle, opensOn: d.opensOn, closesOn: d.closesOn, issuer: d.issuer, sourceUrl: d.sourceUrl })
    setMessages(null)
  }

  const remove = async (d: Deadline) => {
    const ok = await Taro.showModal({ title: '删除截止时间', content: `删除「${d.batchTitle}」？已订阅的用户将不再收到这一批次的提醒。` }).catch(() => ({ confirm: false }))
    if (!ok.confirm) return
    const env = await callCloud('deadlines', { action: 'delete', id: d.id })
    if (!alive.current) return
    setMessages(env.ok ? { tone: 'ok', lines: ['已删除。'] } : { tone: 'error', lines: errorText(env.error) })
    await refresh()
  }

  const runImport = async (dryRun: boolean) => {
    setMessages(null)
    const env = await callCloud('deadlines', { action: 'import', format: importFormat, text: importText, dryRun })
    if (!alive.current) return
    if (!env.ok) return setMessages({ tone: 'error', lines: errorText(env.error) })
    if (env.data.action !== 'import') return
    const d = env.data
    setMessages({ tone: 'ok', lines: [`${d.dryRun ? '试导入（未写入）' : '已导入'}：新增 ${d.created} 条，更新 ${d.updated} 条，未变 ${d.unchanged} 条。`] })
    if (!dryRun) await refresh()
  }

  if (access.phase === 'loading') {
    return (
      <View className='page admin'>
        <Text className='muted'>正在确认管理员身份…</Text>
      </View>
    )
  }
  if (access.phase === 'error') {
    return (
      <View className='page admin'>
        <View className='card'>
          <Text className='error-text'>{access.error.message}</Text>
        </View>
      </View>
    )
  }
  if (access.phase === 'denied') {
    return (
      <View className='page admin'>
        <View className='card admin__denied' id='admin-denied'>
          <Text className='admin__title'>仅管理员可用</Text>
          <Text className='muted'>当前用户 {access.openid} 不是管理员；即使绕过本页面，云函数也会拒绝修改（FORBIDDEN）。</Text>
          <Text className='muted'>本地添加管理员：LOCAL_ADMINS=dev-admin npm start，或停止本地云后运行 npm run admin -- bootstrap dev-admin；然后在检查页「开发模式」切换到该用户。</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='page admin'>
      <View className='card'>
        <Text className='admin__title'>{editing ? '修改截止时间' : '添加截止时间'}</Text>
        <Text className='muted'>请按主管部门正式通知填写；清单本身没有申报日期。日期为北京时间，截止日期须晚于开始日期。</Text>
        {FIELDS.map((f) => (
          <View key={f.key} className='admin__field'>
            <Text className='admin__label'>{f.label}</Text>
            <Input
              className='text-input admin__input'
              id={`admin-${f.key}`}
              value={form[f.key]}
              placeholder={f.placeholder}
              onInput={(e) => {
                const value = e.detail.value
                setForm((prev) => ({ ...prev, [f.key]: value }))
              }}
            />
          </View>
        ))}
        <View className='admin__actions'>
          {editing && (
            <Button
              className='btn'
              onClick={() => {
                setEditing(null)
                setForm(EMPTY)
              }}
            >
              放弃修改
            </Button>
          )}
          <Button className='btn btn--primary' id='admin-save' onClick={() => void save()}>
            {editing ? '保存修改' : '添加'}
          </Button>
        </View>
      </View>

      {messages && (
        <View className={`card admin__messages admin__messages--${messages.tone}`} id='admin-messages' role='status'>
          {messages.lines.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='admin__title'>未截止（{current.length}）</Text>
        {current.length === 0 && <Text className='muted'>暂无。</Text>}
        {current.map((d) => (
          <View key={d.id} className='admin__item' data-deadline={d.id}>
            <Text className='admin__item-title'>
              {d.measureLabel}
              {d.sample ? '【示例】' : ''}
              {d.batchTitle}
            </Text>
            <Text className='muted'>
              {d.opensOn} 至 {d.closesOn} · {d.issuer}
            </Text>
            <View className='admin__item-actions'>
              <Text className='admin__link' onClick={() => edit(d)}>
                编辑
              </Text>
              <Text className='admin__link admin__link--danger' onClick={() => void remove(d)}>
                删除
              </Text>
            </View>
          </View>
        ))}
        {closed.length > 0 && <Text className='admin__subtitle'>已截止（最近 {closed.length} 条）</Text>}
        {closed.map((d) => (
          <View key={d.id} className='admin__item admin__item--closed' data-deadline={d.id}>
            <Text className='admin__item-title'>
              {d.measureLabel}
              {d.sample ? '【示例】' : ''}
              {d.batchTitle}
            </Text>
            <Text className='muted'>
              {d.opensOn} 至 {d.closesOn}
            </Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='admin__title'>批量导入</Text>
        <Text className='muted'>CSV（首行为表头，可用中文列名）或 JSON 数组；全部行有效才会写入，同一措施的同名批次会被更新。</Text>
        <View className='admin__formats'>
          {(['csv', 'json'] as const).map((f) => (
            <Text key={f} className={`admin__format${importFormat === f ? ' admin__format--on' : ''}`} onClick={() => setImportFormat(f)}>
              {f.toUpperCase()}
            </Text>
          ))}
        </View>
        <Textarea
          className='admin__textarea'
          id='admin-import-text'
          value={importText}
          maxlength={60000}
          placeholder={importFormat === 'csv' ? CSV_EXAMPLE : '[{"measureId":"m01","batchTitle":"…","opensOn":"2022-06-01","closesOn":"2022-06-30","issuer":"…","sourceUrl":"https://…"}]'}
          onInput={(e) => setImportText(e.detail.value)}
        />
        <View className='admin__actions'>
          <Button className='btn' onClick={() => void runImport(true)}>
            试导入
          </Button>
          <Button className='btn btn--primary' id='admin-import' onClick={() => void runImport(false)}>
            导入
          </Button>
        </View>
      </View>

      <View className='card'>
        <Text className='admin__title'>操作记录</Text>
        {audit.length === 0 && <Text className='muted'>暂无。</Text>}
        {audit.map((e) => (
          <View key={e.id} className='admin__audit'>
            <Text className='muted'>
              {new Date(Date.parse(e.at) + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19)}（北京时间） · {e.actor}
            </Text>
            <Text>{e.summary}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
