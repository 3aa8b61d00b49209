/**
 * The check page sends the sample profile through callCloud('calculate') and shows the result,
 * a loading state, or the Chinese error. callCloud and the Taro components are mocked.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { EvaluateResult } from '@policy/engine'
import type { Envelope } from '@cloud-api/api'

jest.mock('@tarojs/components', () => jest.requireActual('./taro-mocks').components)
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { navigateTo: jest.fn() }, navigateTo: jest.fn() }))
jest.mock('@/services/cloud', () => ({
  callCloud: jest.fn(),
  getDevOpenid: jest.fn(() => 'dev-user-a'),
  setDevOpenid: jest.fn((id: string) => id || 'dev-user-a'),
}))

import { callCloud, setDevOpenid } from '@/services/cloud'
import CheckPage, { SAMPLE_PROFILE } from '@/pages/check/index'

const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>

function result(partial: Partial<EvaluateResult>): EvaluateResult {
  const zero = { min: '0.00', max: '0.00' }
  return {
    catalog: { id: 'nmg-2022', title: '清单', year: 2022, issuer: '内蒙古自治区' },
    items: [],
    total: zero,
    peopleTotal: zero,
    savings: zero,
    pending: zero,
    counts: { eligible: 0, ineligible: 0, needsInfo: 0, notForYou: 0 },
    measuresCovered: 0,
    ...partial,
  }
}

function item(id: string, status: EvaluateResult['items'][number]['status']): EvaluateResult['items'][number] {
  return {
    id,
    measure: 'm08',
    measureNumber: 8,
    title: id,
    itemKind: 'percent',
    status,
    missing: [],
    amountKind: 'exact',
    amount: { min: '0.00', max: '0.00' },
    stages: [],
    hints: [],
    alternatives: [],
  }
}

function nonMoney(id: string): EvaluateResult['items'][number] {
  return { ...item(id, 'eligible'), itemKind: 'nonMonetary', amountKind: 'nonMonetary' }
}

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const savedEnv = process.env.TARO_ENV

beforeEach(() => {
  mockedCall.mockReset()
  delete process.env.TARO_ENV
})
afterAll(() => {
  process.env.TARO_ENV = savedEnv
})

test('shows a loading state, then the returned total and the number of eligible items', async () => {
  const answer = deferred<Envelope<EvaluateResult>>()
  mockedCall.mockReturnValueOnce(answer.promise)
  const { container } = render(<CheckPage />)

  expect(screen.getByText('正在测算，请稍候…')).toBeTruthy()
  expect(mockedCall).toHaveBeenCalledWith('calculate', { profile: SAMPLE_PROFILE })

  await act(async () => {
    answer.resolve({
      ok: true,
      data: result({
        total: { min: '6000000.00', max: '6000000.00' },
        items: [item('m08.upgrade', 'eligible'), item('m08.other', 'ineligible'), item('m09.x', 'eligible')],
      }),
    })
  })

  expect(container.querySelector('.cloud-loading')).toBeNull()
  expect(container.querySelector('.cloud-result')).not.toBeNull()
  expect(container.querySelector('#cloud-result-total')?.textContent).toBe('600万元')
  expect(container.querySelector('#cloud-result-count')?.textContent).toContain('2 项')
})

test.each([
  ['one money item and support without money counts the money item, and says the other apart', [item('m08.upgrade', 'eligible'), nonMoney('m10.funds'), nonMoney('m24.plot-ratio')], '可申请资金的事项：1 项（另有非资金支持 2 项）'],
  ['an award paid to craftsmen is not the enterprise’s item', [item('m08.upgrade', 'eligible'), { ...item('m07.great-craftsman', 'eligible'), paidToPerson: true as const }], '可申请资金的事项：1 项'],
  ['items, not projects: an ineligible item is not counted', [item('m08.upgrade', 'eligible'), item('m08.robots', 'ineligible')], '可申请资金的事项：1 项'],
])('the count line: %s', async (_name, items, line) => {
  mockedCall.mockResolvedValueOnce({ ok: true, data: result({ items }) })
  const { container } = render(<CheckPage />)
  await act(async () => {})
  expect(container.querySelector('#cloud-result-count')?.textContent).toBe(line)
})

test('shows a range when min and max differ (formatted by @policy/engine/format)', async () => {
  mockedCall.mockResolvedValueOnce({ ok: true, data: result({ total: { min: '100.00', max: '2500.50' } }) })
  const { container } = render(<CheckPage />)
  await act(async () => {})
  expect(container.querySelector('#cloud-result-total')?.textContent).toBe('100元–2500.5元')
})

test('shows the Chinese network error and retries on tap', async () => {
  mockedCall.mockResolvedValueOnce({ ok: false, error: { code: 'NETWORK', message: '网络不可用，请稍后再试' } })
  const { container } = render(<CheckPage />)
  await act(async () => {})

  const error = container.querySelector('.cloud-error')
  expect(error).not.toBeNull()
  expect(error?.getAttribute('data-code')).toBe('NETWORK')
  expect(screen.getByText('网络不可用，请稍后再试')).toBeTruthy()
  expect(container.querySelector('.cloud-result')).toBeNull()

  mockedCall.mockResolvedValueOnce({ ok: true, data: result({ total: { min: '1.00', max: '1.00' } }) })
  await act(async () => {
    fireEvent.click(container.querySelector('.retry-button')!)
  })
  expect(mockedCall).toHaveBeenCalledTimes(2)
  expect(container.querySelector('#cloud-result-total')?.textContent).toBe('1元')
})

test('the dev openid switch is shown on H5 only and re-runs the calculation', async () => {
  mockedCall.mockResolvedValue({ ok: true, data: result({}) })
  const first = render(<CheckPage />)
  await act(async () => {})
  expect(first.container.querySelector('.dev-openid')).toBeNull()
  first.unmount()

  process.env.TARO_ENV = 'h5'
  mockedCall.mockClear()
  const { container } = render(<CheckPage />)
  await act(async () => {})
  expect(container.querySelector('.dev-openid__active')?.textContent).toBe('dev-user-a')

  fireEvent.change(container.querySelector('.dev-openid__input')!, { target: { value: 'dev-user-b' } })
  await act(async () => {
    fireEvent.click(container.querySelector('.dev-openid__apply')!)
  })
  expect(setDevOpenid).toHaveBeenCalledWith('dev-user-b')
  expect(container.querySelector('.dev-openid__active')?.textContent).toBe('dev-user-b')
  expect(mockedCall).toHaveBeenCalledTimes(2)
})

test("the sample profile is accepted by the engine's schema (it must not drift from shared/policy)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseProfile } = require('@policy/engine') as typeof import('@policy/engine')
  const parsed = parseProfile(SAMPLE_PROFILE)
  expect(parsed.ok ? [] : parsed.issues).toEqual([])
})
