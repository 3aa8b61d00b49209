/**
 * Stand-ins for @tarojs/components and @tarojs/taro for the admin pages under jsdom: DOM elements
 * with only DOM-safe props (id, className, onClick, data-*, aria-*, disabled), inputs and a
 * textarea that answer `onInput` with `detail.value`, and the Taro APIs the admin pages call as
 * jest mocks — chooseMessageFile and the file system manager answer what a test puts in `files`.
 * getCurrentPages answers `pages` (two deep by default, so navigateBack has somewhere to go).
 * useDidShow is the one in taro-mocks (runs on the first show); `showAgain()` runs it again as
 * WeChat does when the page shows again.
 *
 *   jest.mock('@tarojs/components', () => jest.requireActual('./admin-mocks').components)
 *   jest.mock('@tarojs/taro', () => jest.requireActual('./admin-mocks').taro)
 */
import React from 'react'

import { domProps, tag, type Props } from './questionnaire-mocks'
import { showAgain, useDidShow } from './taro-mocks'

function field(name: 'input' | 'textarea') {
  const C = (p: Props) => {
    const onInput = p.onInput as ((e: { detail: { value: string } }) => void) | undefined
    return React.createElement(name, {
      ...domProps(p),
      ...(name === 'input' && p.password ? { type: 'password' } : {}),
      value: (p.value as string | undefined) ?? '',
      placeholder: p.placeholder as string | undefined,
      'data-maxlength': p.maxlength as number | undefined,
      onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    })
  }
  C.displayName = name
  return C
}

export const components = {
  View: tag('div'),
  Text: tag('span'),
  Button: (p: Props) => React.createElement('button', { ...domProps(p), disabled: p.disabled }, p.children),
  Input: field('input'),
  Textarea: field('textarea'),
}

// ---------------------------------------------------------------------------------------------

export const router = { params: {} as Record<string, string | undefined> }
export const modal = { confirm: true }
/** The page stack getCurrentPages answers: by default the admin hub below the page under test. */
export const pages: { route: string }[] = [{ route: 'pages/admin/index' }, { route: 'pages/admin/deadline/index' }]
/** What chooseMessageFile answers next: files, or a failure ({ errMsg }). */
export const files: { choose: { tempFiles: { name: string; path: string; size: number; time: number; type: string }[] } | { errMsg: string } ; contents: Map<string, string | Uint8Array> } = {
  choose: { errMsg: 'chooseMessageFile:fail cancel' },
  contents: new Map(),
}

const resolved = () => jest.fn((_arg?: unknown) => Promise.resolve({}))

const fs = {
  // As WeChat's readFile: with an encoding the file decoded (bad bytes → U+FFFD), without one its bytes (an ArrayBuffer).
  readFile: jest.fn((o: { filePath: string; encoding?: string; success?: (r: { data: string | ArrayBuffer }) => void; fail?: (e: { errMsg: string }) => void }) => {
    const content = files.contents.get(o.filePath)
    if (content === undefined) return o.fail?.({ errMsg: 'readFile:fail no such file or directory' })
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
    if (o.encoding) o.success?.({ data: bytes.toString(o.encoding as BufferEncoding) })
    else o.success?.({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer })
  }),
}

const api = {
  navigateTo: resolved(),
  navigateBack: resolved(),
  redirectTo: resolved(),
  showToast: resolved(),
  setClipboardData: resolved(),
  setNavigationBarTitle: resolved(),
  showModal: jest.fn((_arg?: unknown) => Promise.resolve({ confirm: modal.confirm, cancel: !modal.confirm })),
  chooseMessageFile: jest.fn((_arg?: unknown) => ('errMsg' in files.choose ? Promise.reject(files.choose) : Promise.resolve({ ...files.choose, errMsg: 'chooseMessageFile:ok' }))),
  getFileSystemManager: jest.fn(() => fs),
  getCurrentPages: jest.fn(() => pages),
}

export const taro = {
  __esModule: true,
  default: api,
  ...api,
  useRouter: () => router,
  useDidShow,
}

export { showAgain }

export function resetTaro(): void {
  router.params = {}
  modal.confirm = true
  pages.splice(0, pages.length, { route: 'pages/admin/index' }, { route: 'pages/admin/deadline/index' })
  files.choose = { errMsg: 'chooseMessageFile:fail cancel' }
  files.contents.clear()
  for (const f of Object.values(api)) f.mockClear()
  fs.readFile.mockClear()
}

export { api, fs }
