/**
 * The list's status as the app shows it (pure: no Taro, no cloud). Whether the list is still in
 * force is something only an admin can say, after checking the official sources; until then, and
 * whenever the status cannot be read, the app says 状态未核实 — it never says 在执行 unless the
 * status it holds says inForce (and names the day it was checked).
 *
 * What the cloud sends and what the device stored are both checked here before use: anything
 * malformed is dropped (never shown, never a crash).
 *
 * parseListStatus and statusFromResponse check what the cloud sends; parseStoredListStatus and toStored
 * what the device keeps (a StoredListStatus under LIST_STATUS_KEY, LIST_STATUS_STORE_VERSION);
 * effectiveListState, listStatusLine, listStatusDisclaimer and deviceFetchTime are the words a page
 * shows, for a ListStatusView.
 */
import { LIST_STATE_LABELS, LIST_STATES, type ListState, type ListStatus, UNVERIFIED_LIST_STATUS } from '@cloud-api'
import { beijingTime, isCalendarDay } from './beijing-time'
import { POLICY_LIST_SHORT } from './policy-list'


export type { ListState, ListStatus }
export { UNVERIFIED_LIST_STATUS }

/** Storage key of the last status fetched from the cloud (with its fetch time). */
export const LIST_STATUS_KEY = 'listStatus'
/** Version of the stored value; anything else is ignored (an old or foreign format). */
export const LIST_STATUS_STORE_VERSION = 1

/** Longest notice / link accepted from the cloud or storage (the server allows 60 / 500). */
const NOTICE_LIMIT = 200
const URL_LIMIT = 500


/** A status together with when this device fetched it. */
export interface StoredListStatus {
  status: ListStatus
  /** ISO time the device received it from the cloud. */
  fetchedAt: string
}

/** What the pages get from useListStatus(). */
export interface ListStatusView {
  status: ListStatus
  /** ISO time this device fetched `status` from the cloud; null: never (the default). */
  fetchedAt: string | null
  /** true: `status` came from the cloud during this run of the app; false: a stored copy or the default. */
  fresh: boolean
  /** true while the first request of this page is under way. */
  checking: boolean
}

// ---------------------------------------------------------------------------------------------
// Checking what comes in

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}

function isListState(value: unknown): value is ListState {
  return (LIST_STATES as readonly unknown[]).includes(value)
}


function isTime(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value))
}

