/**
 * The 小程序码 of a target (measure, item or start page) as a picture a canvas can draw, from the
 * cloud function `qrcode` (shared/cloud/handlers/qrcode.ts):
 *
 *  - weapp: the code's file is downloaded from cloud storage (`Taro.cloud.downloadFile`); `src` is
 *    its temporary local path (a canvas image loads local paths; a cloud fileID it does not).
 *  - H5: `src` is the file's URL (the local cloud serves it under /files/).
 *
 * Never throws: when WeChat refuses (45009 the day's quota, 41030 a page not yet released, …) the
 * handler's Chinese reason comes back; no network gives CODE_NETWORK_REASON, a download failure
 * CODE_DOWNLOAD_REASON, anything else CODE_FAILED_REASON — the poster says why its corner has no code.
 *
 * Codes are kept per scene for this run of the app: opening the poster twice asks the cloud once.
 * Only codes that came through are kept (and a request in flight is shared); after a failure the
 * next open asks again.
 * loadCode gives the code; forgetCode and forgetCodes drop kept ones.
 */
import Taro from '@tarojs/taro'
import { sceneOf, type SceneTarget } from '@policy/view'
import { callCloud } from './cloud'

export type CodeImage = { ok: true; src: string } | { ok: false; reason: string }

/** The cloud could not be reached: what the poster says instead of a code. */
export const CODE_NETWORK_REASON = '网络不可用，小程序码未生成'
/** The cloud answered an error (or something unexpected happened). */
export const CODE_FAILED_REASON = '小程序码暂时无法生成，请稍后再试'
/** The code was made but its file could not be downloaded (weapp). */
export const CODE_DOWNLOAD_REASON = '小程序码下载失败，请稍后再试'

const codes = new Map<string, Promise<CodeImage>>()

/** Forgets the kept codes (tests). */
export function forgetCodes(): void {
  codes.clear()
}

/** Forgets the code of one target: its file would not load, so the next picture asks again. */
export function forgetCode(target: SceneTarget): void {
  try {
    codes.delete(sceneOf(target))
  } catch {
    // not a target of the catalog: nothing was kept
  }
}

async function fetchCode(scene: string): Promise<CodeImage> {
  const res = await callCloud('qrcode', { scene })
  if (!res.ok) {
    console.warn('[qrcode] the cloud answered an error', res.error)
    return { ok: false, reason: res.error.code === 'NETWORK' ? CODE_NETWORK_REASON : CODE_FAILED_REASON }
  }
  const data = res.data
  if (data.status === 'unavailable') return { ok: false, reason: data.reason }
  if (process.env.TARO_ENV !== 'weapp') return { ok: true, src: data.url }
  try {
    const file = await Taro.cloud.downloadFile({ fileID: data.fileID })
    if (typeof file?.tempFilePath === 'string' && file.tempFilePath !== '') return { ok: true, src: file.tempFilePath }
    return { ok: false, reason: CODE_DOWNLOAD_REASON }
  } catch (err) {
    console.warn('[qrcode] download failed', err)
    return { ok: false, reason: CODE_DOWNLOAD_REASON }
  }
}

/** The code of `target`, or why there is none. */
export async function loadCode(target: SceneTarget): Promise<CodeImage> {
  let scene: string
  try {
    scene = sceneOf(target)
  } catch (err) {
    // A target the catalog does not hold (a programming error): no code, but the poster still goes.
    console.warn('[qrcode] no scene for the target', target, err)
    return { ok: false, reason: CODE_FAILED_REASON }
  }
  const kept = codes.get(scene)
  if (kept) return kept
  const pending = fetchCode(scene).catch((err): CodeImage => {
    console.warn('[qrcode] failed', err)
    return { ok: false, reason: CODE_FAILED_REASON }
  })
  codes.set(scene, pending)
  const result = await pending
  if (!result.ok && codes.get(scene) === pending) codes.delete(scene)
  return result
}
