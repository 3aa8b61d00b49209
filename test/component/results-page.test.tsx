/**
 * The results page: the on-device result at once, confirmed by the cloud (or kept, quietly, when
 * the cloud is unreachable), the total in 万元 with the measures it covers, the five groups, the
 * stages with their clause phrases, and the buttons: detail, share, subscribe, back to a question.
 */
import { act, fireEvent, render } from '@testing-library/react'
import { findMeasure, evaluate, type EvaluateResult } from '@policy/engine'
import { itemShare, itemShareText } from '@/services/share'

jest.mock('@tarojs/components', () => jest.requireActual('./questionnaire-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./questionnaire-mocks').taro)
jest.mock('@/services/cloud', () => ({ callCloud: jest.fn() }))

import Taro from '@tarojs/taro'
import { callCloud } from '@/services/cloud'
import { resetListStatusSession } from '@/services/list-status'
import { addEntry, draftProfile, emptyDraft, setAnswer, setText, toggleTopic, type Draft } from '@/state/draft'
import { DRAFT_KEY, takeFocus } from '@/state/storage'
import ResultsPage from '@/pages/results/index'
import { LIST_NOTICE, LIST_STATUS_CALL, listStatusAnswer } from './list-status-mocks'
import { hooks, pages, resetTaro, storage } from './questionnaire-mocks'

const mockedCall = callCloud as jest.Mock

function persona1(): Draft {
  let d: Draft = { ...emptyDraft('enterprise'), step: 'questions', sme: false, cityCode: '150200', countyCode: '150203', poverty: false, oldRevolutionary: false }
  d = toggleTopic(toggleTopic(d, 'investment'), 'digital')
  d = addEntry(d, 'm08.upgrade')
  const up = d.projects['m08.upgrade'][0].key
  d = setText(setAnswer(d, 'chain', true, 'm08.upgrade', up), 'investment', '3000', 'm08.upgrade', up)
  d = { ...d, projects: { ...d.projects, 'm08.upgrade': [{ ...d.projects['m08.upgrade'][0], name: '2 号线技改' }] } }
  d = addEntry(d, 'm08.robots')
  const rb = d.projects['m08.robots'][0].key
  d = setText(setAnswer(d, 'hazardous', 'unknown', 'm08.robots', rb), 'robotCost', '800', 'm08.robots', rb)
  d = setAnswer(setText(d, 'm14.cloudCost', '180'), 'm13.level', '3A')
  d = setText(d, 'm15.firstVersionSales', '10') // 10万元 × 20% = 2万元, and 两化融合 etc.
  return d
}

function local(d: Draft): EvaluateResult {
  const p = draftProfile(d)
  if (!p.ok) throw new Error('invalid')
  return evaluate(p.profile)
}

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }
let calculateAnswer: () => Promise<Answer>
let listStatus: () => Promise<unknown>

