/**
 * Whether the list is still in force, as admins publish it (cloud function `listStatus`).
 *
 * The last status fetched is kept on the device (Taro storage, key 'listStatus', with the time it
 * was fetched): a page starts from that copy (or from 状态未核实 when there is none), asks the
 * cloud on mount, and keeps the copy — marked not fresh, with its fetch time — when the cloud
 * cannot be reached. Text and checks live in list-status-core.ts (pure).
 * useListStatus gives a page the status; fetchListStatus asks; resetListStatusSession forgets this
 * run's copy (for tests).
 */
import { useCallback, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import { callCloud } from './cloud'
import {
  LIST_STATUS_KEY,
  UNVERIFIED_LIST_STATUS,
  parseStoredListStatus,
  statusFromResponse,
  toStored,
  type ListStatusView,
  type StoredListStatus,
} from './list-status-core'

export * from './list-status-core'
export { POLICY_LIST_NAME, POLICY_LIST_SHORT, POLICY_LIST_YEAR } from './policy-list'

/** The copy fetched from the cloud during this run of the app (pages opened later start fresh). */
let session: StoredListStatus | null = null
/** One request at a time, shared by the pages that mount together. */
let inflight: Promise<ListStatusView> | null = null

/** Forgets this run's copy and any request under way (tests). Storage is left alone. */
export function resetListStatusSession(): void {
  session = null
  inflight = null
}

/** The copy kept on the device, if it is intact (a damaged or old value is ignored). */
export function loadStoredListStatus(): StoredListStatus | null {
  try {
    return parseStoredListStatus(Taro.getStorageSync(LIST_STATUS_KEY))
  } catch {
    return null
  }
}

function saveStoredListStatus(copy: StoredListStatus): void {
  try {
    Taro.setStorageSync(LIST_STATUS_KEY, toStored(copy))
  } catch {
    // storage full or unavailable: the status still shows for this run
  }
}

function fromDevice(checking: boolean): ListStatusView {
  const stored = loadStoredListStatus()
  return stored ? { ...stored, fresh: false, checking } : { status: UNVERIFIED_LIST_STATUS, fetchedAt: null, fresh: false, checking }
}

/** What a page shows before the cloud answers. */
export function initialListStatus(): ListStatusView {
  return session ? { ...session, fresh: true, checking: true } : fromDevice(true)
}

/**
 * Asks the cloud; on success stores the status with its fetch time and returns it (fresh); on any
 * failure (offline, error, malformed answer) returns the stored copy (not fresh) or the default.
 */
export function fetchListStatus(now: () => Date = () => new Date()): Promise<ListStatusView> {
  if (inflight) return inflight
  const run = (async (): Promise<ListStatusView> => {
    let status = null
    try {
      const env = await callCloud('listStatus', { action: 'get' })
      status = env && env.ok ? statusFromResponse(env.data) : null
    } catch {
      status = null // callCloud never throws; a stand-in might
    }
    if (status) {
      const copy: StoredListStatus = { status, fetchedAt: now().toISOString() }
      session = copy
      saveStoredListStatus(copy)
      return { ...copy, fresh: true, checking: false }
    }
    session = null
    return fromDevice(false)
  })()
  inflight = run
  const clear = () => {
    if (inflight === run) inflight = null
  }
  run.then(clear, clear)
  return run
}

/** The list's status for a page: the device's copy at once, then the cloud's answer. */
export function useListStatus(): ListStatusView {
  const [view, setView] = useState<ListStatusView>(initialListStatus)
  const alive = useAlive()
  // On open, and each time the page shows again (home stays open under the other pages): an
  // admin's newly published status reaches a page that is already open. Calls at once share one request.
  const refresh = useCallback(() => {
    void fetchListStatus().then((next) => {
      if (alive.current) setView(next)
    })
  }, [alive])
  useLoadOnOpen(refresh)
  useDidShow(refresh)
  return view
}
