/**
 * The admin pages (管理 subpackage, WeChat and H5) against a fake cloud: the gate every page shares
 * (仅管理员可用 with the caller's id, the first-admin claim, errors with 重试); the hub's deadline
 * lists (tabs, 加载更多, re-fetch on show) and ways out; creating and editing a deadline (the cloud's
 * field messages inline, typed text kept, who the reminders reach, delete confirmation naming the
 * count); importing from a chat file (WeChat's chooseMessageFile and the browser's file input),
 * dry-run preview, every bad row listed, confirm; the list's status; admins; audit log and timer runs.
 */
import React from 'react'
import { act, fireEvent, render, waitFor, type RenderResult } from '@testing-library/react'
import { type AuditEntry, type Deadline, type DeadlinesResponse, type ListStatus, type ReminderReach, type RemindRunSummary, MAX_REQUEST_BYTES } from '@cloud-api/api'
import { DEADLINE_FIELDS } from '@cloud-api/deadline-input'
import { NOTICE_MAX } from '@cloud-api/list-status'
import { type Envelope, callCloud } from '@/services/cloud'

jest.mock('@tarojs/components', () => jest.requireActual('./admin-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./admin-mocks').taro)
// The cloud is faked; its pure helpers (errorMessages) are the real ones.
jest.mock('@/services/cloud', () => ({ ...jest.requireActual('@/services/cloud'), callCloud: jest.fn(), getDevOpenid: jest.fn(() => 'dev-user-a') }))

import { api, files, modal, pages, resetTaro, router, showAgain } from './admin-mocks'
import { gbk, utf16 } from '../support/gbk'
import { importRequestBytes, importTooLarge, MAX_FILE_BYTES } from '@/pages/admin/import/pick-file'
import { ADMIN_NOTE_MAX, DEADLINE_FORM_FIELDS, IMPORT_HEADER, LIST_NOTICE_MAX, forgetAdminMe } from '@/services/admin'
import AdminEntry from '@/components/admin-entry'
import AdminPage from '@/pages/admin/index'
import AdminDeadlinePage, { MISSING } from '@/pages/admin/deadline/index'
import AdminImportPage from '@/pages/admin/import/index'
import AdminStatusPage from '@/pages/admin/status/index'
import AdminAdminsPage from '@/pages/admin/admins/index'
import AdminLogPage from '@/pages/admin/log/index'
import { todayBeijing } from '@/services/beijing-time'
import { deadlines } from '@cloud-api/handlers/deadlines'
import { runHandler } from '@cloud-api/handler'
import { FakeWxDatabase } from '../fakes/fake-wx-db'
import { wxDocumentStore } from '@cloud-api/wx-db'
import { repos } from '@cloud-api/repos'
import { fakeContext } from '../unit/cloud/fakes'
import { TextEncoder } from 'node:util'

const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>

// ---- a fake cloud: one answer per `function.action` ----------------------------------------------

