/**
 * Stand-ins for @tarojs/components and @tarojs/taro for the policy pages under jsdom: plain DOM
 * elements (only DOM-safe props passed on), an in-memory storage, and share hooks that record the
 * page's callbacks so tests can call them as WeChat would; useDidShow is the one in taro-mocks
 * (runs on the first show, again on `showAgain()`).
 *
 *   jest.mock('@tarojs/components', () => jest.requireActual('./policy-mocks').components)
 *   jest.mock('@tarojs/taro', () => jest.requireActual('./policy-mocks').taro)
 */
import React from 'react'
import { showAgain, useDidShow } from './taro-mocks'

type Props = Record<string, unknown> & { children?: React.ReactNode }

/** Keeps id, className, onClick, data-* and aria-*; maps ariaLabel/ariaRole to aria-label/role. */
function domProps(p: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(p)) {
    if (k === 'children') continue
    if (k === 'id' || k === 'className' || k === 'onClick' || k.startsWith('data-') || k.startsWith('aria-')) out[k] = v
    if (k === 'ariaLabel') out['aria-label'] = v
    if (k === 'ariaRole') out.role = v
  }
  return out
}

function tag(name: string) {
  const C = (p: Props) => React.createElement(name, domProps(p), p.children)
  C.displayName = name
  return C
}

function Input(p: Props) {
  const onInput = p.onInput as ((e: { detail: { value: string } }) => void) | undefined
  return (
    <input
      {...domProps(p)}
      value={(p.value as string | undefined) ?? ''}
      placeholder={p.placeholder as string | undefined}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  )
}

function Image(p: Props) {
  return <img {...domProps(p)} src={p.src as string} alt={(p.ariaLabel as string) ?? ''} />
}

export const components = {
  View: tag('div'),
  Text: tag('span'),
  Button: (p: Props) => React.createElement('button', { ...domProps(p), 'data-open-type': p.openType }, p.children),
  Input,
  Image,
  Canvas: tag('canvas'),
}

// ---------------------------------------------------------------------------------------------

export const storage = new Map<string, unknown>()
export const hooks: { share?: () => unknown; timeline?: () => unknown; ready?: () => void } = {}
export const router = { params: {} as Record<string, string | undefined> }

const resolved = () => jest.fn(() => Promise.resolve({}))

const api = {
  navigateTo: resolved(),
  setNavigationBarTitle: resolved(),
  showToast: resolved(),
  setClipboardData: resolved(),
  showModal: jest.fn(() => Promise.resolve({ confirm: false })),
  getStorageSync: jest.fn((k: string) => storage.get(k) ?? ''),
  setStorageSync: jest.fn((k: string, v: unknown) => void storage.set(k, v)),
}

export const taro = {
  __esModule: true,
  default: api,
  ...api,
  useRouter: () => router,
  useShareAppMessage: (cb: () => unknown) => void (hooks.share = cb),
  useShareTimeline: (cb: () => unknown) => void (hooks.timeline = cb),
  useDidShow,
  // WeChat's onReady; the page only draws its chat card there in WeChat (H5 never shares through it).
  useReady: (cb: () => void) => void (hooks.ready = cb),
}

export { showAgain }

export function resetTaro(): void {
  storage.clear()
  router.params = {}
  delete hooks.share
  delete hooks.timeline
  delete hooks.ready
  for (const f of Object.values(api)) f.mockClear()
}