beforeEach(() => {
  resetTaro()
  resetListStatusSession()
  mockedCall.mockReset()
  listStatus = () => Promise.resolve({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
  calculateAnswer = () => Promise.resolve({ ok: true, data: JSON.parse(JSON.stringify(local(persona1()))) })
  mockedCall.mockImplementation((name: string, req: { action?: string; measureIds?: string[] }) => {
    if (name === 'calculate') return calculateAnswer()
    if (name === 'listStatus') return listStatus()
    if (name === 'subscriptions' && req.action === 'status') {
      return Promise.resolve({ ok: true, data: { action: 'status', today: '2022-06-01', measures: [] } })
    }
    return Promise.resolve({ ok: false, error: { code: 'NETWORK', message: '网络不可用' } })
  })
  storage.set(DRAFT_KEY, persona1())
})

async function renderPage() {
  const view = render(<ResultsPage />)
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
  return view.container
}

test('the device result at once, then the cloud’s confirmation', async () => {
  let release!: (a: Answer) => void
  calculateAnswer = () => new Promise((r) => (release = r))
  const view = render(<ResultsPage />)
  const c = view.container
  // Before the cloud answers: 500 + 100 + 36 + 2 = 638 万元.
  expect(c.querySelector('#results-total')?.textContent).toBe('638')
  expect(c.querySelector('#results-covers')?.textContent).toBe('涉及 4 条措施、4 个可申请事项')
  expect(c.querySelector('#cloud-status')?.getAttribute('data-state')).toBe('checking')
  const profile = draftProfile(persona1())
  expect(mockedCall).toHaveBeenCalledWith('calculate', { profile: profile.ok ? profile.profile : null })
  await act(async () => release({ ok: true, data: JSON.parse(JSON.stringify(local(persona1()))) }))
  expect(c.querySelector('#cloud-status')?.getAttribute('data-state')).toBe('same')
  expect(c.querySelector('#cloud-status')?.textContent).toBe('已核对')
  expect(c.querySelector('#results-total')?.textContent).toBe('638')
})

test('cloud unreachable: says so quietly and keeps the device result', async () => {
  calculateAnswer = () => Promise.resolve({ ok: false, error: { code: 'NETWORK', message: '网络不可用，请稍后再试' } })
  const c = await renderPage()
  expect(c.querySelector('#cloud-status')?.textContent).toBe('云端暂不可用，显示本机结果')
  expect(c.querySelector('#results-total')?.textContent).toBe('638')
})

test('a cloud answer that differs (newer data) replaces the device’s, and says so', async () => {
  const other = local(persona1())
  other.total = { min: '7000000.00', max: '7000000.00' }
  calculateAnswer = () => Promise.resolve({ ok: true, data: other })
  const c = await renderPage()
  expect(c.querySelector('#cloud-status')?.getAttribute('data-state')).toBe('updated')
  expect(c.querySelector('#results-total')?.textContent).toBe('700')
})

test('the list’s status at the top, and the disclaimer that goes with it', async () => {
  let c = await renderPage()
  expect(mockedCall).toHaveBeenCalledWith(...LIST_STATUS_CALL)
  const first = c.querySelector('.results')?.firstElementChild
  expect(first?.id).toBe('results-list-status')
  expect(c.querySelector('#results-list-status-text')?.textContent).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）')
  expect(c.querySelector('#results-disclaimer')?.textContent).toContain('以主管部门的审核认定为准。清单现行状态未经核实。')
  expect(c.textContent).not.toContain('在执行')

  resetListStatusSession()
  listStatus = () => listStatusAnswer('superseded')
  c = await renderPage()
  expect(c.querySelector('#results-list-status-text')?.textContent).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20）：${LIST_NOTICE}`)
  expect(c.querySelector('#results-disclaimer')?.textContent).toContain('该清单已有后续清单，本测算仅供了解。')
  // The figures are still there: the status is information, not a verdict.
  expect(c.querySelector('#results-total')?.textContent).toBe('638')

  resetListStatusSession()
  listStatus = () => listStatusAnswer('inForce')
  c = await renderPage()
  expect(c.querySelector('#results-list-status-text')?.textContent).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）')
  expect(c.querySelector('#results-disclaimer')?.textContent).not.toMatch(/未经核实|仅供了解/)
})

test('groups and cards: figure, kind, why; needs-info names the question and goes back to it', async () => {
  const c = await renderPage()
  const ids = (g: string) => Array.from(c.querySelectorAll(`#group-${g} .result-card`)).map((e) => e.getAttribute('data-item'))
  expect(ids('eligible')).toEqual(['m08.upgrade', 'm13.integration-level', 'm14.equipment-cloud', 'm15.first-version-software'])
  expect(c.querySelector('#result-m08-upgrade-figure')?.textContent).toBe('500万元')
  expect(c.querySelector('#result-m08-upgrade-kind')?.textContent).toBe('精确')
  expect(c.querySelector('#result-m08-upgrade-why')?.textContent).toBe('3000万元 × 20% = 600万元；600万元 超过上限，按 500万元 计')
  expect(ids('needsInfo')).toEqual(['m08.robots'])
  expect(c.querySelector('#results-pending')?.textContent).toBe('补充信息后可能再增加 0–160万元')
  const robot = c.querySelector('#result-m08-robots')!
  expect(c.querySelector('#result-m08-robots-why')?.textContent).toBe('需要确认：「机器人是否用于高危、高强度生产环节」')
  expect(c.querySelector('#result-m08-robots-kind')?.textContent).toBe('待确认')
  expect(robot.textContent).toContain('若为“是”：160万元')
  expect(robot.textContent).toContain('若为“否”：不符合')
  const ask = c.querySelector('#result-m08-robots-question-0')!
  expect(ask.textContent).toBe('去填写：“机器换人”项目第 1 项：机器人是否用于高危、高强度生产环节 →')

  // With the questionnaire below in the stack: back to it, the question remembered.
  pages.push({ route: 'pages/questionnaire/index' }, { route: 'pages/results/index' })
  fireEvent.click(ask)
  expect(Taro.navigateBack).toHaveBeenCalled()
  expect(takeFocus()).toBe('projects/m08.robots/0/hazardous')
  // Opened on its own (e.g. from home): a questionnaire page with ?focus=.
  pages.length = 0
  fireEvent.click(ask)
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/pages/questionnaire/index?focus=${encodeURIComponent('projects/m08.robots/0/hazardous')}` })
})

test('the stages of a figure quote their clause phrases', async () => {
  const c = await renderPage()
  expect(c.querySelector('#result-m08-upgrade .stage-list')).toBeNull()
  fireEvent.click(c.querySelector('#result-m08-upgrade-toggle')!)
  const stages = c.querySelector('#result-m08-upgrade .stage-list')!.textContent
  expect(stages).toContain('技术改造项目 1（2 号线技改）')
  expect(stages).toContain('3000万元 × 20% = 600万元')
  expect(stages).toContain('条文：「按照实际完成投资额的 20%」')
  expect(stages).toContain('条文：「单个项目最高不超过 500万元给予补助」')
})

test('不符合 is collapsed until opened', async () => {
  let d = persona1()
  d = setAnswer(d, 'm14.benchmark', false)
  storage.set(DRAFT_KEY, d)
  calculateAnswer = () => Promise.resolve({ ok: true, data: JSON.parse(JSON.stringify(local(d))) })
  const c = await renderPage()
  expect(c.querySelector('#group-ineligible')?.textContent).toContain('不符合（1 项）')
  expect(c.querySelectorAll('#group-ineligible .result-card')).toHaveLength(0)
  fireEvent.click(c.querySelector('#toggle-ineligible')!)
  expect(c.querySelector('#result-m14-cloud-benchmark-why')?.textContent).toBe('不满足条件：对登云标杆企业')
  // No "0元" on a card that is not due.
  expect(c.querySelector('#result-m14-cloud-benchmark-figure')).toBeNull()
})

test('buttons: the measure’s detail page, share (H5 copies; WeChat shares the detail page), subscribe', async () => {
  const c = await renderPage()
  fireEvent.click(c.querySelector('#result-m08-upgrade-detail')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/policy/detail/index?id=m08' })
  await act(async () => {
    fireEvent.click(c.querySelector('#result-m08-upgrade-share')!)
  })
  // H5: the copied line names the item (技改 and 机器换人 no longer read the same) and ends with its link.
  const m08 = findMeasure('m08')!
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: itemShareText(m08, 'm08.upgrade') })
  expect(itemShareText(m08, 'm08.upgrade')).toMatch(/^技术改造项目补助：投资额 20%，最高 500万元｜第（八）条 引导企业增加技术改造投入 http:\/\/localhost\/#\/pages\/policy\/detail\/index\?id=m08&item=m08\.upgrade$/)
  type Shared = { path: string; title: string; promise?: Promise<{ path: string; title: string }> }
  const shared = hooks.share!({ from: 'button', target: { dataset: { measure: 'm08', item: 'm08.upgrade' } } }) as Shared
  // The item's own card (its headline from the catalog), never the user's figure while the box is not ticked.
  expect(shared).toMatchObject(itemShare(m08, 'm08.upgrade'))
  expect(shared.path).toBe('/pages/policy/detail/index?id=m08&item=m08.upgrade')
  expect(shared.title).not.toContain('我测算')
  // The drawn card follows through WeChat's promise (jsdom has no canvas: the share goes out without it).
  expect(await shared.promise).toEqual(itemShare(m08, 'm08.upgrade'))
  const menu = hooks.share!({ from: 'menu' }) as Shared
  expect(menu.path).toBe('/pages/index/index')
  expect(menu.title).not.toMatch(/\d/)

  // Ticked: the item's figure and the total go into the shares (3000万元 × 20% capped at 500万元; the page's total).
  fireEvent.click(c.querySelector('#share-with-figures')!)
  const ticked = hooks.share!({ from: 'button', target: { dataset: { measure: 'm08', item: 'm08.upgrade' } } }) as Shared
  expect(ticked.title).toBe('技术改造项目补助：我测算 500万元｜第（八）条 引导企业增加技术改造投入')
  const tickedMenu = hooks.share!({ from: 'menu' }) as Shared
  expect(tickedMenu.title).toContain(`${c.querySelector('#results-total')!.textContent}万元`)
  expect(tickedMenu.path).toBe('/pages/index/index')
  // Each card due or nearly due carries the deadline-reminder button of its measure.
  expect(c.querySelector('#result-m08-upgrade .subscribe-button')?.getAttribute('data-measure')).toBe('m08')
  expect(c.querySelector('#result-m08-robots .subscribe-button')?.getAttribute('data-measure')).toBe('m08')
  expect(c.querySelector('#result-m13-integration-level .subscribe-button')?.getAttribute('data-measure')).toBe('m13')
})

test('no answers yet, or answers that need fixing', async () => {
  storage.clear()
  let c = await renderPage()
  expect(c.querySelector('#results-empty')).not.toBeNull()
  fireEvent.click(c.querySelector('#results-start')!)
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/questionnaire/index' })

  storage.set(DRAFT_KEY, setText(persona1(), 'm14.cloudCost', '-1'))
  c = await renderPage()
  expect(c.querySelector('#results-invalid')?.textContent).toContain('有 1 处填写需要修改')
  expect(c.querySelector('#results-invalid')?.textContent).toContain('「设备上云上平台的实际费用」不能为负数')
  expect(mockedCall.mock.calls.some(([n]) => n === 'calculate')).toBe(false)
})

test('（七） craftsmen’s awards: their own group and line, never in the enterprise total', async () => {
  // 2 大国工匠 × 20万元 = 40万元 for the people; the enterprise keeps persona 1's 638万元.
  const d = setText(toggleTopic(persona1(), 'craftsmen'), 'm07.greatCraftsmen', '2')
  storage.set(DRAFT_KEY, d)
  calculateAnswer = () => Promise.resolve({ ok: true, data: JSON.parse(JSON.stringify(local(d))) })
  const c = await renderPage()
  expect(c.querySelector('#results-total')?.textContent).toBe('638')
  expect(c.querySelector('#results-people')?.textContent).toBe('本企业工匠个人可获 40万元（发给个人，不计入企业合计）')
  expect(c.querySelector('#group-people .results__group-title')?.textContent).toBe('本企业工匠个人可获（1 项）')
  expect(c.querySelector('#group-eligible [data-item="m07.great-craftsman"]')).toBeNull()
  expect(c.querySelector('#result-m07-great-craftsman-figure')?.textContent).toBe('40万元')
})

test('（二十） answered 是: with what can be claimed, 金额待核定, not under 非资金支持', async () => {
  const d: Draft = { ...emptyDraft('park'), step: 'questions', topics: ['park'] }
  const park = setAnswer(d, 'm20.demoPark', true)
  storage.set(DRAFT_KEY, park)
  calculateAnswer = () => Promise.resolve({ ok: true, data: JSON.parse(JSON.stringify(local(park))) })
  const c = await renderPage()
  expect(c.querySelector('#group-eligible [data-item="m20.low-carbon-park"]')).not.toBeNull()
  expect(c.querySelector('#group-nonMonetary [data-item="m20.low-carbon-park"]')).toBeNull()
  expect(c.querySelector('#result-m20-low-carbon-park-figure')?.textContent).toBe('金额待核定')
  expect(c.querySelector('#results-covers')?.textContent).toBe('涉及 1 条措施')
  expect(c.querySelector('.results__lead')?.textContent).toBe('你有 1 个可申请事项')
  expect(c.querySelector('#results-set-by-department')?.textContent).toBe('1 项金额待核定（清单未给出标准，由主管部门核定），未计入合计')
  expect(c.querySelector('#results-total')).toBeNull()
  expect(c.textContent).not.toMatch(/若[^：]*：0元/)
})
