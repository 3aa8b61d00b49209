/**
 * Home: one sentence, the start buttons (enterprise / park), resume and 重新开始 when answers are
 * saved, the policy browser, upcoming deadlines when the cloud has any, the list's status line and
 * the disclaimer (which says when the list's status is not 在执行).
 */
import { act, fireEvent, render } from '@testing-library/react'

jest.mock('@tarojs/components', () => jest.requireActual('./questionnaire-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./questionnaire-mocks').taro)
jest.mock('@/services/cloud', () => ({ callCloud: jest.fn() }))

import Taro from '@tarojs/taro'
import { catalog2022 } from '@policy/engine'
import type { Deadline } from '@cloud-api/api'
import { callCloud } from '@/services/cloud'
import { emptyDraft } from '@/state/draft-core'
import { LIST_STATUS_KEY, resetListStatusSession, toStored } from '@/services/list-status'
import { DRAFT_KEY } from '@/state/storage'
import IndexPage, { POLICY_LIST_NAME } from '@/pages/index/index'
import { LIST_NOTICE, LIST_SOURCE, LIST_STATUS_CALL, listStatusAnswer, listStatusOf } from './list-status-mocks'
import { modal, resetTaro, storage } from './questionnaire-mocks'

const mockedCall = callCloud as jest.Mock

function deadline(id: string, measureId: string, daysToClose: number): Deadline {
  return {
    id,
    measureId,
    measureLabel: '（八）',
    measureTitle: '引导企业增加技术改造投入',
    batchTitle: '2022 年技术改造项目申报',
    opensOn: '2022-05-01',
    closesOn: '2022-06-30',
    issuer: '自治区工业和信息化厅',
    sourceUrl: 'https://example.org/notice',
    sample: true,
    status: 'open',
    daysToClose,
    updatedAt: '2022-05-01T00:00:00Z',
  }
}