function hasControl(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

/**
 * A ListStatus from untrusted input (the cloud's answer, the device's storage), or null. The label
 * is always taken from the state (never from the input). A state other than 状态未核实 without
 * a check date is refused: nobody may claim 在执行 without having checked.
 */
export function parseListStatus(raw: unknown): ListStatus | null {
  if (!isRecord(raw) || !isListState(raw.state)) return null
  const notice = raw.notice === undefined || raw.notice === null ? '' : raw.notice
  if (typeof notice !== 'string' || notice.length > NOTICE_LIMIT || hasControl(notice)) return null
  const sourceUrl = raw.sourceUrl === undefined || raw.sourceUrl === null ? '' : raw.sourceUrl
  if (typeof sourceUrl !== 'string' || sourceUrl.length > URL_LIMIT) return null
  if (sourceUrl !== '' && !/^https?:\/\/[^\s]+$/i.test(sourceUrl)) return null
  const checkedOn = raw.checkedOn === undefined ? null : raw.checkedOn
  if (checkedOn !== null && !isCalendarDay(checkedOn)) return null
  if (raw.state !== 'unverified' && checkedOn === null) return null
  const updatedAt = raw.updatedAt === undefined ? null : raw.updatedAt
  if (updatedAt !== null && !isTime(updatedAt)) return null
  // The revision an admin's next `set` names (issue 25); kept only when it is one.
  const revision = typeof raw.revision === 'number' && Number.isInteger(raw.revision) && raw.revision >= 0 ? { revision: raw.revision } : {}
  return { state: raw.state, label: LIST_STATE_LABELS[raw.state], notice: notice.trim(), sourceUrl, checkedOn, updatedAt, ...revision }
}

/** The status in the cloud's answer to {action: 'get'}, or null when the answer is not one. */
export function statusFromResponse(data: unknown): ListStatus | null {
  if (!isRecord(data) || data.action !== 'get') return null
  return parseListStatus(data.status)
}

/** The value kept in storage. */
export function toStored(copy: StoredListStatus): { v: number; status: ListStatus; fetchedAt: string } {
  return { v: LIST_STATUS_STORE_VERSION, status: { ...copy.status }, fetchedAt: copy.fetchedAt }
}

/** What storage held, if it is a status this version wrote (anything else: null). */
export function parseStoredListStatus(raw: unknown): StoredListStatus | null {
  let value = raw
  if (typeof value === 'string') {
    if (value === '') return null
    try {
      value = JSON.parse(value) // H5 builds or older code may keep it as text
    } catch {
      return null
    }
  }
  if (!isRecord(value) || value.v !== LIST_STATUS_STORE_VERSION || !isTime(value.fetchedAt)) return null
  const status = parseListStatus(value.status)
  return status ? { status, fetchedAt: value.fetchedAt } : null
}

// ---------------------------------------------------------------------------------------------
// What the user reads

/** The state the app may show: a state without a check date counts as 状态未核实. */
export function effectiveListState(status: ListStatus | null | undefined): ListState {
  if (!status || !isListState(status.state)) return 'unverified'
  if (status.state !== 'unverified' && !isCalendarDay(status.checkedOn)) return 'unverified'
  return status.state
}

/** '12月1日 10:32' in Beijing time ('2025年12月1日 10:32' when not this year). */
export function deviceFetchTime(fetchedAt: string, now: Date = new Date()): string {
  return beijingTime(fetchedAt, 'YYYY') === beijingTime(now, 'YYYY') ? beijingTime(fetchedAt, 'M月D日 HH:mm') : beijingTime(fetchedAt, 'YYYY年M月D日 HH:mm')
}

export interface ListStatusLineOptions {
  fetchedAt: string | null
  fresh: boolean
  /** The first request is still under way (only changes the text when nothing is known yet). */
  checking?: boolean
  /** For the year in the fetch time (tests). */
  now?: Date
}

/**
 * The one line about the list's status, e.g.
 *   依据 2022 年清单 · 状态未核实（尚未核对）
 *   依据 2022 年清单 · 在执行（最后核对 2026-11-20）
 *   依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20）：<notice>
 * and for a stored copy shown because the cloud could not be reached:
 *   依据 2022 年清单 · 在执行（最后核对 2026-11-20，本机 12月1日 10:32 获取）
 */
export function listStatusLine(status: ListStatus | null | undefined, options: ListStatusLineOptions): string {
  const state = effectiveListState(status)
  const checkedOn = status && isCalendarDay(status.checkedOn) ? status.checkedOn : null
  const notes: string[] = []
  if (checkedOn) notes.push(`最后核对 ${checkedOn}`)
  else if (options.fresh || options.fetchedAt) notes.push('尚未核对') // the cloud said so
  else notes.push(options.checking ? '正在获取核对情况' : '暂未取得核对情况')
  if (!options.fresh && options.fetchedAt && isTime(options.fetchedAt)) notes.push(`本机 ${deviceFetchTime(options.fetchedAt, options.now)} 获取`)
  const notice = status && typeof status.notice === 'string' ? status.notice.trim() : ''
  return `依据 ${POLICY_LIST_SHORT} · ${LIST_STATE_LABELS[state]}（${notes.join('，')}）${notice ? `：${notice}` : ''}`
}

/**
 * The sentence a disclaimer adds for the status ('' when the list is in force):
 * superseded → 该清单已有后续清单，本测算仅供了解。 repealed → 该清单已废止，本测算仅供了解。
 * unverified → 清单现行状态未经核实。
 */
export function listStatusDisclaimer(status: ListStatus | null | undefined): string {
  switch (effectiveListState(status)) {
    case 'inForce':
      return ''
    case 'superseded':
      return '该清单已有后续清单，本测算仅供了解。'
    case 'repealed':
      return '该清单已废止，本测算仅供了解。'
    default:
      return '清单现行状态未经核实。'
  }
}
