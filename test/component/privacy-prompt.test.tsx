/**
 * The privacy prompt (issue 26, item 3): nothing until WeChat asks (onNeedPrivacyAuthorization);
 * then the prompt of the page on top; 同意 — WeChat's agreePrivacyAuthorization button — resolves
 * { event: 'agree', buttonId } with that button's id, 拒绝 resolves { event: 'disagree' }; a page
 * closed while asking, or no prompt mounted, declines (the call never hangs); the browser build has
 * no such event and shows nothing.
 */
import React from 'react'
import { act, fireEvent, render } from '@testing-library/react'

type Props = Record<string, unknown> & { children?: React.ReactNode }
// WeChat's <button open-type="agreePrivacyAuthorization">: a tap fires its agreeprivacyauthorization event.
jest.mock('@tarojs/components', () => {
  const base = jest.requireActual('./taro-mocks').components
  const Button = ({ children, openType, onAgreePrivacyAuthorization, onClick, ...rest }: Props) => (
    <button
      {...(rest as object)}
      data-open-type={openType as string | undefined}
      onClick={(e) => {
        ;(onClick as ((ev: unknown) => void) | undefined)?.(e)
        if (openType === 'agreePrivacyAuthorization') (onAgreePrivacyAuthorization as (() => void) | undefined)?.()
      }}
    >
      {children}
    </button>
  )
  return { ...base, Button }
})
let listener: ((resolve: (r: unknown) => void, info: unknown) => void) | undefined
const navigateTo = jest.fn()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    onNeedPrivacyAuthorization: (l: typeof listener) => void (listener = l),
    navigateTo: (...a: unknown[]) => navigateTo(...a),
  },
}))

import PrivacyPrompt from '@/components/privacy-prompt'
import { watchPrivacy } from '@/services/privacy'

const env = process.env.TARO_ENV
beforeAll(() => {
  process.env.TARO_ENV = 'weapp'
  watchPrivacy()
})
afterAll(() => {
  process.env.TARO_ENV = env
})

/** WeChat holding a privacy API: calls the app's listener; the answers it gets. */
function ask(): unknown[] {
  const answers: unknown[] = []
  act(() => listener!((r) => answers.push(r), { referrer: 'setClipboardData' }))
  return answers
}

it('listens to WeChat’s onNeedPrivacyAuthorization once launched', () => {
  expect(listener).toEqual(expect.any(Function))
})

it.each([
  { answer: '同意', button: '#privacy-agree', resolved: { event: 'agree', buttonId: 'privacy-agree' } },
  { answer: '拒绝', button: '#privacy-decline', resolved: { event: 'disagree' } },
])('shows when WeChat asks; $answer resolves $resolved.event and closes it', ({ button, resolved }) => {
  const { container, unmount } = render(<PrivacyPrompt />)
  expect(container.querySelector('#privacy-prompt')).toBeNull()
  const answers = ask()
  expect(container.querySelector('#privacy-prompt')).not.toBeNull()
  expect(container.querySelector('#privacy-agree')?.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
  expect(answers).toEqual([{ event: 'exposureAuthorization' }])
  fireEvent.click(container.querySelector(button)!)
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, resolved])
  expect(container.querySelector('#privacy-prompt')).toBeNull()
  unmount()
})

it('查看隐私说明 opens the 隐私说明 page, the question still open', () => {
  const { container, unmount } = render(<PrivacyPrompt />)
  const answers = ask()
  fireEvent.click(container.querySelector('#privacy-read')!)
  expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' })
  expect(answers).toEqual([{ event: 'exposureAuthorization' }])
  fireEvent.click(container.querySelector('#privacy-decline')!)
  unmount()
})

it('only the prompt of the page on top (mounted last) shows', () => {
  const below = render(<PrivacyPrompt />)
  const top = render(<PrivacyPrompt />)
  ask()
  expect(below.container.querySelector('#privacy-prompt')).toBeNull()
  expect(top.container.querySelector('#privacy-prompt')).not.toBeNull()
  fireEvent.click(top.container.querySelector('#privacy-decline')!)
  top.unmount()
  below.unmount()
})

it('its page closing while it asks declines the waiting call', () => {
  const { unmount } = render(<PrivacyPrompt />)
  const answers = ask()
  unmount()
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
})

it('with no prompt mounted the call is declined at once', () => {
  expect(ask()).toEqual([{ event: 'disagree' }])
})

it('renders nothing in the browser build', () => {
  process.env.TARO_ENV = 'h5'
  try {
    const { container, unmount } = render(<PrivacyPrompt />)
    ask()
    expect(container.querySelector('#privacy-prompt')).toBeNull()
    unmount()
  } finally {
    process.env.TARO_ENV = 'weapp'
  }
})

// The results page sends the answers to the cloud's calculate once to confirm the figures
// (src/pages/results/confirm.ts); the 隐私说明 says so. The prompt may not say less.
it.each([
  ['says the answers are kept on the phone', '问卷答案只保存在本机', true],
  ['says the cloud gets them once to check the figures and keeps nothing', '核对结果时发给云端计算一次，算完即丢弃', true],
  ['does not say the answers never leave the phone', '不会上传', false],
])('of the questionnaire answers, %s', (_what, words, present) => {
  const { container, unmount } = render(<PrivacyPrompt />)
  ask()
  expect(container.querySelector('#privacy-prompt')!.textContent!.includes(words)).toBe(present)
  fireEvent.click(container.querySelector('#privacy-decline')!)
  unmount()
})
