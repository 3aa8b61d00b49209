/**
 * 操作记录与发送记录 (admins): the audit log (every change by an admin, newest first, page by page;
 * times in Beijing time) and the reminder timer's runs (per run: what was sent, skipped and why,
 * refused, failed, what was left for the next run, and when a rerun found today's reminders sent).
 */
import { useCallback, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { AuditEntry, RemindRunSummary, RemindSkipReason } from '@cloud-api'
import AdminGate from '@/components/admin-gate'
import LoadMore from '@/components/load-more'
import { callCloud, type CloudError } from '@/services/cloud'
import { actorText, type AdminMe } from '@/services/admin'
import { beijingTime } from '@/services/beijing-time'
import { usePaged, type PageResult } from '../paged'
import { pageTextStyle } from '@/components/text-scale'

import '../admin.scss'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import './index.scss'

/** Audit entries per page. */
export const AUDIT_PAGE_SIZE = 20
/** Timer runs shown, newest first (the most the cloud answers). */
export const RUNS_SHOWN = 50

type Tab = 'audit' | 'runs'

export const STOPPED_LABELS: Record<string, string> = {
  done: '全部处理完',
  budget: '到了单次运行时限，余下的留给下次运行',
  config: '模板或页面配置错误，已停止发送',
}

export const SKIPPED_LABELS: Record<RemindSkipReason, string> = {
  alreadyHandled: '已处理过',
  inFlight: '正在发送',
  noCredit: '无授权',
  cancelled: '已取消',
  expired: '已过期',
  confirmedEarlier: '早前已送达',
  claimFailed: '领取冲突（下次重试）',
  deadlineDeleted: '截止时间已删除',
  deadlineMoved: '截止日期已改（按新日期提醒）',
  measureChanged: '所属措施已改',
}

/** The counts of a run, in the order shown, with their labels. */
const RUN_COUNTS: { key: keyof RemindRunSummary; label: string }[] = [
  { key: 'deadlinesDue', label: '今天有提醒的截止时间' },
  { key: 'sent', label: '已发送' },
  { key: 'refused', label: '微信拒收（未授权或授权已用完）' },
  { key: 'dropped', label: '用户编号无效，已移除订阅' },
  { key: 'dataErrors', label: '模板数据错误' },
  { key: 'retry', label: '出错，下次运行重试' },
  { key: 'failed', label: '多次失败，已放弃' },
  { key: 'unknown', label: '发送结果未知（未重发）' },
  { key: 'remaining', label: '未处理完，留给下次运行' },
]

async function fetchAudit(cursor?: string): Promise<PageResult<AuditEntry>> {
  const env = await callCloud('deadlines', { action: 'audit', limit: AUDIT_PAGE_SIZE, ...(cursor ? { cursor } : {}) })
  if (!env.ok) return env
  if (env.data.action !== 'audit') return { ok: false, error: { code: 'BAD_RESPONSE', message: '服务返回了无法识别的结果，请稍后再试' } }
  return { ok: true, items: env.data.entries, nextCursor: env.data.nextCursor }
}

function AuditList({ me }: { me: AdminMe }) {
  const { list, reload, loadMore } = usePaged(fetchAudit)
  useLoadOnOpen(reload)

  if (list.phase === 'idle' || list.phase === 'loading') return <Text className='muted'>正在加载…</Text>
  if (list.phase === 'error') {
    return (
      <View id='log-audit-error'>
        <Text className='error-text'>{list.error?.message}</Text>
        <Button className='btn admin__more' id='log-audit-retry' onClick={() => void reload()}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View id='log-audit'>
      {list.items.length === 0 && <Text className='muted'>还没有操作记录。</Text>}
      {list.items.map((e) => (
        <View key={e.id} className='admin__row log-entry' id={`log-entry-${e.id}`}>
          <Text className='muted'>
            {beijingTime(e.at)}（北京时间） · {actorText(e.actor, me.openid)}
          </Text>
          <Text>{e.summary}</Text>
        </View>
      ))}
      <LoadMore id='log-audit-more' hasMore={list.nextCursor !== null} loading={list.loadingMore} error={list.moreError} endText={list.items.length > 0 ? `共 ${list.items.length} 条` : undefined} onMore={() => void loadMore()} />
    </View>
  )
}

type Runs = { phase: 'loading' } | { phase: 'error'; error: CloudError } | { phase: 'ready'; runs: RemindRunSummary[] }

/**
 * Why a run found nothing to send for some of today's deadlines: an earlier run (the timer fires
 * several times a morning) already sent their reminders. '' when the run says nothing of it.
 */
export function sentEarlierText(run: RemindRunSummary): string {
  const n = run.dueSentEarlier ?? 0
  if (n <= 0) return ''
  return n >= run.deadlinesDue ? '今天的提醒已发送过' : `其中 ${n} 个截止时间今天的提醒已发送过`
}

function RunCard({ run, index }: { run: RemindRunSummary; index: number }) {
  const skipped = Object.entries(run.skipped ?? {}).filter(([, n]) => n > 0)
  const sentEarlier = sentEarlierText(run)
  return (
    <View className='admin__row log-run' id={`log-run-${index}`}>
      <Text className='admin__row-title'>
        {run.today} · {beijingTime(run.startedAt, 'HH:mm:ss')} 开始 · 用时 {Math.round(run.durationMs / 100) / 10} 秒
      </Text>
      <Text className={`admin__tag${run.stoppedBy === 'done' ? '' : ' admin__tag--warn'}`}>{STOPPED_LABELS[run.stoppedBy] ?? run.stoppedBy}</Text>
      {sentEarlier && (
        <Text className='muted' id={`log-run-${index}-sent-earlier`}>
          {sentEarlier}
        </Text>
      )}
      {RUN_COUNTS.map((c) => (
        <View key={c.key} className='log-run__stat'>
          <Text className='log-run__label'>{c.label}</Text>
          <Text className='log-run__value'>{String(run[c.key] ?? 0)}</Text>
        </View>
      ))}
      <View className='log-run__stat'>
        <Text className='log-run__label'>跳过</Text>
        <Text className='log-run__value'>{skipped.length === 0 ? '0' : skipped.map(([reason, n]) => `${SKIPPED_LABELS[reason as RemindSkipReason] ?? reason} ${n}`).join('，')}</Text>
      </View>
    </View>
  )
}

function RunList() {
  const [runs, setRuns] = useState<Runs>({ phase: 'loading' })
  const alive = useAlive()
  const load = useCallback(async () => {
    setRuns({ phase: 'loading' })
    const env = await callCloud('deadlines', { action: 'runs', limit: RUNS_SHOWN })
    if (!alive.current) return
    if (!env.ok) setRuns({ phase: 'error', error: env.error })
    else if (env.data.action === 'runs') setRuns({ phase: 'ready', runs: env.data.runs })
  }, [alive])
  useLoadOnOpen(load)

  if (runs.phase === 'loading') return <Text className='muted'>正在加载…</Text>
  if (runs.phase === 'error') {
    return (
      <View id='log-runs-error'>
        <Text className='error-text'>{runs.error.message}</Text>
        <Button className='btn admin__more' id='log-runs-retry' onClick={() => void load()}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View id='log-runs'>
      <Text className='muted'>提醒任务最近 {RUNS_SHOWN} 次以内的运行（北京时间），最新的在前。</Text>
      {runs.runs.length === 0 && <Text className='muted'>提醒任务还没有运行过。</Text>}
      {runs.runs.map((r, i) => (
        <RunCard key={r.runId || i} run={r} index={i} />
      ))}
    </View>
  )
}

function Log({ me }: { me: AdminMe }) {
  const [tab, setTab] = useState<Tab>('audit')
  // Each list loads when first shown and stays (with its pages) when the other tab is shown.
  const [runsOpened, setRunsOpened] = useState(false)
  return (
    <View style={pageTextStyle()} className='page admin admin-log'>
      <View className='card'>
        <View className='admin__tabs'>
          {(
            [
              ['audit', '操作记录'],
              ['runs', '提醒发送记录'],
            ] as const
          ).map(([t, label]) => (
            <Button key={t} id={`log-tab-${t}`} className={`btn admin__tab${tab === t ? ' admin__tab--on' : ''}`} aria-pressed={tab === t ? 'true' : 'false'} onClick={() => {
                setTab(t)
                if (t === 'runs') setRunsOpened(true)
              }}
            >
              {label}
            </Button>
          ))}
        </View>
        <View className={tab === 'audit' ? '' : 'admin__hidden'}>
          <AuditList me={me} />
        </View>
        {runsOpened && (
          <View className={tab === 'runs' ? '' : 'admin__hidden'}>
            <RunList />
          </View>
        )}
      </View>
    </View>
  )
}

export default function AdminLogPage() {
  return <AdminGate>{(me) => <Log me={me} />}</AdminGate>
}
