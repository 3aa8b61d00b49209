/**
 * A list the cloud answers page by page (`nextCursor`, each answer a PageResult), for the admin
 * pages (usePaged): the first page on `reload`, the next on `loadMore` (加载更多). An answer to an
 * older request is dropped, and 加载更多 is off while a reload runs, so two lists are never mixed.
 */
import { useCallback, useRef, useState } from 'react'
import type { CloudError } from '@/services/cloud'
import { useAlive } from '@/state/alive'

export type PageResult<T> = { ok: true; items: T[]; nextCursor: string | null } | { ok: false; error: CloudError }

export interface PagedList<T> {
  phase: 'idle' | 'loading' | 'error' | 'done'
  items: T[]
  nextCursor: string | null
  error: CloudError | null
  loadingMore: boolean
  /** A failed 加载更多 (the items so far stay). */
  moreError: string | null
}

function idle<T>(): PagedList<T> {
  return { phase: 'idle', items: [], nextCursor: null, error: null, loadingMore: false, moreError: null }
}

export function usePaged<T>(fetchPage: (cursor?: string) => Promise<PageResult<T>>) {
  const [list, setList] = useState<PagedList<T>>(idle)
  const seq = useRef(0)
  const alive = useAlive()
  const cursor = useRef<string | null>(null)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const reloading = useRef(false)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    reloading.current = true
    // The old items stay on screen, but 加载更多 goes until the first page is back: a next page of
    // the old list must not be appended to the new one.
    cursor.current = null
    setList((prev) => ({ ...prev, phase: prev.phase === 'done' ? 'done' : 'loading', nextCursor: null, loadingMore: false, moreError: null }))
    const res = await fetchRef.current(undefined)
    if (!alive.current || mine !== seq.current) return
    reloading.current = false
    if (!res.ok) {
      setList({ ...idle<T>(), phase: 'error', error: res.error })
      return
    }
    cursor.current = res.nextCursor
    setList({ phase: 'done', items: res.items, nextCursor: res.nextCursor, error: null, loadingMore: false, moreError: null })
  }, [alive])

  const loadMore = useCallback(async () => {
    const from = cursor.current
    if (!from || reloading.current) return
    const mine = ++seq.current
    setList((prev) => ({ ...prev, loadingMore: true, moreError: null }))
    const res = await fetchRef.current(from)
    if (!alive.current || mine !== seq.current) return
    if (!res.ok) {
      setList((prev) => ({ ...prev, loadingMore: false, moreError: res.error.message }))
      return
    }
    cursor.current = res.nextCursor
    setList((prev) => ({ ...prev, items: [...prev.items, ...res.items], nextCursor: res.nextCursor, loadingMore: false, moreError: null }))
  }, [alive])

  return { list, reload, loadMore }
}
