/**
 * 管理 (admins): who the caller is for the admin pages and the 管理 entry buttons, and the few
 * texts every admin page shares. The pages only show or hide things with it; the cloud functions
 * refuse every admin action from anyone else (FORBIDDEN) whatever a page shows.
 *
 * Kept light on purpose: the home page's 管理 button imports it, so nothing here may pull in the
 * catalog (shared/cloud/deadline-input.ts imports it) or dayjs's time-zone plugin (see ./beijing-time.ts).
 *
 * adminMe (an AdminMe, dropped by forgetAdminMe) and useAdminAccess say who the caller is;
 * backToAdmin leaves a page; actorText names who did something in the log; fieldMessages places a
 * refusal's messages under their fields. Shared texts and bounds: DEADLINE_FORM_FIELDS and the
 * IMPORT_HEADER made of them, ADMIN_NOTE_MAX, LIST_NOTICE_MAX.
 */
import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import type { CloudError, DeadlineInput, DeadlinesResponse } from '@cloud-api'
import { callCloud } from '@/services/cloud'
import { ROUTES } from '@/state/navigation'
import { useAlive, useLoadOnOpen } from '@/state/alive'

export type AdminMe = Extract<DeadlinesResponse, { action: 'me' }>

export type AdminAccess =
  | { phase: 'loading' }
  | { phase: 'error'; error: CloudError }
  /** Not an admin: the caller's own id (to send to an admin) and whether the first admin may be claimed. */
  | { phase: 'denied'; me: AdminMe }
  | { phase: 'admin'; me: AdminMe }

// ---------------------------------------------------------------------------------------------
// `deadlines.me` for the entry buttons: asked each time a page with one opens (a removed admin
// loses the button at once, a claimed seat shows it at once); pages opening together share one call.

let inFlight: Promise<AdminMe | null> | null = null

/** Forgets a call in flight (between tests). */
export function forgetAdminMe(): void {
  inFlight = null
}

/** `me` for the entry buttons: null when the cloud cannot say (offline, not deployed): no button then. */
export function adminMe(): Promise<AdminMe | null> {
  if (inFlight) return inFlight
  const request = callCloud('deadlines', { action: 'me' }).then((env) => {
    inFlight = null
    if (!env.ok || env.data.action !== 'me') return null
    return env.data
  })
  inFlight = request
  return request
}

/** Asks the cloud (no cache) whether the caller is an admin. */
export async function loadAdminAccess(): Promise<AdminAccess> {
  const env = await callCloud('deadlines', { action: 'me' })
  if (!env.ok) return { phase: 'error', error: env.error }
  if (env.data.action !== 'me') return { phase: 'error', error: { code: 'BAD_RESPONSE', message: '服务返回了无法识别的结果，请稍后再试' } }
  return env.data.isAdmin ? { phase: 'admin', me: env.data } : { phase: 'denied', me: env.data }
}

/** The admin pages' gate: asks `me` on mount; `reload` asks again (重试, after claiming). */
export function useAdminAccess(): { access: AdminAccess; reload: () => Promise<void> } {
  const [access, setAccess] = useState<AdminAccess>({ phase: 'loading' })
  const alive = useAlive()
  const reload = useCallback(async () => {
    setAccess({ phase: 'loading' })
    const next = await loadAdminAccess()
    if (alive.current) setAccess(next)
  }, [alive])
  useLoadOnOpen(reload)
  return { access, reload }
}

/**
 * Back to the page below (the 管理 hub, which fetches again when it shows); to the hub itself when
 * this page was opened directly (a shared link, a browser reload), where there is nothing below.
 */
export function backToAdmin(): void {
  let depth = 0
  try {
    depth = Taro.getCurrentPages().length
  } catch {
    depth = 0
  }
  if (depth > 1) void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.admin }))
  else void Taro.redirectTo({ url: ROUTES.admin })
}

// ---------------------------------------------------------------------------------------------
// Shared texts

/** Per-field messages of an error envelope, keyed by the field name without `prefix` ('deadline.'). */
export function fieldMessages(error: CloudError | null | undefined, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of error?.fields ?? []) {
    if (!f.field.startsWith(prefix)) continue
    const key = f.field.slice(prefix.length)
    if (!(key in out)) out[key] = f.message
  }
  return out
}

/**
 * The deadline form's fields. Labels and limits are those of DEADLINE_FIELDS in
 * shared/cloud/deadline-input.ts (a test keeps them equal); that module is not imported here
 * because it loads the whole catalog into the admin package.
 */
export const DEADLINE_FORM_FIELDS: { key: Exclude<keyof DeadlineInput, 'itemIds'>; label: string; max: number; placeholder: string }[] = [
  { key: 'measureId', label: '措施编号', max: 12, placeholder: '如 m08 或（八）' },
  { key: 'batchTitle', label: '批次名称', max: 60, placeholder: '如 2022 年技术中心认定' },
  { key: 'opensOn', label: '开始日期', max: 20, placeholder: 'YYYY-MM-DD（北京时间）' },
  { key: 'closesOn', label: '截止日期', max: 20, placeholder: 'YYYY-MM-DD（北京时间）' },
  { key: 'issuer', label: '发布机关', max: 40, placeholder: '如 自治区工业和信息化厅' },
  { key: 'sourceUrl', label: '来源链接', max: 500, placeholder: 'https://…（官方通知）' },
]

/** Who did something (an audit entry's actor, an admin's addedBy), in words; an openid as it is. */
export function actorText(actor: string, myOpenid?: string): string {
  if (actor === 'claim') return '首位管理员（部署口令）'
  if (actor === 'bootstrap') return '部署时添加'
  if (actor.startsWith('cli:')) return `运维命令（${actor.slice(4)}）`
  // A function creating a missing collection on its first write (shared/cloud/wx-db.ts) audits as it.
  if (actor.startsWith('function:')) return `云函数自动（${actor.slice(9)}）`
  return myOpenid && actor === myOpenid ? `${actor}（你）` : actor
}

/** The import file's header line (the six labels, in the form's order). */
export const IMPORT_HEADER = DEADLINE_FORM_FIELDS.map((f) => f.label).join(',')

/** 「说明」of the list's status: at most this many characters (NOTICE_MAX in shared/cloud/list-status.ts). */
export const LIST_NOTICE_MAX = 60

/** An admin note: at most this many characters (the deadlines function's addAdmin). */
export const ADMIN_NOTE_MAX = 40
