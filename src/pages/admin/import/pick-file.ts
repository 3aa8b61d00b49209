/**
 * Picking a file an admin sent to a chat. In WeChat: chooseMessageFile (an admin sends the file to
 * any chat, e.g. 文件传输助手, from a computer); in the browser build: a file input. A cancelled pick
 * is not an error. `pickChatFile` gives the file itself (its temp path in WeChat, the File in a
 * browser) for an upload — the 园区批量测算 page's register (.xlsx/.csv); `pickImportFile` reads it
 * as UTF-8 text for the deadline import.
 */
import Taro from '@tarojs/taro'
import { MAX_REQUEST_BYTES } from '@cloud-api/api'
import { isCancel } from '@/services/cloud-files'

export type Picked =
  | { ok: true; name: string; text: string }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; message: string }

/**
 * What one import may send: the request (the text as a JSON string, with the other fields) must
 * stay under the functions' MAX_REQUEST_BYTES. Larger files are refused before reading.
 */
export const MAX_FILE_BYTES = MAX_REQUEST_BYTES

/** UTF-8 bytes of the import request carrying `text` (its JSON escaping included), without TextEncoder (not in every WeChat JS core). */
export function importRequestBytes(text: string): number {
  let bytes = 100 // {"action":"import","format":"csv","dryRun":false,"text":…}
  for (const ch of JSON.stringify(text)) {
    const cp = ch.codePointAt(0)!
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return bytes
}

export function importTooLarge(text: string): boolean {
  return importRequestBytes(text) > MAX_REQUEST_BYTES
}

export const PICK_MESSAGES = {
  tooBig: `内容太大（一次最多约 ${MAX_REQUEST_BYTES / 1024} KB）：请拆分成几个文件分批导入（同一批次再次导入只会更新，不会重复）。`,
  unreadable: '无法读取这个文件，请重新发送到聊天后再试，或把内容粘贴到下面的输入框。',
  notUtf8: '文件不是 UTF-8 编码，中文会变成乱码。请在 Excel 中「另存为」选择「CSV UTF-8（逗号分隔）」后重新发送。',
  chooseFailed: '无法打开聊天文件，请稍后再试，或把内容粘贴到下面的输入框。',
} as const

const CANCELLED = { ok: false, cancelled: true } as const

function fail(message: string): { ok: false; cancelled: false; message: string } {
  return { ok: false, cancelled: false, message }
}

/** A file picked from a chat (WeChat: its temp path) or from the computer (browser: the File). */
export type PickedFile =
  | { ok: true; name: string; size: number; path?: string; blob?: Blob }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; message: string }

export interface PickOptions {
  /** Extensions offered, without the dot ('csv', 'xlsx'). */
  extensions: string[]
  /** The browser input's `accept` (extensions and MIME types). */
  accept: string
  /** Larger files are refused with `tooBig` before anything is read or sent. */
  maxBytes: number
  tooBig: string
}

/** .json → json; anything else (.csv, .txt) → csv. */
export function formatOf(name: string): 'csv' | 'json' {
  return /\.json$/i.test(name.trim()) ? 'json' : 'csv'
}

/** The text read, or a message when it is not UTF-8 (the replacement character appears). */
function checked(name: string, text: string): Picked {
  if (text.includes('\uFFFD')) return fail(PICK_MESSAGES.notUtf8)
  return { ok: true, name, text }
}

function readUtf8(filePath: string): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      Taro.getFileSystemManager().readFile({
        filePath,
        encoding: 'utf8',
        success: (res) => resolve(typeof res.data === 'string' ? res.data : null),
        fail: () => resolve(null),
      })
    } catch {
      resolve(null)
    }
  })
}

async function pickWeapp(o: PickOptions): Promise<PickedFile> {
  let files: { name: string; path: string; size: number }[]
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: o.extensions })
    files = res.tempFiles ?? []
  } catch (err) {
    return isCancel(err) ? CANCELLED : fail(PICK_MESSAGES.chooseFailed)
  }
  const file = files[0]
  if (!file) return CANCELLED
  if (file.size > o.maxBytes) return fail(o.tooBig)
  return { ok: true, name: file.name, size: file.size, path: file.path }
}

/** Browser build: a hidden file input, clicked from the tap. */
function pickBrowser(o: PickOptions): Promise<PickedFile> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = o.accept
    input.style.display = 'none'
    let settled = false
    const finish = (p: PickedFile) => {
      if (settled) return
      settled = true
      input.remove()
      resolve(p)
    }
    input.addEventListener('cancel', () => finish(CANCELLED))
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return finish(CANCELLED)
      if (file.size > o.maxBytes) return finish(fail(o.tooBig))
      finish({ ok: true, name: file.name, size: file.size, blob: file })
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** A file from a chat (WeChat) or the computer (browser), not read. */
export function pickChatFile(o: PickOptions): Promise<PickedFile> {
  return process.env.TARO_ENV === 'h5' ? pickBrowser(o) : pickWeapp(o)
}

function readBlobText(blob: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => resolve(null)
    reader.readAsText(blob, 'utf-8')
  })
}

const IMPORT_PICK: PickOptions = {
  extensions: ['csv', 'json', 'txt'],
  accept: '.csv,.json,.txt,text/csv,application/json,text/plain',
  maxBytes: MAX_FILE_BYTES,
  tooBig: PICK_MESSAGES.tooBig,
}

/** The deadline import's file, read as UTF-8 text. */
export async function pickImportFile(): Promise<Picked> {
  const file = await pickChatFile(IMPORT_PICK)
  if (!file.ok) return file
  const text = file.blob ? await readBlobText(file.blob) : file.path ? await readUtf8(file.path) : null
  return text === null ? fail(PICK_MESSAGES.unreadable) : checked(file.name, text)
}
