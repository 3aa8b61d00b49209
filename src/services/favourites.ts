/**
 * Favourite measures, kept on the device only (Taro storage: wx storage in WeChat, localStorage in
 * H5): listFavourites, isFavourite, toggleFavourite. Nothing is sent to the cloud. Storage failures
 * never throw: the list is then empty.
 */
import Taro from '@tarojs/taro'

export const FAVOURITES_KEY = 'policy.favourites'

function read(): string[] {
  try {
    const raw: unknown = Taro.getStorageSync(FAVOURITES_KEY)
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function write(ids: string[]): void {
  try {
    Taro.setStorageSync(FAVOURITES_KEY, ids)
  } catch {
    // storage full or disabled: the toggle still shows for this session
  }
}

/** Favourite measure ids, most recent first. */
export function listFavourites(): string[] {
  return read()
}

export function isFavourite(id: string): boolean {
  return read().includes(id)
}

/** Adds or removes a measure; returns whether it is now a favourite. */
export function toggleFavourite(id: string): boolean {
  const ids = read()
  const on = !ids.includes(id)
  write(on ? [id, ...ids] : ids.filter((x) => x !== id))
  return on
}