type Answer = (request: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>
let cloud: Record<string, Answer> = {}
const ok = (data: unknown): Envelope<unknown> => ({ ok: true, data })
const fail = (code: string, message: string, fields?: { field: string; message: string }[]): Envelope<unknown> => ({ ok: false, error: { code, message, ...(fields ? { fields } : {}) } })
const me = (isAdmin: boolean, canClaim = false, openid = 'oAdminSelf') => ok({ action: 'me', isAdmin, openid, canClaim } satisfies DeadlinesResponse)
/** Requests to the cloud, as `function.action` plus the request. */
const calls = () => mockedCall.mock.calls.map(([name, req]) => ({ key: `${name}.${(req as { action: string }).action}`, req: req as Record<string, unknown> }))
const callsOf = (key: string) => calls().filter((c) => c.key === key).map((c) => c.req)

beforeEach(() => {
  resetTaro()
  forgetAdminMe()
  mockedCall.mockReset()
  cloud = {
    'deadlines.me': () => me(true),
    // The editor's 适用事项 picker asks for the typed measure's items (none known here: the hint shows).
    'deadlines.items': () => ok({ action: 'items', measureId: null, measureLabel: '', measureTitle: '', items: [] } satisfies DeadlinesResponse),
  }
  mockedCall.mockImplementation((async (name: string, request: Record<string, unknown>) => {
    const answer = cloud[`${name}.${String(request.action)}`]
    if (!answer) throw new Error(`unexpected call ${name}.${String(request.action)}`)
    return answer(request)
  }) as unknown as typeof callCloud)
})

function dl(id: string, over: Partial<Deadline> = {}): Deadline {
  return {
    id,
    measureId: 'm01',
    measureLabel: '（一）',
    measureTitle: '支持企业创新平台建设',
    batchTitle: `批次 ${id}`,
    opensOn: '2022-06-01',
    closesOn: '2022-06-30',
    issuer: '自治区工业和信息化厅',
    sourceUrl: 'https://gxt.nmg.gov.cn/n/1',
    sample: false,
    status: 'open',
    daysToClose: 7,
    updatedAt: '2022-06-01T00:00:00.000Z',
    ...over,
  }
}

/**
 * The deadlines cloud function itself, called as `openid` over a fresh in-memory WeChat database with
 * this environment: for tests whose answers depend on the function's rules, so they are never copied.
 */
async function realDeadlines(openid: string, { env = {}, admins = [] }: { env?: Record<string, string>; admins?: AdminRecord[] } = {}): Promise<Answer> {
  // The functions run on Node, whose TextEncoder they use (request sizes); jsdom has none.
  ;(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder
  const db = wxDocumentStore(() => new FakeWxDatabase())
  for (const admin of admins) await repos(db).admins.add(admin)
  return (request) => runHandler('deadlines', deadlines, request, fakeContext({ openid, db, env, now: () => new Date('2022-06-23T02:00:00Z') }))
}
type AdminRecord = Parameters<ReturnType<typeof repos>['admins']['add']>[0]

const $ = (r: RenderResult, sel: string) => r.container.querySelector(sel)
const text = (r: RenderResult, sel: string) => $(r, sel)?.textContent ?? ''
const type = (r: RenderResult, sel: string, value: string) => fireEvent.change($(r, sel)!, { target: { value } })
async function tap(r: RenderResult, sel: string) {
  const el = $(r, sel)
  if (!el) throw new Error(`no ${sel}`)
  await act(async () => {
    fireEvent.click(el)
  })
}
/** Renders a page and waits until the gate has its answer. */
async function open(Page: () => React.ReactElement | null): Promise<RenderResult> {
  const r = render(<Page />)
  await waitFor(() => expect($(r, '#admin-loading')).toBeNull())
  return r
}

const ALL_PAGES: [string, () => React.ReactElement | null, string][] = [
  ['管理', AdminPage, '#admin-new'],
  ['截止时间', AdminDeadlinePage, '#admin-save'],
  ['导入', AdminImportPage, '#import-pick'],
  ['清单状态', AdminStatusPage, '#status-form'],
  ['管理员', AdminAdminsPage, '#admins-add'],
  ['记录', AdminLogPage, '#log-tab-audit'],
]

// ---- the gate ----------------------------------------------------------------------------------

describe('every admin page: the gate', () => {
  it.each(ALL_PAGES)('%s: a non-admin sees 仅管理员可用 with their id, and nothing of the page', async (_name, Page, pageElement) => {
    cloud['deadlines.me'] = () => me(false, false, 'oUser12345')
    const r = await open(Page)
    expect(text(r, '#admin-denied')).toContain('仅管理员可用')
    expect(text(r, '#admin-openid')).toBe('oUser12345')
    expect($(r, pageElement)).toBeNull()
    expect($(r, '#admin-claim-form')).toBeNull()
    expect(calls().map((c) => c.key)).toEqual(['deadlines.me'])
    // What ships in the WeChat build says nothing of development or samples.
    for (const word of ['开发', '示例', '模拟', 'dev-user', 'openid', 'LOCAL_ADMINS', 'npm']) expect(r.container.textContent).not.toContain(word)

    await tap(r, '#admin-copy-openid')
    expect(api.setClipboardData).toHaveBeenCalledWith({ data: 'oUser12345' })
  })

  it('the browser build adds the local bootstrap hint', async () => {
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = 'h5'
    try {
      cloud['deadlines.me'] = () => me(false, false, 'dev-user-b')
      const r = await open(AdminPage)
      expect(text(r, '#admin-dev-hint')).toContain('LOCAL_ADMINS=dev-user-b')
    } finally {
      process.env.TARO_ENV = env
    }
  })

  it('while there is no admin and a code is set: the first admin claims with it, and the page opens', async () => {
    // The real deadlines function answers, over an empty store with a bootstrap code set: who may
    // claim, the code's checks and 口令不正确 are the function's rules, not a copy of them here.
    const deadlinesFunction = await realDeadlines('oFirst', { env: { ADMIN_BOOTSTRAP_CODE: 'right-code-2022-nmg' } })
    for (const action of ['me', 'claimAdmin', 'list']) cloud[`deadlines.${action}`] = deadlinesFunction
    const r = await open(AdminPage)
    expect(text(r, '#admin-claim-form')).toContain('设置首位管理员')

    await tap(r, '#admin-claim')
    expect(text(r, '#admin-claim-message')).toBe('请输入口令')
    expect(callsOf('deadlines.claimAdmin')).toHaveLength(0)

    type(r, '#admin-claim-code', 'wrong')
    await tap(r, '#admin-claim')
    await waitFor(() => expect(text(r, '#admin-claim-message')).toBe('口令不正确'))

    type(r, '#admin-claim-code', ' right-code-2022-nmg ')
    await tap(r, '#admin-claim')
    expect(callsOf('deadlines.claimAdmin').at(-1)).toEqual({ action: 'claimAdmin', code: 'right-code-2022-nmg' })
    await waitFor(() => expect($(r, '#admin-new')).not.toBeNull())
    expect(api.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已成为管理员' }))
  })

  it('a failed check says why, and 重试 asks again', async () => {
    cloud['deadlines.me'] = () => fail('NETWORK', '网络不可用，请稍后再试')
    const r = await open(AdminPage)
    expect(text(r, '#admin-error')).toContain('网络不可用')
    cloud['deadlines.me'] = () => me(false)
    await tap(r, '#admin-retry')
    await waitFor(() => expect($(r, '#admin-denied')).not.toBeNull())
  })
})

// ---- the hub -----------------------------------------------------------------------------------

describe('管理 (hub)', () => {
  it('lists the deadlines not yet closed page by page, the closed ones on their tab, and opens one', async () => {
    const page1 = Array.from({ length: 20 }, (_, i) => dl(`dl-a${i}`))
    cloud['deadlines.list'] = (req) => {
      if (req.scope === 'closed') return ok({ action: 'list', today: '2022-06-23', deadlines: [dl('dl-old', { status: 'closed', daysToClose: -30 })], nextCursor: null })
      if (req.cursor === '20') return ok({ action: 'list', today: '2022-06-23', deadlines: [dl('dl-b', { status: 'upcoming', opensOn: '2022-07-01', closesOn: '2022-07-31' })], nextCursor: null })
      return ok({ action: 'list', today: '2022-06-23', deadlines: page1, nextCursor: '20' })
    }
    const r = await open(AdminPage)
    await waitFor(() => expect(r.container.querySelectorAll('#admin-list-current .admin__row')).toHaveLength(20))
    expect(callsOf('deadlines.list')[0]).toEqual({ action: 'list', scope: 'current', limit: 20 })
    expect(text(r, '#admin-deadline-dl-a0')).toContain('（一）批次 dl-a0')
    expect(text(r, '#admin-deadline-dl-a0')).toContain('申报中，还有 7 天截止')

    await tap(r, '#admin-more')
    await waitFor(() => expect(r.container.querySelectorAll('#admin-list-current .admin__row')).toHaveLength(21))
    expect(callsOf('deadlines.list')[1]).toEqual({ action: 'list', scope: 'current', limit: 20, cursor: '20' })
    expect(text(r, '#admin-deadline-dl-b')).toContain('未开始（2022-07-01 开始）')
    expect($(r, '#admin-more')).toBeNull()
    expect(r.container.textContent).toContain('共 21 条')

    await tap(r, '#admin-tab-closed')
    await waitFor(() => expect($(r, '#admin-deadline-dl-old')).not.toBeNull())
    expect(callsOf('deadlines.list')[2]).toEqual({ action: 'list', scope: 'closed', limit: 20 })
    expect(text(r, '#admin-deadline-dl-old')).toContain('已截止')

    await tap(r, '#admin-deadline-dl-old')
    expect(api.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/admin/deadline/index?id=dl-old' })
  })

  it('its buttons open the other admin pages, and the lists are fetched again when it shows again', async () => {
    cloud['deadlines.list'] = () => ok({ action: 'list', today: '2022-06-23', deadlines: [], nextCursor: null })
    const r = await open(AdminPage)
    await waitFor(() => expect($(r, '#admin-list-empty')).not.toBeNull())
    const routes: Record<string, string> = {
      '#admin-new': '/pages/admin/deadline/index',
      '#admin-import': '/pages/admin/import/index',
      '#admin-status': '/pages/admin/status/index',
      '#admin-admins': '/pages/admin/admins/index',
      '#admin-log': '/pages/admin/log/index',
      '#admin-screen': '/pages/admin/screen/index',
    }
    for (const [sel, url] of Object.entries(routes)) {
      await tap(r, sel)
      expect(api.navigateTo).toHaveBeenLastCalledWith({ url })
    }
    expect(callsOf('deadlines.list')).toHaveLength(1)
    await act(async () => showAgain())
    expect(callsOf('deadlines.list')).toHaveLength(2)
  })

  it('a failed list says why and retries', async () => {
    cloud['deadlines.list'] = () => fail('INTERNAL', '服务暂时不可用，请稍后再试')
    const r = await open(AdminPage)
    await waitFor(() => expect(text(r, '#admin-list-error')).toContain('服务暂时不可用'))
    cloud['deadlines.list'] = () => ok({ action: 'list', today: '2022-06-23', deadlines: [dl('dl-1')], nextCursor: null })
    await tap(r, '#admin-list-retry')
    await waitFor(() => expect($(r, '#admin-deadline-dl-1')).not.toBeNull())
  })
})

// ---- one deadline ------------------------------------------------------------------------------

const REACH: ReminderReach[] = [
  { kind: 'week', label: '截止前 7 天', forBatch: 3, forNext: 2, capped: false },
  { kind: 'day', label: '截止前 1 天', forBatch: 1, forNext: 0, capped: false },
]

describe('截止时间: create', () => {
  it('shows the cloud’s messages under their fields and keeps what was typed; a valid one is saved and the page goes back', async () => {
    cloud['deadlines.create'] = (req) => {
      const d = req.deadline as Record<string, string>
      if (d.closesOn === '2022-02-30') {
        return fail('INVALID_INPUT', '「截止日期」“2022-02-30”不是有效日期（应为真实的日历日期，如 2022-06-30）', [
          { field: 'deadline.closesOn', message: '「截止日期」“2022-02-30”不是有效日期（应为真实的日历日期，如 2022-06-30）' },
          { field: 'deadline.sourceUrl', message: '「来源链接」应为 http:// 或 https:// 开头的网址' },
        ])
      }
      return ok({ action: 'create', deadline: dl('dl-new') })
    }
    const r = await open(AdminDeadlinePage)
    expect(text(r, '#deadline-form')).toContain('新增截止时间')
    expect($(r, '#deadline-delete')).toBeNull()
    expect($(r, '#deadline-reach')).toBeNull()
    expect(api.setNavigationBarTitle).toHaveBeenCalledWith({ title: '新增截止时间' })
    for (const f of DEADLINE_FORM_FIELDS) expect(r.container.textContent).toContain(f.label)

    type(r, '#admin-measureId', 'm01')
    type(r, '#admin-batchTitle', '2022 年度认定')
    type(r, '#admin-closesOn', '2022-02-30')
    type(r, '#admin-sourceUrl', 'gxt.nmg.gov.cn')
    await tap(r, '#admin-save')
    expect(callsOf('deadlines.create')[0]).toEqual({ action: 'create', deadline: { measureId: 'm01', batchTitle: '2022 年度认定', opensOn: '', closesOn: '2022-02-30', issuer: '', sourceUrl: 'gxt.nmg.gov.cn' } })
    await waitFor(() => expect(text(r, '#admin-closesOn-error')).toContain('不是有效日期'))
    expect(text(r, '#admin-sourceUrl-error')).toBe('「来源链接」应为 http:// 或 https:// 开头的网址')
    expect($(r, '#admin-measureId-error')).toBeNull()
    expect($(r, '#deadline-error')).toBeNull()
    expect(($(r, '#admin-closesOn') as HTMLInputElement).value).toBe('2022-02-30')
    expect(($(r, '#admin-batchTitle') as HTMLInputElement).value).toBe('2022 年度认定')
    expect(api.navigateBack).not.toHaveBeenCalled()

    // Typing in a field clears its message.
    type(r, '#admin-closesOn', '2022-06-30')
    expect($(r, '#admin-closesOn-error')).toBeNull()
    await tap(r, '#admin-save')
    expect(api.showToast).toHaveBeenCalledWith({ title: '已新增', icon: 'success' })
    await waitFor(() => expect(api.navigateBack).toHaveBeenCalled(), { timeout: 2000 })
  })

  it('opened directly (nothing below it), a saved deadline leads to the 管理 page', async () => {
    pages.splice(0, pages.length, { route: 'pages/admin/deadline/index' })
    cloud['deadlines.create'] = () => ok({ action: 'create', deadline: dl('dl-new') })
    const r = await open(AdminDeadlinePage)
    await tap(r, '#admin-save')
    await waitFor(() => expect(api.redirectTo).toHaveBeenCalledWith({ url: '/pages/admin/index' }), { timeout: 2000 })
    expect(api.navigateBack).not.toHaveBeenCalled()
  })

  it('an error naming no field (e.g. FORBIDDEN) is shown above the button', async () => {
    cloud['deadlines.create'] = () => fail('FORBIDDEN', '仅管理员可以修改申报截止时间')
    const r = await open(AdminDeadlinePage)
    await tap(r, '#admin-save')
    await waitFor(() => expect(text(r, '#deadline-error')).toBe('仅管理员可以修改申报截止时间'))
  })
})

describe('截止时间: edit', () => {
  beforeEach(() => {
    router.params = { id: 'dl-m01-1' }
    cloud['deadlines.reach'] = (req) => (req.id === 'dl-m01-1' ? ok({ action: 'reach', today: '2022-06-23', deadline: dl('dl-m01-1', { batchTitle: '2022 年度认定' }), reminders: REACH }) : fail('INVALID_INPUT', MISSING, [{ field: 'id', message: MISSING }]))
  })

  it('loads the deadline with who its reminders reach; a refused measure change is shown under 措施编号', async () => {
    const measureHeld = '已有 4 位用户订阅了这一批次的提醒，不能把它改到另一项措施（他们订阅的是原措施）。如确需更改，请为新措施另建一条截止时间。'
    cloud['deadlines.update'] = () => fail('INVALID_INPUT', measureHeld, [{ field: 'deadline.measureId', message: measureHeld }])
    const r = await open(AdminDeadlinePage)
    await waitFor(() => expect($(r, '#deadline-reach')).not.toBeNull())
    expect(callsOf('deadlines.reach')[0]).toEqual({ action: 'reach', id: 'dl-m01-1' })
    expect(api.setNavigationBarTitle).toHaveBeenCalledWith({ title: '修改截止时间' })
    expect(($(r, '#admin-batchTitle') as HTMLInputElement).value).toBe('2022 年度认定')
    expect(($(r, '#admin-measureId') as HTMLInputElement).value).toBe('m01')
    expect(text(r, '#deadline-reach')).toContain('谁会收到提醒')
    expect(text(r, '#deadline-reach-week-batch')).toBe('本批次订阅 3 人')
    expect(text(r, '#deadline-reach-week-next')).toBe('订阅「下一批次」的 2 人（若本批次先到提醒日也会用到）')
    expect(text(r, '#deadline-reach-day-batch')).toBe('本批次订阅 1 人')

    type(r, '#admin-measureId', 'm02')
    await tap(r, '#admin-save')
    expect(callsOf('deadlines.update')[0]).toEqual({ action: 'update', id: 'dl-m01-1', revision: 0, deadline: expect.objectContaining({ measureId: 'm02', batchTitle: '2022 年度认定' }) })
    await waitFor(() => expect(text(r, '#admin-measureId-error')).toBe(measureHeld))
    expect(($(r, '#admin-measureId') as HTMLInputElement).value).toBe('m02')
  })

  it('counts past the cap read 至少', async () => {
    cloud['deadlines.reach'] = () => ok({ action: 'reach', today: '2022-06-23', deadline: dl('dl-m01-1'), reminders: [{ kind: 'week', label: '截止前 7 天', forBatch: 5000, forNext: 12, capped: true }] })
    const r = await open(AdminDeadlinePage)
    await waitFor(() => expect($(r, '#deadline-reach')).not.toBeNull())
    expect(text(r, '#deadline-reach-week-batch')).toBe('本批次订阅 至少 5000 人')
    expect(text(r, '#deadline-reach-week-next')).toContain('的 12 人')
  })

  it('delete asks first, saying how many users hold a reminder for this batch; confirmed, it deletes and goes back', async () => {
    cloud['deadlines.delete'] = () => ok({ action: 'delete', removed: true })
    const r = await open(AdminDeadlinePage)
    await waitFor(() => expect($(r, '#deadline-delete')).not.toBeNull())

    modal.confirm = false
    await tap(r, '#deadline-delete')
    const content = (api.showModal.mock.calls[0][0] as { content: string }).content
    expect(content).toContain('删除「2022 年度认定」')
    expect(content).toContain('截止前 7 天 3 人')
    expect(content).toContain('截止前 1 天 1 人')
    expect(content).toContain('删除后他们不会收到这一批次的提醒')
    expect(callsOf('deadlines.delete')).toHaveLength(0)

    modal.confirm = true
    await tap(r, '#deadline-delete')
    expect(callsOf('deadlines.delete')[0]).toEqual({ action: 'delete', id: 'dl-m01-1', revision: 0 })
    expect(api.showToast).toHaveBeenCalledWith({ title: '已删除', icon: 'success' })
    await waitFor(() => expect(api.navigateBack).toHaveBeenCalled(), { timeout: 2000 })
  })

  it('with nobody subscribed the confirmation says so', async () => {
    cloud['deadlines.reach'] = () => ok({ action: 'reach', today: '2022-06-23', deadline: dl('dl-m01-1'), reminders: REACH.map((x) => ({ ...x, forBatch: 0 })) })
    modal.confirm = false
    const r = await open(AdminDeadlinePage)
    await waitFor(() => expect($(r, '#deadline-delete')).not.toBeNull())
    await tap(r, '#deadline-delete')
    expect((api.showModal.mock.calls[0][0] as { content: string }).content).toContain('目前没有用户持有这一批次的提醒授权')
  })

  it('a deadline that is gone says so', async () => {
    router.params = { id: 'dl-gone' }
    const r = await open(AdminDeadlinePage)
    await waitFor(() => expect(text(r, '#deadline-load-error')).toContain('这条截止时间不存在（可能已被删除）'))
    expect($(r, '#admin-save')).toBeNull()
  })
})

// ---- import ------------------------------------------------------------------------------------

const CSV = `${IMPORT_HEADER}\nm01,2022 年度认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://a.cn/1\nm02,2022 年度奖励,2022-07-01,2022-07-31,自治区工业和信息化厅,https://a.cn/2\nm03,2022 年度补助,2022-08-01,2022-08-31,自治区财政厅,https://a.cn/3`

function importAnswer(req: Record<string, unknown>): Envelope<unknown> {
  const rows = [
    dl('dl-1', { batchTitle: '2022 年度认定' }),
    dl('dl-2', { measureId: 'm02', measureLabel: '（二）', batchTitle: '2022 年度奖励', opensOn: '2022-07-01', closesOn: '2022-07-31' }),
    dl('dl-3', { measureId: 'm03', measureLabel: '（三）', batchTitle: '2022 年度补助', opensOn: '2022-08-01', closesOn: '2022-08-31' }),
  ]
  return ok({ action: 'import', dryRun: req.dryRun === true, created: 1, updated: 1, unchanged: 1, outcomes: ['created', 'updated', 'unchanged'], rows: [2, 3, 4], deadlines: rows })
}

describe('从聊天文件导入', () => {
  it('shows the expected format; a file picked from a chat is checked without writing, previewed row by row, then imported', async () => {
    files.choose = { tempFiles: [{ name: '截止时间.csv', path: 'wxfile://tmp_1.csv', size: CSV.length, time: 0, type: 'file' }] }
    files.contents.set('wxfile://tmp_1.csv', CSV)
    cloud['deadlines.import'] = importAnswer
    const r = await open(AdminImportPage)
    expect(text(r, '#import-header')).toBe('措施编号,批次名称,开始日期,截止日期,发布机关,来源链接')
    expect(text(r, '#import-pick')).toBe('从聊天中选择文件')

    await tap(r, '#import-pick')
    expect(api.chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['csv', 'json', 'txt'] })
    await waitFor(() => expect($(r, '#import-preview')).not.toBeNull())
    expect(callsOf('deadlines.import')[0]).toEqual({ action: 'import', format: 'csv', text: CSV, dryRun: true })
    expect(text(r, '#import-file')).toContain('截止时间.csv')
    expect(text(r, '#import-preview-counts')).toBe('将新增 1 条，更新 1 条，未变 1 条。')
    expect(text(r, '#import-row-1')).toContain('第 2 行 · 新增')
    expect(text(r, '#import-row-1')).toContain('（一）2022 年度认定')
    expect(text(r, '#import-row-1')).toContain('2022-06-01 至 2022-06-30')
    expect(text(r, '#import-row-2')).toContain('第 3 行 · 更新')
    expect(text(r, '#import-row-3')).toContain('第 4 行 · 未变')
    expect(text(r, '#import-row-3')).toContain('（三）2022 年度补助')

    await tap(r, '#import-confirm')
    expect(callsOf('deadlines.import')[1]).toEqual({ action: 'import', format: 'csv', text: CSV, dryRun: false })
    await waitFor(() => expect(text(r, '#import-done')).toContain('已导入：新增 1 条，更新 1 条，未变 1 条。'))
    expect($(r, '#import-confirm')).toBeNull()
  })

  it('lists every bad row the cloud names, and offers no import', async () => {
    const fields = [
      { field: 'rows[1].closesOn', message: '第 1 行「截止日期」“2022-02-30”不是有效日期（应为真实的日历日期，如 2022-06-30）' },
      { field: 'rows[3].measureId', message: '第 3 行「措施编号」“m99”不在 2022 年政策清单中（应为 m01–m30）' },
      { field: 'rows[4].sourceUrl', message: '第 4 行「来源链接」应为 http:// 或 https:// 开头的网址' },
    ]
    files.choose = { tempFiles: [{ name: 'bad.csv', path: 'wxfile://bad', size: 10, time: 0, type: 'file' }] }
    files.contents.set('wxfile://bad', 'x')
    cloud['deadlines.import'] = () => fail('INVALID_INPUT', fields[0].message, fields)
    const r = await open(AdminImportPage)
    await tap(r, '#import-pick')
    await waitFor(() => expect($(r, '#import-errors')).not.toBeNull())
    expect(text(r, '#import-errors')).toContain('共 3 处')
    fields.forEach((f, i) => expect(text(r, `#import-error-${i}`)).toBe(f.message))
    expect($(r, '#import-confirm')).toBeNull()
    expect($(r, '#import-preview')).toBeNull()
  })

  it('a .json file is read as JSON; switching the format checks again', async () => {
    const json = '[{"measureId":"m01"}]'
    files.choose = { tempFiles: [{ name: 'deadlines.JSON', path: 'wxfile://j', size: json.length, time: 0, type: 'file' }] }
    files.contents.set('wxfile://j', json)
    cloud['deadlines.import'] = importAnswer
    const r = await open(AdminImportPage)
    await tap(r, '#import-pick')
    await waitFor(() => expect($(r, '#import-preview')).not.toBeNull())
    expect(callsOf('deadlines.import')[0]).toEqual({ action: 'import', format: 'json', text: json, dryRun: true })
    expect($(r, '#import-format-json')?.getAttribute('aria-pressed')).toBe('true')
    await tap(r, '#import-format-csv')
    expect(callsOf('deadlines.import')[1]).toEqual({ action: 'import', format: 'csv', text: json, dryRun: true })
  })

  it('a cancelled pick says nothing; a file that cannot be read, too big or not UTF-8 says what to do', async () => {
    cloud['deadlines.import'] = importAnswer
    const r = await open(AdminImportPage)
    await tap(r, '#import-pick')
    expect($(r, '#import-pick-message')).toBeNull()
    expect($(r, '.error-text')).toBeNull()
    expect(callsOf('deadlines.import')).toHaveLength(0)

    files.choose = { tempFiles: [{ name: 'a.csv', path: 'wxfile://missing', size: 10, time: 0, type: 'file' }] }
    await tap(r, '#import-pick')
    await waitFor(() => expect(text(r, '#import-pick-message')).toContain('无法读取这个文件'))

    files.choose = { tempFiles: [{ name: 'big.csv', path: 'wxfile://big', size: 2 * 1024 * 1024, time: 0, type: 'file' }] }
    await tap(r, '#import-pick')
    await waitFor(() => expect(text(r, '#import-pick-message')).toContain('内容太大'))

    files.choose = { tempFiles: [{ name: 'gbk.csv', path: 'wxfile://gbk', size: 10, time: 0, type: 'file' }] }
    files.contents.set('wxfile://gbk', '\uFFFD\uFFFD,\uFFFD')
    await tap(r, '#import-pick')
    await waitFor(() => expect(text(r, '#import-pick-message')).toContain('CSV UTF-8'))
    expect(callsOf('deadlines.import')).toHaveLength(0)
  })

  // Issue 25, item 5: the page, `npm run admin -- import` and the deadlines function read a file the same way.
  const ASCII_HEADER_CSV = 'measureId,batchTitle,opensOn,closesOn,issuer,sourceUrl\nm01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/1\n'
  const NOT_UTF8 = '文件不是 UTF-8 编码（可能是 GBK），从第 2 行第 10 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」'
  it.each([
    ['WeChat', 'weapp'],
    ['the browser', 'h5'],
  ])('in %s, a GBK CSV is refused with the same message as the CLI and the function, and nothing is sent', async (_, taroEnv) => {
    await pickBytes(taroEnv, gbk(ASCII_HEADER_CSV))
    expect(callsOf('deadlines.import')).toHaveLength(0)
  })

  it.each([
    ['WeChat', 'UTF-16LE', 'weapp', true],
    ['WeChat', 'UTF-16BE', 'weapp', false],
    ['the browser', 'UTF-16LE', 'h5', true],
  ])('in %s, a %s CSV with its BOM is read right', async (_, _encoding, taroEnv, littleEndian) => {
    await pickBytes(taroEnv, utf16(ASCII_HEADER_CSV, littleEndian))
    expect(callsOf('deadlines.import')[0]).toEqual({ action: 'import', format: 'csv', text: ASCII_HEADER_CSV, dryRun: true })
  })

  /** Picks a file holding `bytes` (a chat file in WeChat, the file input in the browser build), and waits for the page's answer. */
  async function pickBytes(taroEnv: string, bytes: Uint8Array): Promise<void> {
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = taroEnv
    files.choose = { tempFiles: [{ name: 'dl.csv', path: 'wxfile://dl.csv', size: bytes.length, time: 0, type: 'file' }] }
    files.contents.set('wxfile://dl.csv', bytes)
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [new File([bytes as Uint8Array<ArrayBuffer>], 'dl.csv', { type: 'text/csv' })] })
      this.dispatchEvent(new Event('change'))
    })
    try {
      cloud['deadlines.import'] = importAnswer
      const r = await open(AdminImportPage)
      await tap(r, '#import-pick')
      await waitFor(() => expect($(r, '#import-pick-message') ?? $(r, '#import-preview')).not.toBeNull())
      if ($(r, '#import-pick-message')) expect(text(r, '#import-pick-message')).toBe(NOT_UTF8)
    } finally {
      click.mockRestore()
      process.env.TARO_ENV = env
    }
  }

  it('pasted text is checked the same way', async () => {
    cloud['deadlines.import'] = importAnswer
    const r = await open(AdminImportPage)
    await tap(r, '#import-check-paste')
    expect(text(r, '#import-pick-message')).toBe('请先粘贴要导入的内容')
    type(r, '#import-text', CSV)
    await tap(r, '#import-check-paste')
    await waitFor(() => expect($(r, '#import-preview')).not.toBeNull())
    expect(callsOf('deadlines.import')[0]).toEqual({ action: 'import', format: 'csv', text: CSV, dryRun: true })
    expect($(r, '#import-file')).toBeNull()
  })

  it('in the browser build a file input is used, and WeChat’s chat file picker is not', async () => {
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = 'h5'
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [new File([CSV], 'dl.csv', { type: 'text/csv' })] })
      this.dispatchEvent(new Event('change'))
    })
    try {
      cloud['deadlines.import'] = importAnswer
      const r = await open(AdminImportPage)
      expect(text(r, '#import-pick')).toBe('选择文件')
      await tap(r, '#import-pick')
      await waitFor(() => expect($(r, '#import-preview')).not.toBeNull())
      expect(api.chooseMessageFile).not.toHaveBeenCalled()
      expect(callsOf('deadlines.import')[0]).toEqual({ action: 'import', format: 'csv', text: CSV, dryRun: true })
      expect(document.querySelector('input[type="file"]')).toBeNull()
    } finally {
      click.mockRestore()
      process.env.TARO_ENV = env
    }
  })
})

