/**
 * copyText: every copy button's one way to the clipboard (setClipboardData, privacy-scoped in WeChat).
 * Resolves true once copied. When the person declined the 用户隐私保护指引 it says so in a dialog
 * (PRIVACY_REFUSED.clipboard); any other failure shows `failText` as a toast when given; both resolve false.
 */
import Taro from '@tarojs/taro'
import { PRIVACY_REFUSED, isPrivacyRefusal } from './privacy-refusal'

export async function copyText(data: string, failText?: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data })
    return true
  } catch (err) {
    if (isPrivacyRefusal(err)) {
      await Taro.showModal({ title: '无法复制', content: PRIVACY_REFUSED.clipboard, showCancel: false, confirmText: '知道了' }).catch(() => undefined)
    } else if (failText) {
      await Taro.showToast({ title: failText, icon: 'none' }).catch(() => undefined)
    }
    return false
  }
}
