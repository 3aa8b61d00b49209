/**
 * WeChat's privacy consent, our own prompt: watchPrivacy (called once at launch) listens to
 * wx.onNeedPrivacyAuthorization; usePrivacyPrompt is what a mounted PrivacyPrompt shows and answers;
 * PRIVACY_AGREE_ID is its agree button's id.
 *
 * Why: since 2023-10-17 WeChat holds every privacy-scoped API (chooseMessageFile, saveImageToPhotosAlbum,
 * setClipboardData, …) until the person has agreed to the mini-program's 用户隐私保护指引; the
 * listener gets a `resolve` and the API waits. resolve({ event: 'agree', buttonId }) lets it go on —
 * the base library checks that the button with that id (open-type="agreePrivacyAuthorization") was
 * tapped; resolve({ event: 'disagree' }) fails it with "privacy permission is not authorized", and
 * the next call asks again (developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html).
 * The event is the app's, one listener; the prompt shown is the one mounted last (the page on top).
 * With no prompt mounted the call is declined, so a feature never hangs.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

type Answer = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' }
type Resolve = (answer: Answer) => void
type Listener = (resolve: Resolve) => void

/** The mounted prompts, oldest first; each is told whether it shows. */
const prompts: ((open: boolean) => void)[] = []
let pending: Resolve | null = null
let shown: ((open: boolean) => void) | null = null

function settle(answer: Answer): void {
  const resolve = pending
  pending = null
  shown?.(false)
  shown = null
  resolve?.(answer)
}

function onNeed(resolve: Resolve): void {
  // A second privacy call while the prompt is up: the earlier one is declined, the prompt stays.
  if (pending) {
    const earlier = pending
    pending = null
    earlier({ event: 'disagree' })
  }
  const top = prompts[prompts.length - 1]
  if (!top) {
    resolve({ event: 'disagree' })
    return
  }
  pending = resolve
  if (shown !== top) shown?.(false)
  shown = top
  top(true)
  resolve({ event: 'exposureAuthorization' })
}

let watching = false

/** Listens to WeChat's privacy event (weapp only; base library 2.32.3+ has it, older ones never ask). */
export function watchPrivacy(): void {
  if (process.env.TARO_ENV !== 'weapp' || watching) return
  const taroOn = (Taro as { onNeedPrivacyAuthorization?: (l: Listener) => void }).onNeedPrivacyAuthorization
  const wxOn = (globalThis as { wx?: { onNeedPrivacyAuthorization?: (l: Listener) => void } }).wx?.onNeedPrivacyAuthorization
  const on = typeof taroOn === 'function' ? taroOn : typeof wxOn === 'function' ? wxOn : undefined
  if (!on) return
  on(onNeed)
  watching = true
}

/** The id of the prompt's agree button: WeChat checks that this button was tapped. */
export const PRIVACY_AGREE_ID = 'privacy-agree'

/** For the PrivacyPrompt component: whether it shows, and the two answers. */
export function usePrivacyPrompt(): { open: boolean; agree: () => void; decline: () => void } {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    prompts.push(setOpen)
    return () => {
      const i = prompts.lastIndexOf(setOpen)
      if (i >= 0) prompts.splice(i, 1)
      // Its page closed while it asked: the waiting call is declined, not left hanging.
      if (shown === setOpen) settle({ event: 'disagree' })
    }
  }, [])
  return {
    open,
    agree: () => settle({ event: 'agree', buttonId: PRIVACY_AGREE_ID }),
    decline: () => settle({ event: 'disagree' }),
  }
}