beforeEach(() => {
  resetTaro()
  resetListStatusSession()
  mockedCall.mockReset()
  mockedCall.mockResolvedValue({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
})

test('what it does, the disclaimer naming the 2022 list, and the start buttons', async () => {
  const { container } = render(<IndexPage />)
  await act(async () => {})
  const text = container.textContent ?? ''
  expect(text).toContain('一分钟算清你能申请的内蒙古制造业政策资金')
  expect(POLICY_LIST_NAME).toBe(catalog2022.title)
  expect(text).toContain(`《${catalog2022.title}》`)
  expect(text).toContain('估算')
  expect(text).toContain('以主管部门的审核认定为准')
  // Offline, nothing stored: the list's status is not claimed, and the disclaimer says so.
  expect(mockedCall).toHaveBeenCalledWith(...LIST_STATUS_CALL)
  expect(container.querySelector('#home-list-status-text')?.textContent).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）')
  expect(text).not.toContain('在执行')
  expect(container.querySelector('#disclaimer')?.textContent).toContain('逐条测算。清单现行状态未经核实。所列金额')

  fireEvent.click(container.querySelector('#start-button')!)
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/questionnaire/index?entity=enterprise' })
  fireEvent.click(container.querySelector('#start-park')!)
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/questionnaire/index?entity=park' })
  fireEvent.click(container.querySelector('#browse-policies')!)
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/policy/browse/index' })
  expect(container.querySelector('#resume-button')).toBeNull()
  // No deadlines (offline here): no block at all.
  expect(container.querySelector('#home-deadlines')).toBeNull()
})

test('saved answers: resume, last results, and 重新开始 (after confirming) clears them', async () => {
  storage.set(DRAFT_KEY, { ...emptyDraft('park'), step: 'questions', topics: ['park'] })
  const { container } = render(<IndexPage />)
  await act(async () => {})
  expect(container.querySelector('#start-button')).toBeNull()
  expect(container.querySelector('#resume-note')?.textContent).toBe('已保存在本机：工业园区 · 第 3 步「具体情况」')
  fireEvent.click(container.querySelector('#resume-button')!)
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/questionnaire/index' })
  fireEvent.click(container.querySelector('#last-results')!)
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/results/index' })

  modal.confirm = false
  await act(async () => {
    fireEvent.click(container.querySelector('#home-restart')!)
  })
  expect(storage.has(DRAFT_KEY)).toBe(true)
  modal.confirm = true
  await act(async () => {
    fireEvent.click(container.querySelector('#home-restart')!)
  })
  expect(storage.has(DRAFT_KEY)).toBe(false)
  expect(container.querySelector('#start-button')).not.toBeNull()
})

test('upcoming deadlines from the cloud, at most three, each opening its measure', async () => {
  mockedCall.mockImplementation(async (name: string) =>
    name === 'deadlines'
      ? {
          ok: true,
          data: { action: 'list', today: '2022-06-01', nextCursor: null, deadlines: [deadline('a', 'm08', 29), deadline('b', 'm01', 3), deadline('c', 'm13', 1), deadline('d', 'm14', 0)] },
        }
      : { ok: false, error: { code: 'NETWORK', message: '网络不可用' } },
  )
  const { container } = render(<IndexPage />)
  await act(async () => {})
  expect(mockedCall).toHaveBeenCalledWith('deadlines', { action: 'list', scope: 'current', limit: 3 })
  const rows = container.querySelectorAll('.home__deadline')
  expect(rows).toHaveLength(3)
  expect(rows[0].textContent).toContain('【示例】（八）2022 年技术改造项目申报')
  expect(rows[0].textContent).toContain('2022-06-30 截止（还有 29 天）')
  fireEvent.click(rows[0])
  // Opened at the batch tapped (issue 22, item 2).
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/policy/detail/index?id=m08&deadline=a' })
})

test('the list’s status from the cloud: in force, superseded (notice, link), and the disclaimer that goes with it', async () => {
  mockedCall.mockImplementation((name: string) => (name === 'listStatus' ? listStatusAnswer('inForce') : Promise.resolve({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })))
  const inForce = render(<IndexPage />)
  await act(async () => {})
  expect(inForce.container.querySelector('#home-list-status-text')?.textContent).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）')
  expect(inForce.container.querySelector('#disclaimer')?.textContent).toContain('逐条测算。所列金额')
  expect(inForce.container.querySelector('#disclaimer')?.textContent).not.toContain('未经核实')
  inForce.unmount()

  resetListStatusSession()
  mockedCall.mockImplementation((name: string) => (name === 'listStatus' ? listStatusAnswer('superseded') : Promise.resolve({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })))
  const superseded = render(<IndexPage />)
  await act(async () => {})
  const c = superseded.container
  expect(c.querySelector('#home-list-status-text')?.textContent).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20）：${LIST_NOTICE}`)
  expect(c.querySelector('#home-list-status')?.getAttribute('data-state')).toBe('superseded')
  expect(c.querySelector('#disclaimer')?.textContent).toContain('该清单已有后续清单，本测算仅供了解。')
  expect(c.textContent).not.toContain('在执行')
  await act(async () => {
    fireEvent.click(c.querySelector('#home-list-status-copy')!)
  })
  expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: LIST_SOURCE })
  expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已复制依据链接', icon: 'none' })
})

test('offline with a stored status: shown with when this device fetched it (Beijing time)', async () => {
  const fetchedAt = `${new Date().getUTCFullYear()}-06-01T02:32:00.000Z`
  storage.set(LIST_STATUS_KEY, toStored({ status: listStatusOf('repealed'), fetchedAt }))
  const { container } = render(<IndexPage />)
  await act(async () => {})
  expect(container.querySelector('#home-list-status-text')?.textContent).toBe(`依据 2022 年清单 · 已废止（最后核对 2026-11-20，本机 6月1日 10:32 获取）：${LIST_NOTICE}`)
  expect(container.querySelector('#disclaimer')?.textContent).toContain('该清单已废止，本测算仅供了解。')
})

test('the developer page link is in the H5 build only', async () => {
  const saved = process.env.TARO_ENV
  delete process.env.TARO_ENV
  const weapp = render(<IndexPage />)
  await act(async () => {})
  expect(weapp.container.querySelector('#dev-check')).toBeNull()
  weapp.unmount()
  process.env.TARO_ENV = 'h5'
  const h5 = render(<IndexPage />)
  await act(async () => {})
  fireEvent.click(h5.container.querySelector('#dev-check')!)
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/check/index' })
  process.env.TARO_ENV = saved
})
