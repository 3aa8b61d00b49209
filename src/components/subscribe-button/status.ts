/**
 * The subscribe buttons' state, fetched in batches: every button that mounts in the same tick
 * adds its measure to one `subscriptions/status` call (at most 30 measures each), so a results
 * page with many buttons makes one or two calls, not one per button. A button asks afresh when its
 * page opens or is shown again (a cancel in 我的提醒, in another subpackage, or a deadline published
 * meanwhile must show); a subscribe here tells every button of that measure at once.
 * loadStatus asks (a StatusResult), onStatus listens, updateStatus tells, invalidateStatus makes the
 * next ask go to the cloud.
 */
import type { MeasureReminderStatus } from '@cloud-api'
import { callCloud, type CloudError } from '@/services/cloud'

export type StatusResult = { ok: true; status: MeasureReminderStatus } | { ok: false; error: CloudError }

const BATCH = 30
const cache = new Map<string, Promise<StatusResult>>()
const listeners = new Map<string, Set<(r: StatusResult) => void>>()
let pending: { measureId: string; resolve: (r: StatusResult) => void }[] = []
let timer: ReturnType<typeof setTimeout> | null = null

async function flush(): Promise<void> {
  const batch = pending
  pending = []
  timer = null
  for (let i = 0; i < batch.length; i += BATCH) {
    const part = batch.slice(i, i + BATCH)
    const ids = [...new Set(part.map((p) => p.measureId))]
    const env = await callCloud('subscriptions', { action: 'status', measureIds: ids })
    for (const p of part) {
      if (!env.ok) {
        cache.delete(p.measureId) // let the next mount try again
        p.resolve({ ok: false, error: env.error })
        continue
      }
      const found = env.data.action === 'status' ? env.data.measures.find((m) => m.measureId === p.measureId) : undefined
      p.resolve(found ? { ok: true, status: found } : { ok: true, status: { measureId: p.measureId, deadline: null, subscription: null } })
    }
  }
}

/** The status of one measure (batched with the other buttons mounting now). */
export function loadStatus(measureId: string): Promise<StatusResult> {
  let p = cache.get(measureId)
  if (!p) {
    p = new Promise<StatusResult>((resolve) => {
      pending.push({ measureId, resolve })
      if (!timer) timer = setTimeout(() => void flush(), 0)
    })
    cache.set(measureId, p)
  }
  return p
}

/** After a subscribe or a cancel: remember the new state and tell every button of the measure. */
export function updateStatus(status: MeasureReminderStatus): void {
  const result: StatusResult = { ok: true, status }
  cache.set(status.measureId, Promise.resolve(result))
  for (const l of listeners.get(status.measureId) ?? []) l(result)
}

/** Forget a measure's state (the next load asks the cloud again). */
export function invalidateStatus(measureId?: string): void {
  if (measureId) cache.delete(measureId)
  else cache.clear()
}

export function onStatus(measureId: string, listener: (r: StatusResult) => void): () => void {
  let set = listeners.get(measureId)
  if (!set) listeners.set(measureId, (set = new Set()))
  set.add(listener)
  return () => set!.delete(listener)
}
