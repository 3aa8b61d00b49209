/**
 * The list's status on the device: useListStatus() starts from the stored copy (or 状态未核实),
 * asks the cloud, stores what it gets with the fetch time, and keeps the stored copy — marked with
 * that time — when the cloud fails; damaged storage is ignored. The line component shows it, with
 * the notice and a button that copies the link that was checked.
 */
import { act, fireEvent, render } from '@testing-library/react'

jest.mock('@tarojs/components', () => jest.requireActual('./questionnaire-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./questionnaire-mocks').taro)
jest.mock('@/services/cloud', () => ({ callCloud: jest.fn() }))

import Taro from '@tarojs/taro'
import ListStatusLine from '@/components/list-status-line'
import { callCloud } from '@/services/cloud'
import {
  LIST_STATUS_KEY,
  fetchListStatus,
  resetListStatusSession,
  toStored,
  useListStatus,
  type ListStatusView,
} from '@/services/list-status'
import { LIST_NOTICE, LIST_SOURCE, LIST_STATUS_CALL, listStatusAnswer, listStatusOf } from './list-status-mocks'
import { resetTaro, storage } from './questionnaire-mocks'

const mockedCall = callCloud as jest.Mock
const OFFLINE = { ok: false, error: { code: 'NETWORK', message: '网络不可用，请稍后再试' } }

/** Fetched by this device at 10:32 Beijing time on 1 June of this year (so no year is shown). */
const FETCHED_AT = `${new Date().getUTCFullYear()}-06-01T02:32:00.000Z`
const FETCHED_TEXT = '本机 6月1日 10:32 获取'

let seen: ListStatusView[] = []
function Probe({ id = 'probe' }: { id?: string }) {
  const view = useListStatus()
  seen.push(view)
  return <ListStatusLine id={id} view={view} />
}

async function show(id = 'probe') {
  const r = render(<Probe id={id} />)
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
  return {
    ...r,
    line: () => r.container.querySelector(`#${id}-text`)?.textContent,
    el: () => r.container.querySelector(`#${id}`)!,
  }
}

beforeEach(() => {
  resetTaro()
  resetListStatusSession()
  seen = []
  mockedCall.mockReset()
  mockedCall.mockResolvedValue(OFFLINE)
})

test('nothing stored and the cloud unreachable: 状态未核实, never 在执行, and says it could not find out', async () => {
  const p = await show()
  expect(mockedCall).toHaveBeenCalledWith(...LIST_STATUS_CALL)
  expect(seen[0]).toMatchObject({ fetchedAt: null, fresh: false, checking: true })
  expect(seen[0].status.state).toBe('unverified')
  expect(p.line()).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）')
  expect(p.el().getAttribute('data-state')).toBe('unverified')
  expect(p.el().getAttribute('data-fresh')).toBe('false')
  expect(p.container.textContent).not.toContain('在执行')
  expect(p.container.querySelector('#probe-copy')).toBeNull()
  expect(storage.has(LIST_STATUS_KEY)).toBe(false)
})

test('the server’s default (nobody has checked): 状态未核实（尚未核对）, stored with its fetch time', async () => {
  mockedCall.mockImplementation(() => listStatusAnswer('unverified'))
  const before = Date.now()
  const p = await show()
  expect(p.line()).toBe('依据 2022 年清单 · 状态未核实（尚未核对）')
  expect(p.el().getAttribute('data-fresh')).toBe('true')
  const stored = storage.get(LIST_STATUS_KEY) as { v: number; fetchedAt: string; status: { state: string } }
  expect(stored.v).toBe(1)
  expect(stored.status.state).toBe('unverified')
  expect(Date.parse(stored.fetchedAt)).toBeGreaterThanOrEqual(before - 1000)
})

test('in force, fetched now: the check date, no device time; the link can be copied', async () => {
  mockedCall.mockImplementation(() => listStatusAnswer('inForce'))
  const p = await show()
  expect(p.line()).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）')
  expect(p.el().getAttribute('data-state')).toBe('inForce')
  expect(seen[seen.length - 1]).toMatchObject({ fresh: true, checking: false })
  await act(async () => {
    fireEvent.click(p.container.querySelector('#probe-copy')!)
  })
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: LIST_SOURCE })
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已复制依据链接', icon: 'none' })
})

