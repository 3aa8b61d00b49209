/**
 * Saving a picture (poster, result sheet) to the phone's album in WeChat, asking for permission properly:
 *  - never asked: Taro.authorize shows WeChat's prompt;
 *  - refused before: WeChat will not prompt again, so explain and offer the settings page;
 *  - refused now: explain what the permission is for and that the poster can still be forwarded.
 * The Taro calls are passed in, so the flow is tested without WeChat.
 * saveToAlbum is the flow (its Taro calls an AlbumApi), answering SAVED_TEXT or REFUSED_TEXT —
 * or, when the person declined the 用户隐私保护指引 (authorize and the save are privacy-scoped),
 * PRIVACY_REFUSED.album.
 */
import { PRIVACY_REFUSED, isPrivacyRefusal } from '@/services/privacy-refusal'

export const ALBUM_SCOPE = 'scope.writePhotosAlbum'

export const REFUSED_TEXT = '没有相册权限，图片未保存。你可以长按图片直接转发给朋友，或在右上角“…”→“设置”中允许“添加到相册”后再保存。'

export interface AlbumApi {
  getSetting(): Promise<{ authSetting: Record<string, boolean | undefined> }>
  authorize(o: { scope: string }): Promise<unknown>
  openSetting(): Promise<{ authSetting: Record<string, boolean | undefined> }>
  showModal(o: { title: string; content: string; confirmText?: string; cancelText?: string }): Promise<{ confirm: boolean }>
  saveImageToPhotosAlbum(o: { filePath: string }): Promise<unknown>
}

/** Said when the picture is in the album. */
export const SAVED_TEXT = '已保存到相册'

export type SaveOutcome = 'saved' | 'refused' | 'failed'

function errText(e: unknown): string {
  return e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : String(e)
}

export async function saveToAlbum(api: AlbumApi, filePath: string): Promise<{ outcome: SaveOutcome; message: string }> {
  let state: boolean | undefined
  try {
    state = (await api.getSetting()).authSetting[ALBUM_SCOPE]
  } catch {
    state = undefined
  }
  if (state === false) {
    // Refused before: WeChat does not ask again; only the settings page can grant it.
    const m = await api.showModal({
      title: '需要“添加到相册”权限',
      content: '保存图片需要写入相册。你之前没有允许，可以在设置中打开；图片不会用于其他用途。',
      confirmText: '去设置',
      cancelText: '暂不',
    })
    if (!m.confirm) return { outcome: 'refused', message: REFUSED_TEXT }
    const s = await api.openSetting()
    if (!s.authSetting[ALBUM_SCOPE]) return { outcome: 'refused', message: REFUSED_TEXT }
  } else if (state === undefined) {
    try {
      await api.authorize({ scope: ALBUM_SCOPE })
    } catch (e) {
      return { outcome: 'refused', message: isPrivacyRefusal(e) ? PRIVACY_REFUSED.album : REFUSED_TEXT }
    }
  }
  try {
    await api.saveImageToPhotosAlbum({ filePath })
    return { outcome: 'saved', message: SAVED_TEXT }
  } catch (e) {
    const msg = errText(e)
    if (isPrivacyRefusal(e)) return { outcome: 'refused', message: PRIVACY_REFUSED.album }
    if (/cancel/i.test(msg)) return { outcome: 'failed', message: '已取消保存' }
    if (/auth|deny|denied/i.test(msg)) return { outcome: 'refused', message: REFUSED_TEXT }
    return { outcome: 'failed', message: '保存失败，请稍后再试，或长按图片保存' }
  }
}
