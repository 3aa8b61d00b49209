/**
 * The door of every admin page: asks the cloud whether the caller is an admin (deadlines.me) and
 * renders the page only then. Anyone else sees 仅管理员可用 with their own user id to copy and send
 * to an admin, and, while there is no admin at all and the deployment set a bootstrap code, a form
 * to become the first admin with that code. The cloud refuses every admin action from a non-admin
 * anyway (FORBIDDEN): this only spares them a page they cannot use.
 */
import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Input } from '@tarojs/components'
import FieldMessage from '@/components/field-message'
import PrivacyPrompt from '@/components/privacy-prompt'
import { callCloud } from '@/services/cloud'
import { copyText } from '@/services/clipboard'
import { forgetAdminMe, useAdminAccess, type AdminMe } from '@/services/admin'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

interface Props {
  /** The page itself, rendered for admins only (`me`: the admin's own id). */
  children: (me: AdminMe) => ReactNode
}

function copy(text: string): void {
  void copyText(text, '复制失败，请长按编号手动复制').then((ok) => (ok ? Taro.showToast({ title: '已复制', icon: 'none' }) : undefined))
}

function ClaimForm({ onClaimed }: { onClaimed: () => void }) {
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const claim = async () => {
    if (!code.trim()) {
      setMessage('请输入口令')
      return
    }
    setBusy(true)
    setMessage(null)
    const env = await callCloud('deadlines', { action: 'claimAdmin', code: code.trim() })
    setBusy(false)
    if (!env.ok) {
      setMessage(env.error.fields?.find((f) => f.field === 'code')?.message ?? env.error.message)
      return
    }
    void Taro.showToast({ title: '已成为管理员', icon: 'success' })
    forgetAdminMe()
    onClaimed()
  }

  return (
    <View className='card admin-gate__claim' id='admin-claim-form'>
      <Text className='admin-gate__title'>设置首位管理员</Text>
      <Text className='muted'>还没有任何管理员。输入部署时设置的口令（云函数 deadlines 的环境变量 ADMIN_BOOTSTRAP_CODE），你就成为首位管理员，之后可在「管理员」页添加其他人。</Text>
      <Input
        className='text-input admin-gate__input'
        id='admin-claim-code'
        password
        value={code}
        placeholder='口令'
        onInput={(e) => {
          setCode(e.detail.value)
          setMessage(null)
        }}
      />
      <FieldMessage message={message ?? undefined} id='admin-claim-message' />
      <Button className='btn btn--primary admin-gate__action' id='admin-claim' {...(busy ? { disabled: true } : {})} onClick={() => void claim()}>
        {busy ? '正在确认…' : '成为首位管理员'}
      </Button>
    </View>
  )
}

export default function AdminGate({ children }: Props) {
  const { access, reload } = useAdminAccess()

  // Admin pages choose chat files (import, 园区批量测算); everyone here may copy their id: both privacy-scoped.
  if (access.phase === 'admin')
    return (
      <>
        {children(access.me)}
        <PrivacyPrompt />
      </>
    )

  return (
    <View style={pageTextStyle()} className='page admin-gate'>
      {access.phase === 'loading' && (
        <View className='card' id='admin-loading'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}

      {access.phase === 'error' && (
        <View className='card admin-gate__box' id='admin-error'>
          <Text className='error-text'>{access.error.message}</Text>
          <Button className='btn admin-gate__action' id='admin-retry' onClick={() => void reload()}>
            重试
          </Button>
        </View>
      )}

      {access.phase === 'denied' && (
        <>
          <View className='card admin-gate__box' id='admin-denied'>
            <Text className='admin-gate__title'>仅管理员可用</Text>
            <Text className='muted'>这里是政策算盘的管理页面。如需使用，请把你的用户编号发给现有管理员，由对方在「管理员」页添加你。</Text>
            <View className='admin-gate__id'>
              <Text className='muted'>你的用户编号</Text>
              <Text className='admin-gate__openid' id='admin-openid' userSelect>
                {access.me.openid}
              </Text>
            </View>
            <Button className='btn admin-gate__action' id='admin-copy-openid' onClick={() => copy(access.me.openid)}>
              复制用户编号
            </Button>
            {process.env.TARO_ENV === 'h5' && (
              <Text className='muted' id='admin-dev-hint'>
                本地开发：用 LOCAL_ADMINS={access.me.openid} npm start 启动本地云，或停止后运行 npm run admin -- bootstrap {access.me.openid}；也可在检查页「开发模式」切换到管理员用户。
              </Text>
            )}
          </View>
          {access.me.canClaim && <ClaimForm onClaimed={() => void reload()} />}
          <PrivacyPrompt />
        </>
      )}
    </View>
  )
}
