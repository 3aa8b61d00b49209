/**
 * The subscribe button: batched status, nothing misleading without a deadline, WeChat's
 * requestSubscribeMessage on tap (weapp) or the simulated sheet (H5), the results sent to the
 * cloud, and the outcome explained — accepted, refused, banned, WeChat failing, the cloud failing.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { Deadline, Envelope, MeasureReminderStatus, SubscriptionsResponse, SubscriptionView } from '@cloud-api/api'
import { REMINDER_TEMPLATES } from '@cloud-api/templates'

jest.mock('@tarojs/components', () => jest.requireActual('./taro-mocks').components)
const requestSubscribeMessage = jest.fn()
const navigateTo = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (...a: unknown[]) => requestSubscribeMessage(...a), navigateTo: (...a: unknown[]) => navigateTo(...a) }, useDidShow: jest.requireActual('./taro-mocks').useDidShow }))
jest.mock('@/services/cloud', () => ({ callCloud: jest.fn() }))

import { callCloud } from '@/services/cloud'
import SubscribeButton from '@/components/subscribe-button'
import { invalidateStatus } from '@/components/subscribe-button/status'

const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>
const WEEK = REMINDER_TEMPLATES.week.id
const DAY = REMINDER_TEMPLATES.day.id

const DEADLINE: Deadline = {
  id: 'dl-m01-1',
  measureId: 'm01',
  measureLabel: '（一）',
  measureTitle: '支持企业创新平台建设',
  batchTitle: '2022 年度自治区级企业技术中心认定',
  opensOn: '2022-06-01',
  closesOn: '2022-06-30',
  issuer: '自治区工业和信息化厅',
  sourceUrl: 'https://gxt.nmg.gov.cn/n',
  sample: false,
  status: 'open',
  daysToClose: 7,
  updatedAt: '2022-06-01T00:00:00Z',
}

function view(states: ('waiting' | 'none')[], deadline: Deadline | null = DEADLINE): SubscriptionView {
  return {
    key: `m01.${deadline ? deadline.id : 'next'}`,
    measureId: 'm01',
    measureLabel: '（一）',
    measureTitle: '支持企业创新平台建设',
    deadlineId: deadline?.id ?? null,
    deadline,
    status: 'active',
    reminders: [
      { kind: 'week', label: '截止前 7 天', credits: states[0] === 'waiting' ? 1 : 0, state: states[0] },
      { kind: 'day', label: '截止前 1 天', credits: states[1] === 'waiting' ? 1 : 0, state: states[1] },
    ],
    createdAt: '',
    updatedAt: '',
  }
}

function statusAnswer(measures: MeasureReminderStatus[]): Envelope<SubscriptionsResponse> {
  return { ok: true, data: { action: 'status', today: '2022-06-23', measures } }
}

const saved = process.env.TARO_ENV
beforeEach(() => {
  mockedCall.mockReset()
  requestSubscribeMessage.mockReset()
  navigateTo.mockReset()
  invalidateStatus()
  delete process.env.TARO_ENV
})
afterAll(() => {
  process.env.TARO_ENV = saved
})

test('buttons mounting together share one status call', async () => {
  mockedCall.mockResolvedValueOnce(statusAnswer([
    { measureId: 'm01', deadline: DEADLINE, subscription: null },
    { measureId: 'm02', deadline: null, subscription: null },
  ]))
  const { container } = render(
    <>
      <SubscribeButton measureId='m01' />
      <SubscribeButton measureId='m02' />
      <SubscribeButton measureId='m01' />
    </>,
  )
  await waitFor(() => expect(container.querySelectorAll('.subscribe-button__tap').length).toBe(3))
  expect(mockedCall).toHaveBeenCalledTimes(1)
  expect(mockedCall).toHaveBeenCalledWith('subscriptions', { action: 'status', measureIds: ['m01', 'm02'] })
  const m01 = container.querySelectorAll('[data-measure="m01"]')[0]
  expect(m01.querySelector('.subscribe-button__date')?.textContent).toBe('申报截止：2022年6月30日（还有 7 天）')
  expect(m01.querySelector('.subscribe-button__tap')?.textContent).toBe('截止前提醒我')
})

test('without a known deadline: says so, shows no date, and offers to remind once one is published', async () => {
  mockedCall.mockResolvedValueOnce(statusAnswer([{ measureId: 'm02', deadline: null, subscription: null }]))
  const { container } = render(<SubscribeButton measureId='m02' />)
  await waitFor(() => expect(container.querySelector('.subscribe-button__none')).not.toBeNull())
  expect(container.querySelector('.subscribe-button__none')?.textContent).toContain('暂未公布申报截止时间')
  expect(container.querySelector('.subscribe-button__date')).toBeNull()
  expect(container.textContent).not.toMatch(/\d{4}年\d+月\d+日/)
  expect(container.querySelector('.subscribe-button__tap')?.textContent).toBe('公布截止时间后提醒我')
})

test('a sample deadline is labelled 示例', async () => {
  mockedCall.mockResolvedValueOnce(statusAnswer([{ measureId: 'm01', deadline: { ...DEADLINE, sample: true }, subscription: null }]))
  const { container } = render(<SubscribeButton measureId='m01' />)
  await waitFor(() => expect(container.querySelector('.subscribe-button__sample')?.textContent).toBe('示例，非官方日期'))
})

test('weapp: the tap calls requestSubscribeMessage at once with both templates, then sends the results and explains them', async () => {
  process.env.TARO_ENV = 'weapp'
  mockedCall.mockResolvedValueOnce(statusAnswer([{ measureId: 'm01', deadline: DEADLINE, subscription: null }]))
  const { container } = render(<SubscribeButton measureId='m01' measureTitle='支持企业创新平台建设' />)
  await waitFor(() => expect(container.querySelector('.subscribe-button__tap')).not.toBeNull())
  requestSubscribeMessage.mockImplementation((o: { success: (r: unknown) => void }) => {
    o.success({ errMsg: 'requestSubscribeMessage:ok', [WEEK]: 'accept', [DAY]: 'reject', other: 'accept' })
    return Promise.resolve()
  })
  mockedCall.mockResolvedValueOnce({
    ok: true,
    data: { action: 'subscribe', subscription: view(['waiting', 'none']), accepted: ['week'], refused: ['day'], banned: [], filtered: [], message: '已订阅：……你没有允许截止前 1 天的提醒，这条不会发送。' },
  })
  await act(async () => {
    fireEvent.click(container.querySelector('.subscribe-button__tap')!)
  })
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)
  expect(requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual([WEEK, DAY])
  expect(mockedCall).toHaveBeenLastCalledWith('subscriptions', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-m01-1', results: { [WEEK]: 'accept', [DAY]: 'reject' } })
  await waitFor(() => expect(container.querySelector('.subscribe-button__notice--ok')?.textContent).toContain('这条不会发送'))
  expect(container.querySelector('.subscribe-button__subscribed')?.textContent).toBe('已订阅：截止前 7 天提醒')
  // One kind still missing: the button stays, to accept the other one later.
  expect(container.querySelector('.subscribe-button__tap')).not.toBeNull()
  fireEvent.click(container.querySelector('.subscribe-button__link')!)
  // 我的提醒 opened at this batch's row.
  expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/reminders/index?measure=m01&deadline=dl-m01-1' })
})

test('weapp: WeChat failing (main switch off, 20004) is explained and nothing is sent to the cloud', async () => {
  process.env.TARO_ENV = 'weapp'
  mockedCall.mockResolvedValueOnce(statusAnswer([{ measureId: 'm01', deadline: DEADLINE, subscription: null }]))
  const { container } = render(<SubscribeButton measureId='m01' />)
  await waitFor(() => expect(container.querySelector('.subscribe-button__tap')).not.toBeNull())
  requestSubscribeMessage.mockImplementation((o: { fail: (e: unknown) => void }) => {
    o.fail({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
    return Promise.reject(new Error('fail'))
  })
  await act(async () => {
    fireEvent.click(container.querySelector('.subscribe-button__tap')!)
  })
  await waitFor(() => expect(container.querySelector('.subscribe-button__notice--warn')?.textContent).toContain('订阅消息总开关'))
  expect(mockedCall).toHaveBeenCalledTimes(1)
})

test('H5: the simulated sheet — refuse, ban, and the cloud failing — each explained', async () => {
  process.env.TARO_ENV = 'h5'
  mockedCall.mockResolvedValueOnce(statusAnswer([{ measureId: 'm01', deadline: null, subscription: null }]))
  const { container } = render(<SubscribeButton measureId='m01' />)
  await waitFor(() => expect(container.querySelector('.subscribe-button__tap')).not.toBeNull())

  fireEvent.click(container.querySelector('.subscribe-button__tap')!)
  expect(container.querySelector('#subscribe-sheet')).not.toBeNull()
  expect(requestSubscribeMessage).not.toHaveBeenCalled()
  mockedCall.mockResolvedValueOnce({ ok: true, data: { action: 'subscribe', subscription: null, accepted: [], refused: ['week', 'day'], banned: [], filtered: [], message: '你拒绝了提醒，我们不会给你发送消息。' } })
  await act(async () => {
    fireEvent.click(container.querySelector('#subscribe-sheet-reject')!)
  })
  expect(mockedCall).toHaveBeenLastCalledWith('subscriptions', { action: 'subscribe', measureId: 'm01', results: { [WEEK]: 'reject', [DAY]: 'reject' } })
  await waitFor(() => expect(container.querySelector('.subscribe-button__notice--warn')?.textContent).toContain('你拒绝了提醒'))
  expect(container.querySelector('#subscribe-sheet')).toBeNull()

  fireEvent.click(container.querySelector('.subscribe-button__tap')!)
  mockedCall.mockResolvedValueOnce({ ok: true, data: { action: 'subscribe', subscription: null, accepted: [], refused: [], banned: ['week', 'day'], filtered: [], message: '截止前 7 天、截止前 1 天的提醒模板已被微信停用，暂时无法订阅。' } })
  await act(async () => {
    fireEvent.click(container.querySelector('#subscribe-sheet-ban')!)
  })
  await waitFor(() => expect(container.querySelector('.subscribe-button__notice--warn')?.textContent).toContain('已被微信停用'))

  // Only one template picked, and the cloud unreachable: the failure is said plainly.
  fireEvent.click(container.querySelector('.subscribe-button__tap')!)
  fireEvent.click(container.querySelector('[data-kind="day"]')!)
  mockedCall.mockResolvedValueOnce({ ok: false, error: { code: 'NETWORK', message: '网络不可用，请稍后再试' } })
  await act(async () => {
    fireEvent.click(container.querySelector('#subscribe-sheet-allow')!)
  })
  expect(mockedCall).toHaveBeenLastCalledWith('subscriptions', { action: 'subscribe', measureId: 'm01', results: { [WEEK]: 'accept', [DAY]: 'reject' } })
  await waitFor(() => expect(container.querySelector('.subscribe-button__notice--error')?.textContent).toBe('订阅结果未能保存：网络不可用，请稍后再试'))
})

test('already subscribed to both: no button, the state instead; a status error offers a retry', async () => {
  mockedCall.mockResolvedValueOnce(statusAnswer([{ measureId: 'm01', deadline: DEADLINE, subscription: view(['waiting', 'waiting']) }]))
  const first = render(<SubscribeButton measureId='m01' />)
  await waitFor(() => expect(first.container.querySelector('.subscribe-button__subscribed')).not.toBeNull())
  expect(first.container.querySelector('.subscribe-button__tap')).toBeNull()
  first.unmount()

  invalidateStatus()
  mockedCall.mockResolvedValueOnce({ ok: false, error: { code: 'NETWORK', message: '网络不可用，请稍后再试' } })
  const { container } = render(<SubscribeButton measureId='m03' />)
  await waitFor(() => expect(container.querySelector('.subscribe-button--error')?.textContent).toContain('网络不可用'))
  mockedCall.mockResolvedValueOnce(statusAnswer([{ measureId: 'm03', deadline: null, subscription: null }]))
  fireEvent.click(container.querySelector('.subscribe-button__link')!)
  await waitFor(() => expect(container.querySelector('.subscribe-button__none')).not.toBeNull())
})
