/**
 * Stand-ins for @tarojs/components and @tarojs/taro for the home, questionnaire and results pages
 * under jsdom: DOM elements with only DOM-safe props, an in-memory storage, a page stack for
 * getCurrentPages, and the one useDidShow of taro-mocks (runs on the first show, again on
 * `showAgain()`).
 *
 *   jest.mock('@tarojs/components', () => jest.requireActual('./questionnaire-mocks').components)
 *   jest.mock('@tarojs/taro', () => jest.requireActual('./questionnaire-mocks').taro)
 */
import React from 'react'
import { useDidShow } from './taro-mocks'

export type Props = Record<string, unknown> & { children?: React.ReactNode }

/** The props a DOM element keeps (the component mocks of other suites use these too). */
export function domProps(p: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(p)) {
    if (k === 'id' || k === 'className' || k === 'onClick' || k === 'style' || k === 'role' || k.startsWith('data-') || k.startsWith('aria-')) out[k] = v
  }
  return out
}

export function tag(name: string) {
  const C = (p: Props) => React.createElement(name, domProps(p), p.children)
  C.displayName = name
  return C
}

function Input(p: Props) {
  const onInput = p.onInput as ((e: { detail: { value: string } }) => void) | undefined
  const native = (p.nativeProps as Record<string, unknown> | undefined) ?? {}
  return (
    <input
      {...domProps(p)}
      aria-label={native['aria-label'] as string | undefined}
      value={(p.value as string | undefined) ?? ''}
      placeholder={p.placeholder as string | undefined}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  )
}

export const components = {
  View: tag('div'),
  Text: tag('span'),
  Button: (p: Props) => React.createElement('button', { ...domProps(p), 'data-open-type': p.openType, disabled: p.disabled }, p.children),
  Input,
}

// ---------------------------------------------------------------------------------------------

export const storage = new Map<string, unknown>()
export const router = { params: {} as Record<string, string | undefined> }
export const pages: { route: string }[] = []
export const hooks: { share?: (res: unknown) => unknown } = {}
export const modal = { confirm: true }

const resolved = () => jest.fn((_arg?: unknown) => Promise.resolve({}))

const api = {
  navigateTo: resolved(),
  redirectTo: resolved(),
  navigateBack: resolved(),
  pageScrollTo: resolved(),
  showToast: resolved(),
  setClipboardData: resolved(),
  showModal: jest.fn((_arg?: unknown) => Promise.resolve({ confirm: modal.confirm, cancel: !modal.confirm })),
  getCurrentPages: jest.fn(() => pages),
  getStorageSync: jest.fn((k: string) => (storage.has(k) ? JSON.parse(JSON.stringify(storage.get(k))) : '')),
  setStorageSync: jest.fn((k: string, v: unknown) => void storage.set(k, JSON.parse(JSON.stringify(v)))),
  removeStorageSync: jest.fn((k: string) => void storage.delete(k)),
}

export const taro = {
  __esModule: true,
  default: api,
  ...api,
  useRouter: () => router,
  useDidShow,
  useShareAppMessage: (cb: (res: unknown) => unknown) => void (hooks.share = cb),
}

export function resetTaro(): void {
  storage.clear()
  router.params = {}
  pages.length = 0
  modal.confirm = true
  delete hooks.share
  for (const f of Object.values(api)) f.mockClear()
}
