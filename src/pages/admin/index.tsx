/**
 * 管理 (admins, WeChat and H5): the application deadlines — not yet closed and closed, page by
 * page — each opening its own page (edit, who its reminders reach, delete); and the ways to the
 * other admin pages. The list is fetched again whenever the page shows (back from an edit).
 */
import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { Deadline } from '@cloud-api'
import AdminGate from '@/components/admin-gate'
import LoadMore from '@/components/load-more'
import { callCloud } from '@/services/cloud'
import { ROUTES } from '@/state/navigation'
import { usePaged, type PageResult } from './paged'
import DeadlineSummary from '@/components/deadline-summary'
import { pageTextStyle } from '@/components/text-scale'

import './admin.scss'
import './index.scss'

type Scope = 'current' | 'closed'

/** Deadlines per page of the hub's lists. */
export const HUB_PAGE_SIZE = 20

const SCOPES: { scope: Scope; label: string; empty: string }[] = [
  { scope: 'current', label: '未截止', empty: '没有未截止的申报批次。点「新增截止时间」录入主管部门的通知。' },
  { scope: 'closed', label: '已截止', empty: '没有已截止的申报批次。' },
]

function statusText(d: Deadline): string {
  if (d.status === 'closed') return '已截止'
  if (d.status === 'upcoming') return `未开始（${d.opensOn} 开始）`
  return d.daysToClose === 0 ? '今天截止' : `申报中，还有 ${d.daysToClose} 天截止`
}

function fetchDeadlines(scope: Scope) {
  return async (cursor?: string): Promise<PageResult<Deadline>> => {
    const env = await callCloud('deadlines', { action: 'list', scope, limit: HUB_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
    if (!env.ok) return env
    if (env.data.action !== 'list') return { ok: false, error: { code: 'BAD_RESPONSE', message: '服务返回了无法识别的结果，请稍后再试' } }
    return { ok: true, items: env.data.deadlines, nextCursor: env.data.nextCursor }
  }
}

const go = (url: string) => void Taro.navigateTo({ url })

function DeadlineRow({ d }: { d: Deadline }) {
  return (
    <View className='admin__row admin-hub__row' id={`admin-deadline-${d.id}`} onClick={() => go(ROUTES.adminDeadline(d.id))}>
      <DeadlineSummary d={d} />
      <Text className={`admin-hub__row-status${d.status === 'closed' ? ' admin-hub__row-status--closed' : ''}`}>{statusText(d)} ›</Text>
    </View>
  )
}

function Hub() {
  const [scope, setScope] = useState<Scope>('current')
  const current = usePaged(fetchDeadlines('current'))
  const closed = usePaged(fetchDeadlines('closed'))
  const lists = { current, closed }
  const shown = lists[scope]

  const { reload: reloadCurrent } = current
  const { reload: reloadClosed } = closed
  const reloadScope = useCallback((s: Scope) => (s === 'current' ? reloadCurrent() : reloadClosed()), [reloadCurrent, reloadClosed])

  useEffect(() => {
    void reloadCurrent()
  }, [reloadCurrent])

  // Back from an edit, a new deadline or an import: the lists may have changed.
  // (Not on the first show: the lists are loading then.)
  useDidShow(() => {
    const settled = (p: string) => p === 'done' || p === 'error'
    if (settled(current.list.phase)) void reloadCurrent()
    if (settled(closed.list.phase)) void reloadClosed()
  })

  const pick = (s: Scope) => {
    setScope(s)
    if (lists[s].list.phase === 'idle') void reloadScope(s)
  }

  const meta = SCOPES.find((s) => s.scope === scope)!
  const { list } = shown

  return (
    <View style={pageTextStyle()} className='page admin admin-hub'>
      <View className='card admin-hub__nav'>
        <Button className='btn btn--primary' id='admin-new' onClick={() => go(ROUTES.adminDeadline())}>
          新增截止时间
        </Button>
        <Button className='btn' id='admin-screen' onClick={() => go(ROUTES.adminScreen)}>
          园区批量测算
        </Button>
        <Button className='btn' id='admin-import' onClick={() => go(ROUTES.adminImport)}>
          从聊天文件导入
        </Button>
        <Button className='btn' id='admin-status' onClick={() => go(ROUTES.adminStatus)}>
          清单状态
        </Button>
        <Button className='btn' id='admin-admins' onClick={() => go(ROUTES.adminAdmins)}>
          管理员
        </Button>
        <Button className='btn' id='admin-log' onClick={() => go(ROUTES.adminLog)}>
          操作记录与发送记录
        </Button>
      </View>

      <View className='card' id='admin-deadlines'>
        <Text className='admin__title'>申报截止时间</Text>
        <View className='admin__tabs'>
          {SCOPES.map((s) => (
            <Button
              key={s.scope}
              id={`admin-tab-${s.scope}`}
              className={`btn admin__tab${scope === s.scope ? ' admin__tab--on' : ''}`}
              aria-pressed={scope === s.scope ? 'true' : 'false'}
              onClick={() => pick(s.scope)}
            >
              {s.label}
            </Button>
          ))}
        </View>

        {(list.phase === 'loading' || list.phase === 'idle') && <Text className='muted'>正在加载…</Text>}
        {list.phase === 'error' && (
          <View id='admin-list-error'>
            <Text className='error-text'>{list.error?.message}</Text>
            <Button className='btn admin__more' id='admin-list-retry' onClick={() => void reloadScope(scope)}>
              重试
            </Button>
          </View>
        )}
        {list.phase === 'done' && list.items.length === 0 && (
          <Text className='muted' id='admin-list-empty'>
            {meta.empty}
          </Text>
        )}
        {list.phase === 'done' && (
          <View id={`admin-list-${scope}`}>
            {list.items.map((d) => (
              <DeadlineRow key={d.id} d={d} />
            ))}
          </View>
        )}
        {list.phase === 'done' && (
          <LoadMore
            id='admin-more'
            hasMore={list.nextCursor !== null}
            loading={list.loadingMore}
            error={list.moreError}
            endText={list.items.length > 0 ? `共 ${list.items.length} 条` : undefined}
            onMore={() => void shown.loadMore()}
          />
        )}
      </View>
    </View>
  )
}

export default function AdminPage() {
  return <AdminGate>{() => <Hub />}</AdminGate>
}
