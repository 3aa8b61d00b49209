/**
 * Answers on the device (Taro storage: wx storage in WeChat, localStorage in H5). Saved on every
 * change, synchronously, so closing the app mid-word loses nothing. Nothing here leaves the device;
 * only the results page sends the validated profile to the `calculate` function.
 */
import Taro from '@tarojs/taro'
import { DRAFT_KEY, emptyDraft, reviveDraft, type Draft } from './draft-core'

export { DRAFT_KEY }

export function loadDraft(): Draft | undefined {
  try {
    return reviveDraft(Taro.getStorageSync(DRAFT_KEY))
  } catch {
    return undefined
  }
}

export function saveDraft(d: Draft): boolean {
  try {
    Taro.setStorageSync(DRAFT_KEY, d)
    return true
  } catch (err) {
    // Storage full or disabled: the page keeps working from memory.
    console.warn('[answers] not saved', err)
    return false
  }
}

export function clearDraft(): void {
  try {
    Taro.removeStorageSync(DRAFT_KEY)
  } catch {
    // nothing to clear
  }
}

export function loadOrCreate(): Draft {
  return loadDraft() ?? emptyDraft()
}

// ---------------------------------------------------------------------------------------------
// "Back to this question" from the results page: the questionnaire reads it when it shows again.

let pendingFocus: string | undefined

export function requestFocus(path: string): void {
  pendingFocus = path
}

export function takeFocus(): string | undefined {
  const p = pendingFocus
  pendingFocus = undefined
  return p
}
