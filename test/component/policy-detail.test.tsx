/**
 * The detail page for every one of the 30 measures: verbatim clause with highlighted figures, the
 * item table, a working mini calculator (or the guidance), deadlines that never invent a date, the
 * favourite toggle, and the share title/path WeChat would get.
 */
import { act, fireEvent, render } from '@testing-library/react'
import { catalog2022 } from '@policy/engine'
import { headline, calcSpec } from '@policy/view'
import type { Envelope } from '@cloud-api/api'

jest.mock('@tarojs/components', () => jest.requireActual('./policy-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./policy-mocks').taro)
jest.mock('@/services/cloud', () => ({ callCloud: jest.fn() }))

import { callCloud } from '@/services/cloud'
import { resetListStatusSession } from '@/services/list-status'
import DetailPage from '@/pages/policy/detail/index'
import { measureShare, measureTimeline } from '@/services/share'
import { LIST_NOTICE, LIST_STATUS_CALL, listStatusAnswer } from './list-status-mocks'
import { hooks, resetTaro, router, storage } from './policy-mocks'

const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>
const unavailable = { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } } as Envelope<never>

beforeEach(() => {
  resetTaro()
  resetListStatusSession()
  mockedCall.mockReset()
  mockedCall.mockResolvedValue(unavailable)
})

async function open(id: string) {
  router.params = { id }
  const r = render(<DetailPage />)
  await act(async () => {})
  return r
}

test.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s: clause verbatim, items, calculator or guidance, share', async (id, m) => {
  const { container } = await open(id)
  const q = (s: string) => container.querySelector(s)
  expect(q('#detail-title')?.textContent).toBe(m.title)
  expect(q('#detail-label')?.textContent).toBe(`第${m.label}条`)
  expect(q('#detail-headline')?.textContent).toBe(headline(m))
  expect(q('#detail-clause')?.textContent).toBe(m.clause)
  expect(container.querySelectorAll('#item-table [data-item]')).toHaveLength(m.items.length)
  const spec = calcSpec(m)
  expect(!!q('#mini-calc')).toBe(spec.computable)
  expect(!!q('#detail-guidance')).toBe(spec.guidance.length > 0)
  for (const g of spec.guidance) expect(q('#detail-guidance')?.textContent).toContain(g.guidance)
  // Deadlines: asked for this measure; none known → says so, no date shown.
  expect(mockedCall).toHaveBeenCalledWith('deadlines', { action: 'list', measureId: id, scope: 'current', limit: 20 })
  expect(q('#measure-deadlines')?.textContent).toContain('以主管部门发布的申报通知为准')
  expect(q(`#detail-deadlines .subscribe-button[data-measure="${id}"]`)).not.toBeNull()
  expect(q('#measure-deadlines')?.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  // What WeChat gets when the user shares this page.
  // (the drawn card follows through WeChat's promise; jsdom has no canvas, so it goes out without one)
  const shared = hooks.share?.() as ReturnType<typeof measureShare> & { promise?: Promise<unknown> }
  expect(shared).toMatchObject(measureShare(m))
  expect(await shared.promise).toEqual(measureShare(m))
  expect(hooks.timeline?.()).toEqual(measureTimeline(m))
  expect(q('#poster-open')).not.toBeNull()
  // The list's status (cloud unavailable here): never claimed in force.
  expect(mockedCall).toHaveBeenCalledWith(...LIST_STATUS_CALL)
  expect(q('#detail-list-status-text')?.textContent).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）')
  expect(q('.detail__foot')?.textContent).toContain('清单现行状态未经核实。')
})