// ---- the list's status -------------------------------------------------------------------------

describe('清单状态', () => {
  const unverified: ListStatus = { state: 'unverified', label: '状态未核实', notice: '', sourceUrl: '', checkedOn: null, updatedAt: null }

  it('shows the current status; the cloud’s messages go under their fields; a valid status is saved', async () => {
    cloud['listStatus.get'] = () => ok({ action: 'get', status: unverified })
    cloud['listStatus.set'] = (req) => {
      const s = req.status as Record<string, string>
      if (!s.sourceUrl) {
        return fail('INVALID_INPUT', '「说明」不能为空：请写明后续清单或废止文件的名称', [
          { field: 'status.notice', message: '「说明」不能为空：请写明后续清单或废止文件的名称' },
          { field: 'status.sourceUrl', message: '「依据链接」不能为空：请填写您核对的官方页面' },
        ])
      }
      return ok({ action: 'set', status: { ...s, label: '已有后续清单', updatedAt: '2026-12-01T02:30:00.000Z' } })
    }
    const r = await open(AdminStatusPage)
    await waitFor(() => expect($(r, '#status-form')).not.toBeNull())
    expect(text(r, '#status-current')).toContain('状态未核实')
    expect(text(r, '#status-current')).toContain('还没有管理员核对过')
    for (const label of ['在执行', '已有后续清单', '已废止', '状态未核实']) expect(text(r, '#status-form')).toContain(label)
    expect($(r, '#status-state-unverified')?.getAttribute('aria-pressed')).toBe('true')
    expect(($(r, '#status-checkedOn') as HTMLInputElement).value).toBe(todayBeijing())
    expect(todayBeijing()).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    await tap(r, '#status-state-superseded')
    await tap(r, '#status-save')
    expect(callsOf('listStatus.set')[0]).toEqual({ action: 'set', status: { state: 'superseded', notice: '', sourceUrl: '', checkedOn: todayBeijing() }, revision: 0 })
    await waitFor(() => expect(text(r, '#status-notice-error')).toContain('「说明」不能为空'))
    expect(text(r, '#status-sourceUrl-error')).toContain('「依据链接」不能为空')
    expect($(r, '#status-checkedOn-error')).toBeNull()

    type(r, '#status-notice', '2023 年清单已发布')
    type(r, '#status-sourceUrl', 'https://gxt.nmg.gov.cn/2023')
    type(r, '#status-checkedOn', '2026-12-01')
    expect(text(r, '#status-form')).toContain(`说明（11/${LIST_NOTICE_MAX}）`)
    await tap(r, '#status-save')
    expect(callsOf('listStatus.set')[1]).toEqual({ action: 'set', status: { state: 'superseded', notice: '2023 年清单已发布', sourceUrl: 'https://gxt.nmg.gov.cn/2023', checkedOn: '2026-12-01' }, revision: 0 })
    await waitFor(() => expect(text(r, '#status-current-label')).toBe('已有后续清单'))
    expect(text(r, '#status-current')).toContain('核对日期：2026-12-01')
    expect(text(r, '#status-current')).toContain('更新于 2026-12-01 10:30（北京时间）')
    expect(api.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  })

  it('a failed load says why and retries', async () => {
    cloud['listStatus.get'] = () => fail('NETWORK', '网络不可用，请稍后再试')
    const r = await open(AdminStatusPage)
    await waitFor(() => expect(text(r, '#status-load-error')).toContain('网络不可用'))
    cloud['listStatus.get'] = () => ok({ action: 'get', status: unverified })
    await tap(r, '#status-retry')
    await waitFor(() => expect($(r, '#status-form')).not.toBeNull())
  })
})

// ---- admins ------------------------------------------------------------------------------------

describe('管理员', () => {
  it('lists admins; adds one (the cloud’s field message inline); removes one after confirming; offers no 移除 on yourself (这是你自己)', async () => {
    // The real deadlines function over a store holding two admins: the openid's pattern, the
    // messages and who may be removed are the function's rules, not a copy of them here.
    const deadlinesFunction = await realDeadlines('oAdminSelf', {
      admins: [
        { _id: 'oAdminSelf', addedAt: '2022-06-01T01:00:00.000Z', addedBy: 'bootstrap', note: '首位管理员' },
        { _id: 'oOther', addedAt: '2022-06-02T01:00:00.000Z', addedBy: 'oAdminSelf' },
      ],
    })
    for (const action of ['me', 'admins', 'addAdmin', 'removeAdmin']) cloud[`deadlines.${action}`] = deadlinesFunction
    const r = await open(AdminAdminsPage)
    await waitFor(() => expect($(r, '#admins-row-oOther')).not.toBeNull())
    expect(text(r, '#admins-row-oAdminSelf')).toContain('oAdminSelf（你）')
    expect(text(r, '#admins-row-oAdminSelf')).toContain('首位管理员')
    expect(text(r, '#admins-row-oOther')).toContain('2022-06-02 09:00（北京时间）')
    expect($(r, '#admins-note')?.getAttribute('data-maxlength')).toBe(String(ADMIN_NOTE_MAX))

    await tap(r, '#admins-add')
    expect(text(r, '#admins-openid-error')).toContain('请填写对方的用户编号')
    type(r, '#admins-openid', 'bad id!')
    await tap(r, '#admins-add')
    await waitFor(() => expect(text(r, '#admins-openid-error')).toContain('1–64 位'))
    expect(($(r, '#admins-openid') as HTMLInputElement).value).toBe('bad id!')

    type(r, '#admins-openid', 'oNew')
    type(r, '#admins-note', '工信厅 张三')
    await tap(r, '#admins-add')
    expect(callsOf('deadlines.addAdmin').at(-1)).toEqual({ action: 'addAdmin', openid: 'oNew', note: '工信厅 张三' })
    await waitFor(() => expect(text(r, '#admins-row-oNew')).toContain('工信厅 张三'))
    expect(text(r, '#admins-notice')).toBe('已添加管理员 oNew。')
    expect(($(r, '#admins-openid') as HTMLInputElement).value).toBe('')

    modal.confirm = false
    await tap(r, '#admins-remove-oOther')
    expect((api.showModal.mock.calls.at(-1)![0] as { content: string }).content).toContain('移除管理员 oOther？')
    expect(callsOf('deadlines.removeAdmin')).toHaveLength(0)
    modal.confirm = true
    await tap(r, '#admins-remove-oOther')
    await waitFor(() => expect($(r, '#admins-row-oOther')).toBeNull())
    expect(text(r, '#admins-notice')).toBe('已移除管理员 oOther。')

    // Your own row offers no 移除 to confirm and then refuse (issue 22, item 12): it says why.
    expect($(r, '#admins-remove-oAdminSelf')).toBeNull()
    expect(text(r, '#admins-row-oAdminSelf')).toContain('这是你自己')
  })
})

// ---- logs --------------------------------------------------------------------------------------

describe('操作记录与发送记录', () => {
  function entry(i: number): AuditEntry {
    return { id: `a${i}`, at: '2022-06-20T01:02:03.000Z', actor: i === 0 ? 'oAdminSelf' : 'cli:ops', action: 'deadline.create', target: 'dl', summary: `新增截止时间 ${i}` }
  }

  it('the audit log: newest first in Beijing time, page by page', async () => {
    cloud['deadlines.audit'] = (req) =>
      req.cursor === '20'
        ? ok({ action: 'audit', entries: [entry(20)], nextCursor: null })
        : ok({ action: 'audit', entries: Array.from({ length: 20 }, (_, i) => entry(i)), nextCursor: '20' })
    const r = await open(AdminLogPage)
    await waitFor(() => expect(r.container.querySelectorAll('.log-entry')).toHaveLength(20))
    expect(callsOf('deadlines.audit')[0]).toEqual({ action: 'audit', limit: 20 })
    expect(text(r, '#log-entry-a0')).toContain('2022-06-20 09:02:03（北京时间） · oAdminSelf（你）')
    expect(text(r, '#log-entry-a0')).toContain('新增截止时间 0')
    expect(text(r, '#log-entry-a1')).toContain('运维命令（ops）')

    await tap(r, '#log-audit-more')
    await waitFor(() => expect(r.container.querySelectorAll('.log-entry')).toHaveLength(21))
    expect(callsOf('deadlines.audit')[1]).toEqual({ action: 'audit', limit: 20, cursor: '20' })
    expect($(r, '#log-audit-more')).toBeNull()
  })

  it('a failed 加载更多 keeps the entries and can be tried again', async () => {
    cloud['deadlines.audit'] = (req) => (req.cursor ? fail('NETWORK', '网络不可用，请稍后再试') : ok({ action: 'audit', entries: [entry(0)], nextCursor: '1' }))
    const r = await open(AdminLogPage)
    await waitFor(() => expect($(r, '#log-audit-more')).not.toBeNull())
    await tap(r, '#log-audit-more')
    await waitFor(() => expect(text(r, '#log-audit')).toContain('网络不可用'))
    expect(r.container.querySelectorAll('.log-entry')).toHaveLength(1)
    expect(text(r, '#log-audit-more')).toBe('重试加载更多')
  })

  it('the timer runs, with Chinese labels (unknown skip reasons as they are)', async () => {
    cloud['deadlines.audit'] = () => ok({ action: 'audit', entries: [], nextCursor: null })
    const run: RemindRunSummary = {
      runId: 'r1',
      today: '2022-06-23',
      startedAt: '2022-06-23T01:00:05.000Z',
      finishedAt: '2022-06-23T01:00:07.000Z',
      durationMs: 2345,
      budgetMs: 50000,
      stoppedBy: 'budget',
      deadlinesDue: 2,
      sent: 7,
      skipped: { alreadyHandled: 1, inFlight: 2, noCredit: 3, cancelled: 4, expired: 5, confirmedEarlier: 6, someNewReason: 8 } as Record<string, number>, // a reason this page does not know yet is shown as stored
      refused: 9,
      dropped: 10,
      dataErrors: 11,
      retry: 12,
      failed: 13,
      unknown: 14,
      remaining: 15,
      dbCalls: 40,
    }
    cloud['deadlines.runs'] = () => ok({ action: 'runs', runs: [run, { ...run, runId: 'r0', stoppedBy: 'done', skipped: {}, remaining: 0 }] })
    const r = await open(AdminLogPage)
    await waitFor(() => expect($(r, '#log-audit')).not.toBeNull())
    expect(callsOf('deadlines.runs')).toHaveLength(0)
    await tap(r, '#log-tab-runs')
    await waitFor(() => expect($(r, '#log-run-0')).not.toBeNull())
    expect(callsOf('deadlines.runs')[0]).toEqual({ action: 'runs', limit: 50 })
    const t = text(r, '#log-run-0')
    expect(t).toContain('2022-06-23 · 09:00:05 开始 · 用时 2.3 秒')
    expect(t).toContain('到了单次运行时限，余下的留给下次运行')
    for (const s of ['已发送7', '微信拒收（未授权或授权已用完）9', '用户编号无效，已移除订阅10', '模板数据错误11', '出错，下次运行重试12', '多次失败，已放弃13', '发送结果未知（未重发）14', '未处理完，留给下次运行15']) expect(t).toContain(s)
    expect(t).toContain('已处理过 1，正在发送 2，无授权 3，已取消 4，已过期 5，早前已送达 6，someNewReason 8')
    expect(text(r, '#log-run-1')).toContain('全部处理完')
    expect(text(r, '#log-run-1')).toContain('跳过0')

    // Back to the audit tab: its list is still there (not fetched again).
    await tap(r, '#log-tab-audit')
    expect(callsOf('deadlines.audit')).toHaveLength(1)
  })
})

// ---- the 管理 entry, and what the pages share with the cloud -------------------------------------

describe('AdminEntry', () => {
  it('shows 管理 to admins only, opens the admin pages, and asks the cloud afresh each time it opens (a removed admin loses it at once)', async () => {
    cloud['deadlines.me'] = () => me(false)
    const plain = render(<AdminEntry />)
    await act(async () => undefined)
    expect(plain.container.querySelector('#home-admin')).toBeNull()
    plain.unmount()

    forgetAdminMe()
    cloud['deadlines.me'] = () => me(true)
    const r = render(<AdminEntry />)
    await waitFor(() => expect($(r, '#home-admin')).not.toBeNull())
    expect(text(r, '#home-admin')).toBe('管理')
    await tap(r, '#home-admin')
    expect(api.navigateTo).toHaveBeenCalledWith({ url: '/pages/admin/index' })
    r.unmount()
    const again = render(<AdminEntry id='other' />)
    await waitFor(() => expect(again.container.querySelector('#other')).not.toBeNull())
    expect(callsOf('deadlines.me')).toHaveLength(3)
    again.unmount()
    cloud['deadlines.me'] = () => me(false)
    const removed = render(<AdminEntry />)
    await act(async () => undefined)
    expect(removed.container.innerHTML).toBe('')
    expect(callsOf('deadlines.me')).toHaveLength(4)
  })

  it('asks again each time its page shows: a removed admin loses the button without restarting', async () => {
    cloud['deadlines.me'] = () => me(true)
    const r = render(<AdminEntry />)
    await waitFor(() => expect($(r, '#home-admin')).not.toBeNull())
    cloud['deadlines.me'] = () => me(false)
    await act(async () => showAgain())
    await waitFor(() => expect($(r, '#home-admin')).toBeNull())
  })

  it('also shows 管理 while the first admin may be claimed (no admin yet, a bootstrap code configured)', async () => {
    cloud['deadlines.me'] = () => me(false, true)
    const r = render(<AdminEntry />)
    await waitFor(() => expect($(r, '#home-admin')).not.toBeNull())
  })

  it('renders nothing when the cloud cannot be reached', async () => {
    cloud['deadlines.me'] = () => fail('NETWORK', '网络不可用，请稍后再试')
    const r = render(<AdminEntry />)
    await act(async () => undefined)
    expect(r.container.innerHTML).toBe('')
  })
})

describe('the pages’ copies of the cloud’s labels and limits', () => {
  it('the deadline form has the six fields of shared/cloud/deadline-input.ts, with the same labels and limits', () => {
    expect(DEADLINE_FORM_FIELDS.map(({ key, label, max }) => ({ key, label, max }))).toEqual(DEADLINE_FIELDS)
    expect(IMPORT_HEADER).toBe(DEADLINE_FIELDS.map((f) => f.label).join(','))
  })

  it('the notice limit is the cloud’s', () => {
    expect(LIST_NOTICE_MAX).toBe(NOTICE_MAX)
  })
})

describe('an import the cloud would refuse as too large is stopped on the phone', () => {
  it('importRequestBytes counts at least the bytes of the real request (JSON escaping and UTF-8 included)', () => {
    for (const text of ['', 'm01,批次,2022-06-01', '"quoted"\n\\back\\slash\n', '措施编号,批次名称\n'.repeat(400), '😀'.repeat(50)]) {
      const real = Buffer.byteLength(JSON.stringify({ action: 'import', format: 'json', text, dryRun: false }), 'utf8')
      expect(importRequestBytes(text)).toBeGreaterThanOrEqual(real)
      expect(importRequestBytes(text) - real).toBeLessThan(100)
    }
  })

  it('a text over the limit is refused before any call, with the split advice', async () => {
    const big = `${IMPORT_HEADER}\n${'m01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/1\n'.repeat(700)}`
    expect(importTooLarge(big)).toBe(true)
    expect(importTooLarge(big.slice(0, 30000))).toBe(false)
    expect(MAX_FILE_BYTES).toBe(MAX_REQUEST_BYTES)
  })
})
