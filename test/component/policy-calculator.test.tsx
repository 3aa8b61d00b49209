/**
 * The mini calculator: the questionnaire's own questions (FactQuestion, QuestionFlag, AmountInput,
 * EntryList) and draft → profile → schema code, the engine's figure, field messages, entries added
 * and removed, the questionnaire's answers as a starting point (never written back).
 */
import { act, fireEvent, render } from '@testing-library/react'
import { catalog2022, evaluate, formatInterval, domId } from '@policy/engine'

jest.mock('@tarojs/components', () => jest.requireActual('./policy-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./policy-mocks').taro)

import Taro from '@tarojs/taro'
import MiniCalculator from '@/components/mini-calculator'
import { DRAFT_KEY } from '@/state/storage'
import { UPGRADE_2100_DRAFT } from '../support/drafts'
import { AMOUNT_FIELDS, CLEARED_AMOUNTS, TYPED_AMOUNTS, calculatorFigure, profileWith } from '../support/typed-amounts'
import { resetTaro, storage } from './policy-mocks'

const m = (id: string) => catalog2022.measures.find((x) => x.id === id)!
const type = (el: Element, value: string) => act(() => void fireEvent.change(el, { target: { value } }))
/** The calculator's id of a profile path (the questionnaire's is domId(path)). */
const calc = (path: string) => `#${domId(path, 'calc')}`

beforeEach(() => resetTaro())

test('（八）: answers in, the engine’s total and each stage with its clause phrase out', async () => {
  const { container } = render(<MiniCalculator measure={m('m08')} />)
  const q = (s: string) => {
    const el = container.querySelector(s)
    if (!el) throw new Error(`no ${s}`)
    return el
  }
  expect(q('#mini-calc-result').textContent).toContain('填写上面的情况')
  // The catalog's own question and help (the threshold from （八）'s record).
  expect(q(`${calc('region/poverty')} .question__help`).textContent).toContain('门槛由 2000万元 降为 1000万元')
  fireEvent.click(q(`${calc('region/poverty')}-opt-yes`))
  // Three kinds of project: the user adds the one they have.
  expect(container.querySelector(`${calc('projects/m08.upgrade/0/chain')}`)).toBeNull()
  fireEvent.click(q('#calc-entries-m08-upgrade-add'))
  fireEvent.click(q(`${calc('projects/m08.upgrade/0/chain')}-opt-yes`))
  await type(q(`${calc('projects/m08.upgrade/0/investment')}-input`), '1200')
  const engine = evaluate({ version: 1, entity: 'enterprise', region: { poverty: true }, projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '1200' } }] } })
  expect(q('#mini-calc-total').textContent).toBe(formatInterval(engine.total))
  expect(q('#mini-calc-total').textContent).toBe('240万元')
  expect(q('#mini-calc-result').textContent).toContain('条文「脱贫地区、革命老区投资 1000万元及以上」')
})

test('a bad amount shows the schema message on that field and keeps the typed text', async () => {
  const { container } = render(<MiniCalculator measure={m('m14')} />)
  const input = container.querySelector(`${calc('facts/m14.cloudCost')}-input`) as HTMLInputElement
  await type(input, '-5')
  expect(container.querySelector(`${calc('facts/m14.cloudCost')}-message`)?.textContent).toBe('「设备上云上平台的实际费用」不能为负数')
  expect(input.value).toBe('-5')
  expect(container.querySelector('#mini-calc-total')).toBeNull()
  expect(container.querySelector('#mini-calc-result')?.textContent).toContain('请先改正上面标红的内容')
  await type(input, '100')
  expect(container.querySelector(`${calc('facts/m14.cloudCost')}-message`)).toBeNull()
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('20万元')
})

test('不确定 makes the item need information, with both figures', () => {
  const { container } = render(<MiniCalculator measure={m('m29')} />)
  fireEvent.click(container.querySelector(`${calc('facts/m29.advancedEnterprise')}-opt-unknown`)!)
  const text = container.querySelector('#mini-calc-result')?.textContent ?? ''
  expect(text).toContain('需补充信息')
  expect(container.querySelector('#mini-calc-pending')?.textContent).toContain('100万元')
  // Tapping the chosen answer again clears it.
  fireEvent.click(container.querySelector(`${calc('facts/m29.advancedEnterprise')}-opt-unknown`)!)
  expect(container.querySelector('#mini-calc-total')).toBeNull()
})

test('entries: add a second project, remove the first — the answers move with their project', async () => {
  const { container } = render(<MiniCalculator measure={m('m02')} />)
  const q = (s: string) => container.querySelector(s)!
  // One kind of project only: its first entry is shown ready to fill.
  fireEvent.click(q(`${calc('projects/m02.industrialization/0/listed')}-opt-yes`))
  await type(q(`${calc('projects/m02.industrialization/0/investment')}-input`), '1000')
  fireEvent.click(q('#calc-entries-m02-industrialization-add'))
  fireEvent.click(q(`${calc('projects/m02.industrialization/1/listed')}-opt-yes`))
  await type(q(`${calc('projects/m02.industrialization/1/investment')}-input`), '4000')
  expect(q('#mini-calc-total').textContent).toBe('700万元') // 200 + 500 (capped)
  fireEvent.click(container.querySelector('[aria-label="删除转化应用项目 1"]')!)
  expect((q(`${calc('projects/m02.industrialization/0/investment')}-input`) as HTMLInputElement).value).toBe('4000')
  expect(container.querySelector(`${calc('projects/m02.industrialization/1/investment')}-input`)).toBeNull()
  expect(q('#mini-calc-total').textContent).toBe('500万元')
})