test('the list’s status from the cloud: superseded, with its notice, on the page and in the foot note', async () => {
  mockedCall.mockImplementation(async (name) => (name === 'listStatus' ? listStatusAnswer('superseded') : unavailable))
  const { container } = await open('m08')
  expect(container.querySelector('#detail-list-status-text')?.textContent).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20）：${LIST_NOTICE}`)
  expect(container.querySelector('#detail-list-status-copy')).not.toBeNull()
  expect(container.querySelector('.detail__foot')?.textContent).toContain('该清单已有后续清单，本测算仅供了解。')
  expect(container.textContent).not.toContain('在执行')
})

test('figures in the clause are highlighted', async () => {
  const { container } = await open('m18')
  const figures = Array.from(container.querySelectorAll('#detail-clause .clause-text__figure')).map((e) => e.textContent)
  expect(figures).toEqual(['5万吨', '1 吨', '10元', '500万元'])
})

test('the mini calculator on the page gives the engine’s figure', async () => {
  const { container } = await open('m13')
  fireEvent.click(container.querySelector('#calc-facts-m13-level-opt-4A')!)
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('200万元')
  expect(container.querySelector('#mini-calc-result')?.textContent).toContain('分别给予 300万元、200万元')
})

test('deadlines: none published → says the list has no dates, shows none', async () => {
  mockedCall.mockImplementation(async (name) =>
    name === 'deadlines' ? { ok: true, data: { action: 'list', today: '2022-06-01', nextCursor: null, deadlines: [] } } : unavailable,
  )
  const { container } = await open('m05')
  expect(container.querySelector('#measure-deadlines-none')?.textContent).toContain('清单本身没有写申报日期')
})

test('deadlines: published windows are listed, a sample is labelled as not official', async () => {
  // Every call but the list's status gets the deadlines list.
  mockedCall.mockImplementation(async (name) => (name === 'listStatus' ? unavailable : {
    ok: true,
    data: {
      action: 'list',
      today: '2022-06-01',
      nextCursor: null,
      deadlines: [
        {
          id: 'd1', measureId: 'm01', measureLabel: '（一）', measureTitle: '支持企业创新平台建设',
          batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-05-20', closesOn: '2022-06-30',
          issuer: '自治区工业和信息化厅', sourceUrl: 'https://example.org/n1', sample: true,
          status: 'open', daysToClose: 29, updatedAt: '2022-05-01T00:00:00Z',
        },
      ],
    },
  }) as Envelope<never>)
  const { container } = await open('m01')
  const text = container.querySelector('#measure-deadlines')?.textContent ?? ''
  expect(text).toContain('2022 年度自治区级企业技术中心认定')
  expect(text).toContain('2022-05-20 至 2022-06-30')
  expect(text).toContain('示例，非官方日期')
  expect(text).toContain('还有 29 天截止')
})

test('favourite toggle is kept on the device', async () => {
  const { container, unmount } = await open('m08')
  const fav = () => container.querySelector('#detail-favourite')!
  expect(fav().textContent).toContain('☆ 收藏')
  fireEvent.click(fav())
  expect(fav().textContent).toContain('已收藏')
  expect(storage.get('policy.favourites')).toEqual(['m08'])
  unmount()
  const again = await open('m08')
  expect(again.container.querySelector('#detail-favourite')?.textContent).toContain('已收藏')
  fireEvent.click(again.container.querySelector('#detail-favourite')!)
  expect(storage.get('policy.favourites')).toEqual([])
})

test('an unknown id says so and offers the list; sharing falls back to the browser', async () => {
  const { container } = await open('m99')
  expect(container.querySelector('#detail-missing')?.textContent).toContain('没有找到这条政策（编号 m99）')
  expect((hooks.share?.() as { path: string }).path).toBe('/pages/policy/browse/index')
})

test('H5 offers to copy the link; WeChat uses the share button', async () => {
  const saved = process.env.TARO_ENV
  process.env.TARO_ENV = 'weapp'
  const w = await open('m08')
  expect(w.container.querySelector('#detail-share')?.getAttribute('data-open-type')).toBe('share')
  w.unmount()
  process.env.TARO_ENV = 'h5'
  const h = await open('m08')
  expect(h.container.querySelector('#detail-copy-link')).not.toBeNull()
  process.env.TARO_ENV = saved
})
