/**
 * When this device last opened the home page (Taro storage, never uploaded): the home page shows
 * deadline batches published since then that match the user's saved result (issue 22).
 * takeLastVisit reads and records it (under LAST_VISIT_KEY).
 */
import Taro from '@tarojs/taro'

export const LAST_VISIT_KEY = 'policy-abacus:last-visit:v1'

/**
 * The previous visit's time (ISO), or null on a first visit (or when what is stored is not a
 * time); records `now` as this visit.
 */
export function takeLastVisit(now: Date = new Date()): string | null {
  let previous: string | null = null
  try {
    const stored: unknown = Taro.getStorageSync(LAST_VISIT_KEY)
    if (typeof stored === 'string' && !Number.isNaN(Date.parse(stored))) previous = stored
  } catch {
    previous = null
  }
  try {
    Taro.setStorageSync(LAST_VISIT_KEY, now.toISOString())
  } catch {
    // storage full or unavailable: the next visit counts as a first one
  }
  return previous
}
