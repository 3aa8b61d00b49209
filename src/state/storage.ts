/**
 * Answers on the device (Taro storage: wx storage in WeChat, localStorage in H5): loadDraft,
 * saveDraft, clearDraft. Saved on every change, synchronously, so closing the app mid-word loses
 * nothing. Nothing here leaves the device; only the results page sends the validated profile to the
 * `calculate` function. startOver clears everything kept because of the answers; requestFocus and
 * takeFocus carry "back to this question" from the results page to the questionnaire.
 */
import Taro from '@tarojs/taro'
import { DRAFT_KEY, emptyDraft, reviveDraft, type Draft } from './draft-core'
import { LAST_VISIT_KEY } from './last-visit'
import { RESULT_FOR_HOME_KEY } from './result-for-home'

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

/**
 * 重新开始 ("清除本机保存的全部答案"): the answers and everything kept because of them — the result
 * kept for the home page and the last visit that dates its new batches — so nothing of this person's
 * stays on a shared phone.
 */
export function startOver(): void {
  for (const key of [DRAFT_KEY, RESULT_FOR_HOME_KEY, LAST_VISIT_KEY]) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // nothing to clear
    }
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