test('a measure for both parks and enterprises asks which', () => {
  const { container } = render(<MiniCalculator measure={m('m30')} />)
  expect(container.querySelector('#calc-entity-park')).toBeNull() // park only: no question
  fireEvent.click(container.querySelector(`${calc('facts/m30.excellentPark')}-opt-yes`)!)
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('500万元')
})

test('fee reductions show the saving, not an award', async () => {
  const { container } = render(<MiniCalculator measure={m('m24')} />)
  fireEvent.click(container.querySelector(`${calc('facts/m24.rebuild')}-opt-yes`)!)
  await type(container.querySelector(`${calc('facts/m24.rebuildFee')}-input`)!, '30')
  // No award to add up: no '预计可申请 0元' beside the saving.
  expect(container.querySelector('#mini-calc-total')).toBeNull()
  expect(container.querySelector('#mini-calc-savings')?.textContent).toBe('另可少缴费用 30万元')
})

test('the questionnaire’s answers fill it in; changing them here never writes the questionnaire’s draft', async () => {
  storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT)
  const { container } = render(<MiniCalculator measure={m('m08')} />)
  const input = container.querySelector(`${calc('projects/m08.upgrade/0/investment')}-input`) as HTMLInputElement
  expect(input.value).toBe('2100')
  expect(container.querySelector(`${calc('projects/m08.upgrade/0/chain')}-opt-yes`)?.getAttribute('aria-pressed')).toBe('true')
  // （八）2100万元 × 20% = 420万元 (≥ 2000万元, under the 500万元 cap).
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('420万元')
  await type(input, '3000')
  expect(container.querySelector('#mini-calc-total')?.textContent).toBe('500万元')
  expect(Taro.setStorageSync).not.toHaveBeenCalled()
  expect(storage.get(DRAFT_KEY)).toEqual(UPGRADE_2100_DRAFT)
})

describe('typed amounts (test/support/typed-amounts.ts): the same message as the questionnaire, the text kept', () => {
  it.each(TYPED_AMOUNTS)('$what: $typed', async (row) => {
    const f = AMOUNT_FIELDS[row.field]
    const { container } = render(<MiniCalculator measure={m(f.measure)} />)
    const input = container.querySelector(`${calc(f.path)}-input`) as HTMLInputElement
    await type(input, '9')
    await type(input, row.typed)
    expect(input.value).toBe(row.typed)
    const message = container.querySelector(`${calc(f.path)}-message`)?.textContent
    if (row.message !== undefined) {
      expect(message).toBe(row.message)
      expect(container.querySelector('#mini-calc-total')).toBeNull()
    } else {
      expect(message).toBeUndefined()
      // The engine's figure for the value the user meant (never rounded, never converted).
      const shown = calculatorFigure(evaluate(profileWith(row.field, row.accepted!) as never))
      expect(container.querySelector(`#${shown.id}`)?.textContent).toBe(shown.text)
    }
  })
})

describe('a number typed and then cleared is skipped, as if never touched (issue 22, item 1): no red, nothing blocked', () => {
  it.each(CLEARED_AMOUNTS)('$what: "$typed"', async (row) => {
    const f = AMOUNT_FIELDS[row.field]
    const { container } = render(<MiniCalculator measure={m(f.measure)} />)
    const untouched = container.querySelector('#mini-calc-result')?.textContent
    const input = container.querySelector(`${calc(f.path)}-input`) as HTMLInputElement
    await type(input, '60')
    await type(input, row.typed)
    expect(container.querySelector(`${calc(f.path)}-message`)).toBeNull()
    expect(container.querySelector('#mini-calc-blocked')).toBeNull()
    expect(container.querySelector('#mini-calc-result')?.textContent).toBe(untouched)
  })
})

describe('（三）’s calculator once the yearly cap of 50万元 is used up (issue 22, item 6): no "可申请 0元"', () => {
  // 主导国际 1 × 30万元 + 主导国家 1 × 20万元 = 50万元, the yearly cap; 参与国家 2 × 10万元 gets nothing.
  const fill = async () => {
    const { container } = render(<MiniCalculator measure={m('m03')} />)
    for (const [fact, n] of [['m03.leadInternational', '1'], ['m03.leadNational', '1'], ['m03.joinNational', '2']]) {
      await type(container.querySelector(`${calc(`facts/${fact}`)}-input`)!, n)
    }
    return container
  }
  const amountOf = (c: HTMLElement, id: string) => c.querySelector(`[data-item="${id}"] .calc-item__amount`)?.textContent

  it.each([
    ['the item the cap leaves nothing for says it is used up', 'm03.join-national', '本年度上限 50万元 已用完'],
    ['the item before it keeps its figure', 'm03.lead-national', '20万元'],
  ])('%s', async (_, id, figure) => {
    expect(amountOf(await fill(), id)).toBe(figure)
  })

  it('its working says the cap is used up, and the total is the cap', async () => {
    const c = await fill()
    expect(c.querySelector('[data-item="m03.join-national"] .calc-item__stages')?.textContent).toContain('本年度上限 50万元 已用完')
    expect(c.querySelector('#mini-calc-total')?.textContent).toBe('50万元')
  })
})
