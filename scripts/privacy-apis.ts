/**
 * WECHAT_PRIVACY: WeChat's privacy-scoped APIs by information type (its 用户隐私保护指引 form's types
 * and their privacy_key), and scanPrivacy, which finds the ones a built weapp folder calls;
 * readDeclared reads what docs/privacy.md declares (its table between the `privacy-apis` markers).
 *
 * Source of the table: 小程序用户隐私保护指引内容介绍 (developers.weixin.qq.com/miniprogram/dev/
 * framework/user-privacy/miniprogram-intro.html) — 处理的信息 ↔ 接口或组件 — and the privacy_key
 * values of setPrivacySetting (MessageFile, AlbumWriteOnly, Clipboard, …), as read 2026-12.
 *
 * Telling a call from a name: Taro's runtime (taro.js) lists every wx API name in a table
 * (`new Set(["addPhoneContact","authorize",…])`) to promisify them, so a plain search finds them all.
 * A call is the name as a called member (`x.chooseMessageFile(`, `x["chooseMessageFile"](`); an
 * authorize call counts the `scope.*` strings of its file; an open-type is a component prop
 * (`openType:"getPhoneNumber"`); a component is a tag in base.wxml or a page's WXML.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export interface PrivacyType {
  /** WeChat's privacy_key. */
  key: string
  /** The type's name in WeChat's form. */
  type: string
  /** wx.* APIs (called as members). */
  apis: string[]
  /** wx.authorize scopes. */
  scopes?: string[]
  /** <button open-type>. */
  openTypes?: string[]
  /** Components (tags in WXML). */
  components?: string[]
}

