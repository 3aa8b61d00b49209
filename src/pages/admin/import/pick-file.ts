/**
 * Picking a file an admin sent to a chat. In WeChat: chooseMessageFile (an admin sends the file to
 * any chat, e.g. 文件传输助手, from a computer); in the browser build: a file input. A cancelled pick
 * is not an error. `pickChatFile` gives the file itself (its temp path in WeChat, the File in a
 * browser) for an upload — the 园区批量测算 page's register (.xlsx/.csv); `pickImportFile` reads its
 * bytes for the deadline import through readText (@policy/engine/read-text), the one reading the CLIs and
 * the deadlines function share: UTF-8 (BOM or not) and UTF-16 with a BOM are read, GBK is refused
 * with the same message everywhere (issue 25, item 5).
 *
 * The bounds: MAX_FILE_BYTES, and importRequestBytes / importTooLarge for the text read; formatOf tells
 * CSV from JSON by the name; PickOptions are what a page asks for, PICK_MESSAGES the refusals.
 */
import Taro from '@tarojs/taro'
import { MAX_REQUEST_BYTES } from '@cloud-api'
import { isCancel } from '@/services/cloud-files'
import { readText } from '@policy/engine'
import { PRIVACY_REFUSED, isPrivacyRefusal } from '@/services/privacy-refusal'

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

/** The file's text, or readText's message (not UTF-8, …). */
function checked(name: string, bytes: Uint8Array): Picked {
  const read = readText(bytes)
  return read.ok ? { ok: true, name, text: read.text } : fail(read.message)
}

/** WeChat: the file's bytes (readFile without an encoding answers an ArrayBuffer). */
function readBytes(filePath: string): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    try {
      Taro.getFileSystemManager().readFile({
        filePath,
        success: (res) => resolve(typeof res.data === 'string' || !res.data ? null : new Uint8Array(res.data as ArrayBuffer)),
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
    // Declined the 隐私保护指引 in the prompt: say so (tapping again asks again).
    if (isPrivacyRefusal(err)) return fail(PRIVACY_REFUSED.file)
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

function readBlobBytes(blob: Blob): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' || !reader.result ? null : new Uint8Array(reader.result))
    reader.onerror = () => resolve(null)
    reader.readAsArrayBuffer(blob)
  })
}

const IMPORT_PICK: PickOptions = {
  extensions: ['csv', 'json', 'txt'],
  accept: '.csv,.json,.txt,text/csv,application/json,text/plain',
  maxBytes: MAX_FILE_BYTES,
  tooBig: PICK_MESSAGES.tooBig,
}

/** The deadline import's file, read as text (readText). */
export async function pickImportFile(): Promise<Picked> {
  const file = await pickChatFile(IMPORT_PICK)
  if (!file.ok) return file
  const bytes = file.blob ? await readBlobBytes(file.blob) : file.path ? await readBytes(file.path) : null
  return bytes === null ? fail(PICK_MESSAGES.unreadable) : checked(file.name, bytes)
}