test('superseded: the notice is on the line', async () => {
  mockedCall.mockImplementation(() => listStatusAnswer('superseded'))
  const p = await show()
  expect(p.line()).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20）：${LIST_NOTICE}`)
  expect(p.el().getAttribute('data-state')).toBe('superseded')
})

test('offline: the stored copy is shown at once and kept, marked with when this device fetched it', async () => {
  storage.set(LIST_STATUS_KEY, toStored({ status: listStatusOf('repealed'), fetchedAt: FETCHED_AT }))
  const p = await show()
  expect(seen[0]).toMatchObject({ fetchedAt: FETCHED_AT, fresh: false, checking: true })
  expect(seen[0].status.state).toBe('repealed')
  expect(p.line()).toBe(`依据 2022 年清单 · 已废止（最后核对 2026-11-20，${FETCHED_TEXT}）：${LIST_NOTICE}`)
  expect(p.el().getAttribute('data-fresh')).toBe('false')
  // The copy is kept as it was.
  expect(storage.get(LIST_STATUS_KEY)).toEqual(toStored({ status: listStatusOf('repealed'), fetchedAt: FETCHED_AT }))
})

test('a newer status from the cloud replaces the stored copy', async () => {
  storage.set(LIST_STATUS_KEY, toStored({ status: listStatusOf('inForce'), fetchedAt: FETCHED_AT }))
  mockedCall.mockImplementation(() => listStatusAnswer('superseded'))
  const p = await show()
  expect(p.line()).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20）：${LIST_NOTICE}`)
  const stored = storage.get(LIST_STATUS_KEY) as { fetchedAt: string; status: { state: string } }
  expect(stored.status.state).toBe('superseded')
  expect(stored.fetchedAt).not.toBe(FETCHED_AT)
})

test('a malformed or failed answer counts as a failure: the stored copy stays, not fresh', async () => {
  storage.set(LIST_STATUS_KEY, toStored({ status: listStatusOf('inForce'), fetchedAt: FETCHED_AT }))
  for (const answer of [
    { ok: true, data: { action: 'list', deadlines: [] } },
    { ok: true, data: { action: 'get', status: { ...listStatusOf('inForce'), checkedOn: null } } },
    { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } },
  ]) {
    resetListStatusSession()
    mockedCall.mockResolvedValue(answer)
    const p = await show()
    expect(p.line()).toBe(`依据 2022 年清单 · 在执行（最后核对 2026-11-20，${FETCHED_TEXT}）`)
    p.unmount()
  }
  // A callCloud stand-in that throws is survived too.
  mockedCall.mockRejectedValue(new Error('boom'))
  await expect(fetchListStatus()).resolves.toMatchObject({ fetchedAt: FETCHED_AT, fresh: false })
})

test.each([
  ['text that is not JSON', 'garbage'],
  ['an old format (no version)', { status: listStatusOf('inForce'), fetchedAt: FETCHED_AT }],
  ['in force without a check date', { v: 1, status: { ...listStatusOf('inForce'), checkedOn: null }, fetchedAt: FETCHED_AT }],
  ['an unknown state', { v: 1, status: { ...listStatusOf('inForce'), state: 'active' }, fetchedAt: FETCHED_AT }],
  ['a fetch time that is not a time', { v: 1, status: listStatusOf('inForce'), fetchedAt: 'yesterday' }],
  ['a number', 42],
])('damaged storage (%s) is ignored: 状态未核实, no crash', async (_what, raw) => {
  storage.set(LIST_STATUS_KEY, raw)
  const p = await show()
  expect(p.line()).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）')
  expect(p.container.textContent).not.toContain('在执行')
})

test('storage that throws is survived (read and write)', async () => {
  ;(Taro.getStorageSync as jest.Mock).mockImplementationOnce(() => {
    throw new Error('storage unavailable')
  })
  ;(Taro.setStorageSync as jest.Mock).mockImplementationOnce(() => {
    throw new Error('quota')
  })
  mockedCall.mockImplementation(() => listStatusAnswer('inForce'))
  const p = await show()
  expect(p.line()).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）')
})

test('pages opened later in the same run start from the fetched status; pages mounted together share one request', async () => {
  mockedCall.mockImplementation(() => listStatusAnswer('inForce'))
  const r = render(
    <>
      <Probe id='a' />
      <Probe id='b' />
    </>,
  )
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
  expect(mockedCall).toHaveBeenCalledTimes(1)
  expect(r.container.querySelector('#b-text')?.textContent).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）')
  seen = []
  mockedCall.mockResolvedValue(OFFLINE)
  const later = await show('c')
  expect(seen[0]).toMatchObject({ fresh: true, checking: true })
  // The cloud then fails: the copy stays, now with its fetch time.
  expect(later.el().getAttribute('data-fresh')).toBe('false')
  expect(later.line()).toMatch(/^依据 2022 年清单 · 在执行（最后核对 2026-11-20，本机 \d+月\d+日 \d\d:\d\d 获取）$/)
})

test('copying the link can fail: says so', async () => {
  mockedCall.mockImplementation(() => listStatusAnswer('superseded'))
  ;(Taro.setClipboardData as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('denied')))
  const p = await show()
  await act(async () => {
    fireEvent.click(p.container.querySelector('#probe-copy')!)
  })
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '复制失败', icon: 'none' })
})
