/**
 * 我的提醒 (list, states, cancel with confirmation, focus from a message link) and the admin page
 * (non-admins see why they cannot; admins get the field messages the cloud answers).
 */
import React from 'react'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { SubscriptionView } from '@cloud-api/api'

jest.mock('@tarojs/components', () => {
  const base = jest.requireActual('./taro-mocks').components
  const R = jest.requireActual('react') as typeof React
  const Textarea = ({ id, className, value, onInput }: { id?: string; className?: string; value?: string; onInput?: (e: { detail: { value: string } }) => void }) =>
    R.createElement('textarea', { id, className, value: value ?? '', onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }) })
  return { ...base, Textarea }
})
const showModal = jest.fn()
let params: Record<string, string> = {}
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showModal: (...a: unknown[]) => showModal(...a) }, useRouter: () => ({ params }) }))
jest.mock('@/services/cloud', () => ({ callCloud: jest.fn(), getDevOpenid: jest.fn(() => 'dev-user-a') }))

import { callCloud } from '@/services/cloud'
import RemindersPage from '@/pages/reminders/index'
import AdminPage from '@/pages/admin/index'

const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>

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
  showModal.mockReset()
  params = {}
})

describe('我的提醒', () => {
  it('lists my subscriptions with each reminder’s state, highlights the one a message opened, and cancels after confirmation', async () => {
    params = { measure: 'm01', deadline: 'dl-1' }
    const deadline = { id: 'dl-1', measureId: 'm01', measureLabel: '（一）', measureTitle: 't', batchTitle: '2022 年度认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: 'x', sourceUrl: 'https://a.cn', sample: true, status: 'open' as const, daysToClose: 7, updatedAt: '' }
    mockedCall.mockResolvedValueOnce({
      ok: true,
      data: { action: 'list', nextCursor: null, subscriptions: [row('m01.dl-1', 'active', ['sent', 'waiting'], { deadline }), row('m05.next', 'active', ['waiting', 'unknown']), row('m07.next', 'cancelled', ['cancelled', 'none'])] },
    })
    const { container } = render(<RemindersPage />)
    await waitFor(() => expect(container.querySelectorAll('.reminder').length).toBe(3))
    expect(mockedCall).toHaveBeenCalledWith('subscriptions', { action: 'list' })
    const focused = container.querySelector('.reminder--focus')!
    expect(focused.getAttribute('data-key')).toBe('m01.dl-1')
    expect(focused.querySelector('.reminder__sample')?.textContent).toBe('示例，非官方日期')
    expect(focused.querySelector('.reminder__deadline')?.textContent).toBe('2022 年度认定：2022年6月30日截止（还有 7 天截止）')
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
    expect(mockedCall).toHaveBeenCalledTimes(1)

    showModal.mockResolvedValueOnce({ confirm: true })
    mockedCall.mockResolvedValueOnce({ ok: true, data: { action: 'cancel', subscription: row('m05.next', 'cancelled', ['cancelled', 'unknown']) } })
    await act(async () => {
      fireEvent.click(next.querySelector('.reminder__cancel')!)
    })
    expect(mockedCall).toHaveBeenLastCalledWith('subscriptions', { action: 'cancel', measureId: 'm05' })
    await waitFor(() => expect(container.querySelector('[data-key="m05.next"] [data-kind="week"]')?.getAttribute('data-state')).toBe('cancelled'))
    expect(container.querySelector('.reminders__notice')?.textContent).toBe('已取消，不会再发送这条提醒。')
  })

  it('empty and error states', async () => {
    mockedCall.mockResolvedValueOnce({ ok: true, data: { action: 'list', nextCursor: null, subscriptions: [] } })
    const empty = render(<RemindersPage />)
    await waitFor(() => expect(empty.container.querySelector('#reminders-empty')).not.toBeNull())
    empty.unmount()
    mockedCall.mockResolvedValueOnce({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开后再试' } })
    const { container } = render(<RemindersPage />)
    await waitFor(() => expect(container.querySelector('#reminders-error')?.textContent).toContain('请在微信中打开后再试'))
  })
})

describe('申报截止时间管理', () => {
  it('a non-admin sees why, and no form', async () => {
    mockedCall.mockResolvedValueOnce({ ok: true, data: { action: 'me', isAdmin: false, openid: 'dev-user-a' } })
    const { container } = render(<AdminPage />)
    await waitFor(() => expect(container.querySelector('#admin-denied')).not.toBeNull())
    expect(container.querySelector('#admin-denied')?.textContent).toContain('dev-user-a 不是管理员')
    expect(container.querySelector('#admin-save')).toBeNull()
    expect(mockedCall).toHaveBeenCalledTimes(1)
  })

  it('an admin adds a deadline; the cloud’s field messages are shown; import reports its counts', async () => {
    mockedCall.mockImplementation(async (_name, request) => {
      const r = request as { action: string; dryRun?: boolean }
      if (r.action === 'me') return { ok: true, data: { action: 'me', isAdmin: true, openid: 'dev-admin' } }
      if (r.action === 'list') return { ok: true, data: { action: 'list', today: '2022-06-23', deadlines: [], nextCursor: null } }
      if (r.action === 'audit') return { ok: true, data: { action: 'audit', entries: [], nextCursor: null } }
      if (r.action === 'create') {
        return { ok: false, error: { code: 'INVALID_INPUT', message: '「截止日期」“2022-02-30”不是有效日期', fields: [{ field: 'deadline.closesOn', message: '「截止日期」“2022-02-30”不是有效日期' }, { field: 'deadline.sourceUrl', message: '「来源链接」应为 http:// 或 https:// 开头的网址' }] } }
      }
      if (r.action === 'import') return { ok: true, data: { action: 'import', dryRun: !!r.dryRun, created: 2, updated: 1, unchanged: 0, deadlines: [] } }
      throw new Error(`unexpected ${r.action}`)
    })
    const { container } = render(<AdminPage />)
    await waitFor(() => expect(container.querySelector('#admin-save')).not.toBeNull())
    fireEvent.change(container.querySelector('#admin-measureId')!, { target: { value: 'm01' } })
    fireEvent.change(container.querySelector('#admin-closesOn')!, { target: { value: '2022-02-30' } })
    await act(async () => {
      fireEvent.click(container.querySelector('#admin-save')!)
    })
    expect(mockedCall).toHaveBeenCalledWith('deadlines', { action: 'create', deadline: { measureId: 'm01', batchTitle: '', opensOn: '', closesOn: '2022-02-30', issuer: '', sourceUrl: '' } })
    await waitFor(() => expect(container.querySelector('.admin__messages--error')?.textContent).toContain('「来源链接」应为'))

    fireEvent.change(container.querySelector('#admin-import-text')!, { target: { value: 'measureId,…' } })
    await act(async () => {
      fireEvent.click(container.querySelector('#admin-import')!)
    })
    expect(mockedCall).toHaveBeenCalledWith('deadlines', { action: 'import', format: 'csv', text: 'measureId,…', dryRun: false })
    await waitFor(() => expect(container.querySelector('.admin__messages--ok')?.textContent).toBe('已导入：新增 2 条，更新 1 条，未变 0 条。'))
  })
})
