/** The browser page: five sections, 30 cards, search, filters, empty results, favourites, share. */
import { act, fireEvent, render } from '@testing-library/react'
import { catalog2022 } from '@policy/engine'
import { headline } from '@policy/view'

jest.mock('@tarojs/components', () => jest.requireActual('./policy-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./policy-mocks').taro)

import Taro from '@tarojs/taro'
import BrowsePage from '@/pages/policy/browse/index'
import { hooks, resetTaro, router, showAgain, storage } from './policy-mocks'

beforeEach(() => resetTaro())

const cards = (c: HTMLElement) => Array.from(c.querySelectorAll('.measure-card')).map((e) => e.getAttribute('data-measure'))
const type = (el: Element, value: string) => act(() => void fireEvent.change(el, { target: { value } }))

test('all 30 measures in their five sections', () => {
  const { container } = render(<BrowsePage />)
  expect(cards(container)).toEqual(catalog2022.measures.map((m) => m.id))
  expect(Array.from(container.querySelectorAll('.browse__section-title')).map((e) => e.textContent)).toEqual(
    catalog2022.sections.map((s) => `${s.label}、${s.title}`),
  )
  expect(container.querySelector('#browse-count')?.textContent).toContain('共 30 条')
})

test.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s: its card has its number, title, who and headline', (_id, m) => {
  const { container } = render(<BrowsePage />)
  const card = container.querySelector(`#measure-card-${m.id}`)!
  expect(card.querySelector('.measure-card__label')?.textContent).toBe(m.label)
  expect(card.querySelector('.measure-card__title')?.textContent).toBe(m.title)
  expect(card.querySelector('.measure-card__headline')?.textContent).toBe(headline(m))
  expect(card.querySelector('.measure-card__who')?.textContent).toMatch(/^面向：/)
})

test('a card opens the detail route with the measure id', () => {
  const { container } = render(<BrowsePage />)
  fireEvent.click(container.querySelector('#measure-card-m08')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/policy/detail/index?id=m08' })
})

test('search with a figure, then filters; the count follows', async () => {
  const { container } = render(<BrowsePage />)
  await type(container.querySelector('#policy-search')!, '2000吨')
  expect(cards(container)).toEqual(['m17'])
  expect(container.querySelector('.measure-card__hit')?.textContent).toBe('2000 吨标准煤')
  await type(container.querySelector('#policy-search')!, '')
  fireEvent.click(container.querySelector('#filter-who-park')!)
  expect(cards(container)).toEqual(['m16', 'm20', 'm22', 'm23', 'm30'])
  fireEvent.click(container.querySelector('#filter-kind-奖励')!)
  expect(cards(container)).toEqual(['m16', 'm20', 'm30'])
  await type(container.querySelector('#filter-min-amount')!, '2500')
  expect(cards(container)).toEqual(['m30'])
  expect(container.querySelector('#browse-count')?.textContent).toContain('找到 1 条')
})

test('an unreadable amount is explained and not applied', async () => {
  const { container } = render(<BrowsePage />)
  await type(container.querySelector('#filter-min-amount')!, '五百')
  expect(container.querySelector('#filter-amount-error')?.textContent).toContain('金额请填数字')
  expect(cards(container)).toHaveLength(30)
})

test('empty results say what to change, and a tap applies it', async () => {
  const { container } = render(<BrowsePage />)
  await type(container.querySelector('#policy-search')!, '机器人')
  fireEvent.click(container.querySelector('#filter-who-park')!)
  expect(cards(container)).toEqual([])
  const empty = container.querySelector('#browse-empty')?.textContent ?? ''
  expect(empty).toContain('没有找到符合条件的政策')
  expect(empty).toContain('清除搜索词“机器人”')
  expect(empty).toContain('可见 5 条')
  fireEvent.click(container.querySelector('#browse-tip-query')!)
  expect(cards(container)).toEqual(['m16', 'm20', 'm22', 'm23', 'm30'])
  expect((container.querySelector('#policy-search') as HTMLInputElement).value).toBe('')
})

test('an amount above every stated cap names the largest one', async () => {
  const { container } = render(<BrowsePage />)
  fireEvent.click(container.querySelector('#filter-kind-贴息')!)
  await type(container.querySelector('#filter-min-amount')!, '5000')
  expect(container.querySelector('#browse-empty')?.textContent).toContain('本清单单项最高 3000万元')
})

test('favourites from the device: starred cards, and a filter that shows only them', () => {
  storage.set('policy.favourites', ['m27', 'm08'])
  const { container } = render(<BrowsePage />)
  expect(container.querySelectorAll('.measure-card__star')).toHaveLength(2)
  fireEvent.click(container.querySelector('#filter-favourites')!)
  expect(cards(container)).toEqual(['m08', 'm27'])
  // Coming back from a detail page re-reads the device.
  storage.set('policy.favourites', ['m08'])
  act(() => showAgain())
  expect(cards(container)).toEqual(['m08'])
})

test('a shared link with ?q= opens with that search; the share card carries it', () => {
  router.params = { q: encodeURIComponent('机器人') }
  const { container } = render(<BrowsePage />)
  expect(cards(container)).toEqual(['m08'])
  // (with the promise of its drawn card, which WeChat waits for; jsdom draws none)
  expect(hooks.share?.()).toEqual({
    title: '“机器人”相关的 1 条扶持政策｜内蒙古 2022 制造业政策',
    path: `/pages/policy/browse/index?q=${encodeURIComponent('机器人')}`,
    promise: expect.any(Promise),
  })
  expect(hooks.timeline?.()).toEqual({ title: '“机器人”相关的 1 条扶持政策｜内蒙古 2022 制造业政策', query: `q=${encodeURIComponent('机器人')}` })
})
