/**
 * 我的提醒 (list, states, cancel with confirmation, focus from a message link, the 管理 link for
 * admins only). The admin pages' tests are in admin-pages.test.tsx.
 */
import React from 'react'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { DeadlinesResponse, SubscriptionView } from '@cloud-api/api'
import { type Envelope, callCloud } from '@/services/cloud'

jest.mock('@tarojs/components', () => {
  const base = jest.requireActual('./taro-mocks').components
  const R = jest.requireActual('react') as typeof React
  const Textarea = ({ id, className, value, onInput }: { id?: string; className?: string; value?: string; onInput?: (e: { detail: { value: string } }) => void }) =>
    R.createElement('textarea', { id, className, value: value ?? '', onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }) })
  return { ...base, Textarea }
})
const showModal = jest.fn()
const navigateTo = jest.fn()
let params: Record<string, string> = {}
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { showModal: (...a: unknown[]) => showModal(...a), navigateTo: (...a: unknown[]) => navigateTo(...a) },
  useRouter: () => ({ params }),
  // The one useDidShow (runs on the first show); showing again is tested where the entry is (admin-pages).
  useDidShow: jest.requireActual('./taro-mocks').useDidShow,
}))
jest.mock('@/services/cloud', () => ({ callCloud: jest.fn(), getDevOpenid: jest.fn(() => 'dev-user-a') }))

import { forgetAdminMe } from '@/services/admin'
import RemindersPage from '@/pages/reminders/index'

const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>

/** The subscriptions function's answers, in order; `deadlines.me` answers `isAdmin`. */
let answers: Envelope<unknown>[] = []
let isAdmin = false
const subscriptionCalls = () => mockedCall.mock.calls.filter(([name]) => name === 'subscriptions')

function row(key: string, status: 'active' | 'cancelled', states: SubscriptionView['reminders'][number]['state'][], over: Partial<SubscriptionView> = {}): SubscriptionView {
  const [measureId, deadlineId] = key.split('.')
  return {
    key,
    measureId,
    measureLabel: '（一）',
    measureTitle: '支持企业创新平台建设',
    deadlineId: deadlineId === 'next' ? null : deadlineId,
    deadline: null,
    status,
    reminders: [
      { kind: 'week', label: '截止前 7 天', credits: states[0] === 'waiting' ? 1 : 0, state: states[0], ...(states[0] === 'sent' ? { sentAt: '2022-06-23T01:00:00.000Z' } : {}) },
      { kind: 'day', label: '截止前 1 天', credits: states[1] === 'waiting' ? 1 : 0, state: states[1] },
    ],
    createdAt: '',
    updatedAt: '',
    ...over,
  }
}

beforeEach(() => {
  mockedCall.mockReset()
  answers = []
  isAdmin = false
  forgetAdminMe()
  mockedCall.mockImplementation((async (name: string) => {
    if (name === 'deadlines') return { ok: true, data: { action: 'me', isAdmin, openid: 'oUser', canClaim: false } as DeadlinesResponse }
    const next = answers.shift()
    if (!next) throw new Error('unexpected call')
    return next
  }) as unknown as typeof callCloud)
  showModal.mockReset()
  navigateTo.mockReset()
  params = {}
})

describe('我的提醒', () => {
  it('lists my subscriptions with each reminder’s state, highlights the one a message opened, and cancels after confirmation', async () => {
    params = { measure: 'm01', deadline: 'dl-1' }
    const deadline = { id: 'dl-1', measureId: 'm01', measureLabel: '（一）', measureTitle: 't', batchTitle: '2022 年度认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: 'x', sourceUrl: 'https://a.cn', sample: true, status: 'open' as const, daysToClose: 7, updatedAt: '' }
    answers.push({
      ok: true,
      data: { action: 'list', nextCursor: null, subscriptions: [row('m01.dl-1', 'active', ['sent', 'waiting'], { deadline }), row('m05.next', 'active', ['waiting', 'unknown']), row('m07.next', 'cancelled', ['cancelled', 'none'])] },
    })
    const { container } = render(<RemindersPage />)
    await waitFor(() => expect(container.querySelectorAll('.reminder').length).toBe(3))
    expect(mockedCall).toHaveBeenCalledWith('subscriptions', { action: 'list' })
    const focused = container.querySelector('.reminder--focus')!
    expect(focused.getAttribute('data-key')).toBe('m01.dl-1')
    expect(focused.querySelector('.reminder__sample')?.textContent).toBe('示例，非官方日期')
    expect(focused.querySelector('.reminder__deadline')?.textContent).toBe('申报批次「2022 年度认定」：2022年6月30日截止（还有 7 天）')
    expect(focused.querySelector('[data-kind="week"]')?.textContent).toBe('截止前 7 天已提醒（6月23日）')
    const next = container.querySelector('[data-key="m05.next"]')!
    expect(next.querySelector('.reminder__deadline')?.textContent).toContain('暂未公布')
    expect(next.querySelector('[data-state="unknown"]')?.textContent).toContain('未重发以免重复')
    expect(container.querySelector('[data-key="m07.next"] .reminder__cancel')).toBeNull()

    // Declined confirmation: nothing happens.
    showModal.mockResolvedValueOnce({ confirm: false })
    await act(async () => {
      fireEvent.click(next.querySelector('.reminder__cancel')!)
    })
    expect(subscriptionCalls()).toHaveLength(1)

    showModal.mockResolvedValueOnce({ confirm: true })
    answers.push({ ok: true, data: { action: 'cancel', subscription: row('m05.next', 'cancelled', ['cancelled', 'unknown']) } })
    await act(async () => {
      fireEvent.click(next.querySelector('.reminder__cancel')!)
    })
    expect(mockedCall).toHaveBeenLastCalledWith('subscriptions', { action: 'cancel', measureId: 'm05' })
    await waitFor(() => expect(container.querySelector('[data-key="m05.next"] [data-kind="week"]')?.getAttribute('data-state')).toBe('cancelled'))
    expect(container.querySelector('.reminders__notice')?.textContent).toBe('已取消，不会再发送这条提醒。')
  })

  it('empty and error states', async () => {
    answers.push({ ok: true, data: { action: 'list', nextCursor: null, subscriptions: [] } })
    const empty = render(<RemindersPage />)
    await waitFor(() => expect(empty.container.querySelector('#reminders-empty')).not.toBeNull())
    empty.unmount()
    answers.push({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开后再试' } })
    const { container } = render(<RemindersPage />)
    await waitFor(() => expect(container.querySelector('#reminders-error')?.textContent).toContain('请在微信中打开后再试'))
  })
})

describe('我的提醒: the 管理 link', () => {
  it('is shown to admins only, and opens the admin pages', async () => {
    answers.push({ ok: true, data: { action: 'list', nextCursor: null, subscriptions: [] } })
    const plain = render(<RemindersPage />)
    await waitFor(() => expect(plain.container.querySelector('#reminders-empty')).not.toBeNull())
    await act(async () => undefined)
    expect(plain.container.querySelector('#reminders-admin')).toBeNull()
    expect(mockedCall).toHaveBeenCalledWith('deadlines', { action: 'me' })
    plain.unmount()

    forgetAdminMe()
    isAdmin = true
    answers.push({ ok: true, data: { action: 'list', nextCursor: null, subscriptions: [] } })
    const { container } = render(<RemindersPage />)
    await waitFor(() => expect(container.querySelector('#reminders-admin')).not.toBeNull())
    expect(container.querySelector('#reminders-admin')?.textContent).toBe('管理')
    fireEvent.click(container.querySelector('#reminders-admin')!)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/admin/index' })
  })
})
