/** The mini calculator: its answers, the engine's figure, field messages, entries added and removed. */
import { act, fireEvent, render } from '@testing-library/react'
import { catalog2022, evaluate, formatInterval } from '@policy/index'

jest.mock('@tarojs/components', () => jest.requireActual('./policy-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./policy-mocks').taro)

import MiniCalculator from '@/components/mini-calculator'

const m = (id: string) => catalog2022.measures.find((x) => x.id === id)!
const type = (el: Element, value: string) => act(() => void fireEvent.change(el, { target: { value } }))

test('（八）: answers in, the engine’s total and each stage with its clause phrase out', async () => {
  const { container } = render(<MiniCalculator measure={m('m08')} />)
  const q = (s: string) => container.querySelector(s)!
  expect(q('#mini-calc-result').textContent).toContain('填写上面的情况')
  fireEvent.click(q('#calc-region-poverty-yes'))
  fireEvent.click(q('#calc-projects-m08-upgrade-0-chain-yes'))
  await type(q('#calc-projects-m08-upgrade-0-investment-input'), '1200')
  const engine = evaluate({ version: 1, entity: 'enterprise', region: { poverty: true }, projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '1200' } }] } })
  expect(q('#mini-calc-total').textContent).toBe(formatInterval(engine.total))
  expect(q('#mini-calc-total').textContent).toBe('240万元')
  expect(q('#mini-calc-result').textContent).toContain('条文「脱贫地区、革命老区投资 1000万元及以上」')
})

test('a bad amount shows the schema message on that field and keeps the typed text', async () => {
  const { container } = render(<MiniCalculator measure={m('m14')} />)
  const input = container.querySelector('#calc-facts-m14-cloudCost-input') as HTMLInputElement
  await type(input, '-5')
  expect(container.querySelector('#calc-facts-m14-cloudCost .calc-field__error')?.textContent).toContain('不能为负数')
  expect(input.value).toBe('-5')
  expect(container.querySelector('#mini-calc-total')).toBeNull()
  expect(container.querySelector('#mini-calc-result')?.textContent).toContain('请先改正上面标红的内容')
  await type(input, '100')
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('20万元')
})

test('不确定 makes the item need information, with both figures', () => {
  const { container } = render(<MiniCalculator measure={m('m29')} />)
  fireEvent.click(container.querySelector('#calc-facts-m29-advancedEnterprise-unknown')!)
  const text = container.querySelector('#mini-calc-result')?.textContent ?? ''
  expect(text).toContain('需补充信息')
  expect(container.querySelector('#mini-calc-pending')?.textContent).toContain('100万元')
  // Tapping the chosen answer again clears it.
  fireEvent.click(container.querySelector('#calc-facts-m29-advancedEnterprise-unknown')!)
  expect(container.querySelector('#mini-calc-total')).toBeNull()
})

test('entries: add a second project, remove the first — the answers move with their project', async () => {
  const { container } = render(<MiniCalculator measure={m('m02')} />)
  const q = (s: string) => container.querySelector(s)!
  fireEvent.click(q('#calc-projects-m02-industrialization-0-listed-yes'))
  await type(q('#calc-projects-m02-industrialization-0-investment-input'), '1000')
  fireEvent.click(q('#calc-add-m02-industrialization'))
  fireEvent.click(q('#calc-projects-m02-industrialization-1-listed-yes'))
  await type(q('#calc-projects-m02-industrialization-1-investment-input'), '4000')
  expect(q('#mini-calc-total').textContent).toBe('700万元') // 200 + 500 (capped)
  fireEvent.click(container.querySelector('[aria-label="删除转化应用项目 1"]')!)
  expect((q('#calc-projects-m02-industrialization-0-investment-input') as HTMLInputElement).value).toBe('4000')
  expect(container.querySelector('#calc-projects-m02-industrialization-1-investment-input')).toBeNull()
  expect(q('#mini-calc-total').textContent).toBe('500万元')
})

test('a measure for both parks and enterprises asks which', () => {
  const { container } = render(<MiniCalculator measure={m('m30')} />)
  expect(container.querySelector('#calc-entity-park')).toBeNull() // park only: no question
  fireEvent.click(container.querySelector('#calc-facts-m30-excellentPark-yes')!)
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('500万元')
})

test('fee reductions show the saving, not an award', async () => {
  const { container } = render(<MiniCalculator measure={m('m24')} />)
  fireEvent.click(container.querySelector('#calc-facts-m24-rebuild-yes')!)
  await type(container.querySelector('#calc-facts-m24-rebuildFee-input')!, '30')
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('0元')
  expect(container.querySelector('#mini-calc-savings')?.textContent).toBe('可少缴费用 30万元')
})
