/**
 * Files in cloud storage for the pages (园区批量测算: the register up, the result down), the one way
 * to move them, beside callCloud for the functions:
 *
 *  - weapp: `Taro.cloud.uploadFile({ cloudPath, filePath })` (a file picked from a chat);
 *    a result comes as a temporary link the `screen` function hands its owner, downloaded with
 *    `Taro.downloadFile`, then opened in WeChat's viewer (`openDocument` with its menu, from which
 *    it can also be saved or sent) or sent to a chat (`shareFileMessage`).
 *  - H5: `POST UPLOAD_ROUTE` on the local cloud (the caller's own folder only, DEV_OPENID_HEADER as
 *    for /cloud; the names shared with the server in shared/cloud/api/dev-headers.ts), and a result is a
 *    download link.
 *
 * Never throws: a failure is `{ ok: false, message }` in Chinese.
 * The result: openSpreadsheet (the viewer) and sendSpreadsheet (a chat); isCancel tells a user's
 * cancel from a failure.
 */
import Taro from '@tarojs/taro'
import { CLOUD_PATH_HEADER, DEV_OPENID_HEADER, UPLOAD_ROUTE } from '@cloud-api'
import { getDevOpenid } from './cloud'
import { downloadInBrowser } from './download'

export type FileResult<T> = ({ ok: true } & T) | { ok: false; message: string }

export const FILE_MESSAGES = {
  uploadFailed: '上传失败，请检查网络后重试',
  downloadFailed: '下载失败，请检查网络后重试',
  gone: '文件已不存在（可能已删除）',
  openFailed: '无法打开文件，请稍后再试',
  shareFailed: '没有发送到聊天',
} as const

/** H5 uploads give up after this many milliseconds. */
const H5_UPLOAD_TIMEOUT_MS = 60000

/** A wx API's failure that is the user cancelling (picking a file, sending to a chat): no error to show. */
export function isCancel(err: unknown): boolean {
  const msg = err && typeof err === 'object' && 'errMsg' in err ? String((err as { errMsg: unknown }).errMsg) : String(err)
  return /cancel/i.test(msg)
}

/** A wx API with callbacks, as a promise (not every API is promisified by Taro). */
function wxCall<T>(fn: ((o: Record<string, unknown>) => unknown) | undefined, options: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    if (typeof fn !== 'function') {
      reject(new Error('API not available'))
      return
    }
    fn({ ...options, success: (res: T) => resolve(res), fail: (err: unknown) => reject(err) })
  })
}

/** What the picker gave: the temp path (WeChat) or the File (browser). */
export interface LocalFile {
  path?: string
  blob?: Blob
}

async function uploadH5(cloudPath: string, file: LocalFile): Promise<FileResult<{ fileID: string }>> {
  if (!file.blob) return { ok: false, message: FILE_MESSAGES.uploadFailed }
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined
  const timer = controller ? setTimeout(() => controller.abort(), H5_UPLOAD_TIMEOUT_MS) : undefined
  try {
    const res = await fetch(UPLOAD_ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [DEV_OPENID_HEADER]: getDevOpenid(), [CLOUD_PATH_HEADER]: cloudPath },
      body: file.blob,
      signal: controller?.signal,
    })
    const body = (await res.json()) as { ok?: boolean; data?: { fileID?: unknown }; error?: { message?: unknown } }
    if (body.ok && typeof body.data?.fileID === 'string') return { ok: true, fileID: body.data.fileID }
    return { ok: false, message: typeof body.error?.message === 'string' ? body.error.message : FILE_MESSAGES.uploadFailed }
  } catch {
    return { ok: false, message: FILE_MESSAGES.uploadFailed }
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
}

async function uploadWeapp(cloudPath: string, file: LocalFile): Promise<FileResult<{ fileID: string }>> {
  if (!file.path) return { ok: false, message: FILE_MESSAGES.uploadFailed }
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path })
    return typeof res.fileID === 'string' && res.fileID ? { ok: true, fileID: res.fileID } : { ok: false, message: FILE_MESSAGES.uploadFailed }
  } catch (err) {
    console.warn('[files] upload failed', err)
    return { ok: false, message: FILE_MESSAGES.uploadFailed }
  }
}

// Chosen at build time, as callCloud's transport: the other one is dropped from the bundle.
const upload: typeof uploadWeapp = process.env.TARO_ENV === 'h5' ? uploadH5 : uploadWeapp

/** The file to `cloudPath` (a path the `screen` function gave: the caller's own folder). */
export function uploadFile(cloudPath: string, file: LocalFile): Promise<FileResult<{ fileID: string }>> {
  return upload(cloudPath, file)
}

/** WeChat: a link to a temp file the app holds (kept per link while the app runs). */
const downloaded = new Map<string, string>()

async function download(url: string): Promise<FileResult<{ filePath: string }>> {
  const kept = downloaded.get(url)
  if (kept) return { ok: true, filePath: kept }
  try {
    const res = await wxCall<{ statusCode: number; tempFilePath: string }>(Taro.downloadFile as never, { url })
    if (res.statusCode === 404) return { ok: false, message: FILE_MESSAGES.gone }
    if (res.statusCode !== 200 || !res.tempFilePath) return { ok: false, message: FILE_MESSAGES.downloadFailed }
    downloaded.set(url, res.tempFilePath)
    return { ok: true, filePath: res.tempFilePath }
  } catch (err) {
    console.warn('[files] download failed', err)
    return { ok: false, message: FILE_MESSAGES.downloadFailed }
  }
}

/** Opens the spreadsheet at `url`: WeChat's viewer (its menu saves or sends it); a download in a browser. */
export async function openSpreadsheet(url: string, fileName: string): Promise<FileResult<object>> {
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(url, fileName)
    return { ok: true }
  }
  const file = await download(url)
  if (!file.ok) return file
  try {
    await wxCall(Taro.openDocument as never, { filePath: file.filePath, fileType: 'xlsx', showMenu: true })
    return { ok: true }
  } catch (err) {
    console.warn('[files] openDocument failed', err)
    return { ok: false, message: FILE_MESSAGES.openFailed }
  }
}

/** WeChat only: sends the spreadsheet at `url` to a chat the user picks, named `fileName`. A cancel is no error. */
export async function sendSpreadsheet(url: string, fileName: string): Promise<FileResult<{ cancelled: boolean }>> {
  const file = await download(url)
  if (!file.ok) return file
  try {
    await wxCall((Taro as unknown as { shareFileMessage?: (o: Record<string, unknown>) => unknown }).shareFileMessage, { filePath: file.filePath, fileName })
    return { ok: true, cancelled: false }
  } catch (err) {
    if (isCancel(err)) return { ok: true, cancelled: true }
    console.warn('[files] shareFileMessage failed', err)
    return { ok: false, message: FILE_MESSAGES.shareFailed }
  }
}