export const WECHAT_PRIVACY: PrivacyType[] = [
  { key: 'UserInfo', type: '用户信息（微信昵称、头像）', apis: ['getUserInfo', 'getUserProfile'], openTypes: ['chooseAvatar', 'getUserInfo'] },
  { key: 'Location', type: '位置信息', apis: ['getLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'getFuzzyLocation', 'onLocationChange'], scopes: ['scope.userLocation', 'scope.userLocationBackground', 'scope.userFuzzyLocation'] },
  { key: 'ChooseLocation', type: '选择的位置信息', apis: ['choosePoi', 'chooseLocation'] },
  { key: 'Address', type: '地址', apis: ['chooseAddress'] },
  { key: 'Invoice', type: '发票信息', apis: ['chooseInvoiceTitle', 'chooseInvoice'] },
  { key: 'RunData', type: '微信运动数据', apis: ['getWeRunData'], scopes: ['scope.werun'] },
  { key: 'PhoneNumber', type: '手机号', apis: [], openTypes: ['getPhoneNumber', 'getRealtimePhoneNumber'] },
  { key: 'License', type: '车牌号', apis: ['chooseLicensePlate'] },
  { key: 'Album', type: '选中的照片或视频信息', apis: ['chooseImage', 'chooseMedia', 'chooseVideo'] },
  { key: 'MessageFile', type: '选中的文件', apis: ['chooseMessageFile'] },
  { key: 'Record', type: '麦克风', apis: ['startRecord', 'getRecorderManager', 'joinVoIPChat'], scopes: ['scope.record'], components: ['live-pusher'] },
  { key: 'Camera', type: '摄像头', apis: ['createVKSession'], scopes: ['scope.camera'], components: ['camera', 'live-pusher', 'voip-room'] },
  { key: 'Bluetooth', type: '蓝牙', apis: ['openBluetoothAdapter', 'createBLEPeripheralServer'], scopes: ['scope.bluetooth'] },
  { key: 'AlbumWriteOnly', type: '相册（仅写入）权限', apis: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'], scopes: ['scope.writePhotosAlbum'] },
  { key: 'Contact', type: '通讯录（仅写入）权限', apis: ['addPhoneContact'], scopes: ['scope.addPhoneContact'] },
  { key: 'Calendar', type: '日历（仅写入）权限', apis: ['addPhoneRepeatCalendar', 'addPhoneCalendar'], scopes: ['scope.addPhoneCalendar'] },
  { key: 'Clipboard', type: '剪切板', apis: ['setClipboardData', 'getClipboardData'] },
]

/** Every privacy-scoped wx API name (the weapp harness holds these until the person agrees). */
export const PRIVACY_API_NAMES: string[] = WECHAT_PRIVACY.flatMap((t) => t.apis)

/** One use found: what (`chooseMessageFile`, `authorize(scope.writePhotosAlbum)`, `open-type=getPhoneNumber`, `<camera>`), its type, where. */
export interface PrivacyUse {
  use: string
  key: string
  file: string
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

/** The privacy-scoped uses in a weapp build folder (every .js and .wxml of it, Taro's runtime included). */
export function scanPrivacy(dir: string): PrivacyUse[] {
  const found: PrivacyUse[] = []
  const add = (use: string, key: string, file: string) => {
    if (!found.some((f) => f.use === use && f.file === file)) found.push({ use, key, file })
  }
  for (const file of filesUnder(dir).sort()) {
    const rel = path.relative(dir, file)
    if (file.endsWith('.js')) {
      const text = readFileSync(file, 'utf8')
      for (const t of WECHAT_PRIVACY) {
        for (const api of t.apis) {
          if (new RegExp(`(?:\\.\\s*${api}|\\[\\s*["'\`]${api}["'\`]\\s*\\])\\s*\\(`).test(text)) add(api, t.key, rel)
        }
        for (const o of t.openTypes ?? []) {
          if (new RegExp(`openType\\s*:\\s*["'\`]${esc(o)}["'\`]`).test(text)) add(`open-type=${o}`, t.key, rel)
        }
      }
      if (/(?:\.\s*authorize|\[\s*["'`]authorize["'`]\s*\])\s*\(/.test(text)) {
        const scopes = [...new Set(text.match(/scope\.[A-Za-z]+/g) ?? [])]
        const known = WECHAT_PRIVACY.filter((t) => t.scopes?.some((s) => scopes.includes(s)))
        if (!known.length) add('authorize(scope unknown)', '?', rel)
        for (const t of known) for (const s of t.scopes!.filter((x) => scopes.includes(x))) add(`authorize(${s})`, t.key, rel)
      }
    } else if (file.endsWith('.wxml')) {
      const text = readFileSync(file, 'utf8')
      for (const t of WECHAT_PRIVACY) {
        for (const c of t.components ?? []) if (new RegExp(`<${esc(c)}[\\s>/]`).test(text)) add(`<${c}>`, t.key, rel)
        for (const o of t.openTypes ?? []) if (new RegExp(`open-type=["']${esc(o)}["']`).test(text)) add(`open-type=${o}`, t.key, rel)
      }
    }
  }
  return found
}

/** One row of docs/privacy.md's declaration table. */
export interface DeclaredRow {
  type: string
  key: string
  /** The uses it declares, as scanPrivacy names them (`chooseMessageFile`, `authorize(scope.writePhotosAlbum)`). */
  uses: string[]
  purpose: string
}

/** The declaration table of docs/privacy.md: the rows between `<!-- privacy-apis:start -->` and `<!-- privacy-apis:end -->`. */
export function readDeclared(markdown: string): DeclaredRow[] {
  const m = /<!-- privacy-apis:start -->([\s\S]*?)<!-- privacy-apis:end -->/.exec(markdown)
  if (!m) throw new Error('docs/privacy.md has no <!-- privacy-apis:start --> … <!-- privacy-apis:end --> table')
  const rows = m[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    )
  const [, ...body] = rows // the header
  return body.map(([type, key, uses, purpose]) => ({
    type,
    key: key.replace(/`/g, ''),
    uses: uses.split(/[、,，]/).map((u) => u.replace(/`|wx\./g, '').trim()).filter(Boolean),
    purpose,
  }))
}

/** The uses a build makes that the declaration does not list (each with its file). */
export function undeclared(uses: PrivacyUse[], declared: DeclaredRow[]): PrivacyUse[] {
  const ok = new Set(declared.flatMap((r) => r.uses.map((u) => `${r.key} ${u}`)))
  return uses.filter((u) => !ok.has(`${u.key} ${u.use}`))
}
