/**
 * 管理员 (admins): who the admins are (user id, note, who added them and when), adding one by the
 * user id they copied from the 仅管理员可用 page, and removing one after a confirmation. Your own row
 * offers no 移除 (这是你自己): the cloud refuses removing yourself, so the service never runs out of
 * admins, and the page does not ask for a confirmation it would then refuse.
 */
import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import { type DeadlinesResponse, OPENID_MAX_LENGTH } from '@cloud-api'
import AdminGate from '@/components/admin-gate'
import FieldMessage from '@/components/field-message'
import { callCloud, type CloudError } from '@/services/cloud'
import { actorText, ADMIN_NOTE_MAX, fieldMessages, type AdminMe } from '@/services/admin'
import { beijingTime } from '@/services/beijing-time'
import { pageTextStyle } from '@/components/text-scale'

import '../admin.scss'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import './index.scss'

type AdminRow = Extract<DeadlinesResponse, { action: 'admins' }>['admins'][number]
type Loaded = { phase: 'loading' } | { phase: 'error'; error: CloudError } | { phase: 'ready'; admins: AdminRow[] }

function Admins({ me }: { me: AdminMe }) {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' })
  const [openid, setOpenid] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const alive = useAlive()

  const load = useCallback(async () => {
    const env = await callCloud('deadlines', { action: 'admins' })
    if (!alive.current) return
    if (!env.ok) setLoaded({ phase: 'error', error: env.error })
    else if (env.data.action === 'admins') setLoaded({ phase: 'ready', admins: env.data.admins })
  }, [alive])

  useLoadOnOpen(load)

  const add = async () => {
    const id = openid.trim()
    setErrors({})
    setNotice(null)
    if (!id) {
      setErrors({ openid: '请填写对方的用户编号（对方打开管理页面即可看到并复制）' })
      return
    }
    setBusy('add')
    const env = await callCloud('deadlines', { action: 'addAdmin', openid: id, ...(note.trim() ? { note: note.trim() } : {}) })
    if (!alive.current) return
    setBusy(null)
    if (!env.ok) {
      const byField = fieldMessages(env.error)
      setErrors(byField)
      if (!byField.openid && !byField.note) setNotice({ tone: 'error', text: env.error.message })
      return
    }
    if (env.data.action === 'addAdmin' && !env.data.added) {
      setNotice({ tone: 'error', text: `${id} 已经是管理员。` })
      return
    }
    setOpenid('')
    setNote('')
    setNotice({ tone: 'ok', text: `已添加管理员 ${id}。` })
    void Taro.showToast({ title: '已添加', icon: 'success' })
    await load()
  }

  const remove = async (a: AdminRow) => {
    setNotice(null)
    const confirm = await Taro.showModal({
      title: '移除管理员',
      content: `移除管理员 ${a.openid}${a.note ? `（${a.note}）` : ''}？移除后对方不能再使用管理页面。`,
      confirmText: '移除',
      confirmColor: '#b3261e',
      cancelText: '保留',
    }).catch(() => ({ confirm: false }))
    if (!confirm.confirm || !alive.current) return
    setBusy(`rm:${a.openid}`)
    const env = await callCloud('deadlines', { action: 'removeAdmin', openid: a.openid, revision: a.revision })
    if (!alive.current) return
    setBusy(null)
    if (!env.ok) {
      setNotice({ tone: 'error', text: env.error.message })
      // CONFLICT: the record changed since the list was read — the list as it is now (the add form keeps what was typed).
      if (env.error.code === 'CONFLICT') await load()
      return
    }
    setNotice({ tone: 'ok', text: env.data.action === 'removeAdmin' && env.data.removed ? `已移除管理员 ${a.openid}。` : `${a.openid} 已不是管理员。` })
    await load()
  }

  return (
    <View style={pageTextStyle()} className='page admin admin-admins'>
      {notice && (
        <View className={`card admin__notice admin__notice--${notice.tone}`} id='admins-notice' role='status'>
          <Text>{notice.text}</Text>
        </View>
      )}

      <View className='card' id='admins-list'>
        <Text className='admin__title'>管理员</Text>
        {loaded.phase === 'loading' && <Text className='muted'>正在加载…</Text>}
        {loaded.phase === 'error' && (
          <View id='admins-error'>
            <Text className='error-text'>{loaded.error.message}</Text>
            <Button className='btn admin__more' id='admins-retry' onClick={() => void load()}>
              重试
            </Button>
          </View>
        )}
        {loaded.phase === 'ready' &&
          loaded.admins.map((a) => (
            <View key={a.openid} className='admin__row' id={`admins-row-${a.openid}`}>
              <Text className='admin__mono'>
                {a.openid}
                {a.openid === me.openid ? '（你）' : ''}
              </Text>
              {a.note && <Text>{a.note}</Text>}
              <Text className='muted'>
                由 {actorText(a.addedBy, me.openid)} 添加{beijingTime(a.addedAt) ? `，${beijingTime(a.addedAt, 'YYYY-MM-DD HH:mm')}（北京时间）` : ''}
              </Text>
              {a.openid === me.openid ? (
                <Text className='muted' id={`admins-self-${a.openid}`}>
                  这是你自己：不能移除自己，请由其他管理员移除。
                </Text>
              ) : (
                <Button className='btn admins-remove' id={`admins-remove-${a.openid}`} {...(busy === `rm:${a.openid}` ? { disabled: true } : {})} onClick={() => void remove(a)}>
                  {busy === `rm:${a.openid}` ? '正在移除…' : '移除'}
                </Button>
              )}
            </View>
          ))}
      </View>

      <View className='card' id='admins-add-form'>
        <Text className='admin__title'>添加管理员</Text>
        <Text className='muted'>请对方在微信中打开管理页面，复制显示的用户编号发给你。</Text>
        <View className='admin__field'>
          <Text className='admin__label'>用户编号</Text>
          <Input
            className='text-input'
            id='admins-openid'
            value={openid}
            maxlength={OPENID_MAX_LENGTH}
            placeholder='对方复制给你的用户编号'
            onInput={(e) => {
              setOpenid(e.detail.value)
              setErrors((prev) => (prev.openid ? { ...prev, openid: '' } : prev))
            }}
          />
          <FieldMessage message={errors.openid || undefined} id='admins-openid-error' />
        </View>
        <View className='admin__field'>
          <Text className='admin__label'>备注（选填，不超过 {ADMIN_NOTE_MAX} 个字）</Text>
          <Input
            className='text-input'
            id='admins-note'
            value={note}
            maxlength={ADMIN_NOTE_MAX}
            placeholder='如 工信厅 张三'
            onInput={(e) => {
              setNote(e.detail.value)
              setErrors((prev) => (prev.note ? { ...prev, note: '' } : prev))
            }}
          />
          <FieldMessage message={errors.note || undefined} id='admins-note-error' />
        </View>
        <View className='admin__actions'>
          <Button className='btn btn--primary' id='admins-add' {...(busy === 'add' ? { disabled: true } : {})} onClick={() => void add()}>
            {busy === 'add' ? '正在添加…' : '添加'}
          </Button>
        </View>
      </View>
    </View>
  )
}

export default function AdminAdminsPage() {
  return <AdminGate>{(me) => <Admins me={me} />}</AdminGate>
}
