/**
 * Issue 25, item 1: the 记录 page's run card says in Chinese why a run left messages unsent when an
 * admin deleted or changed a deadline while the run was going.
 */
import { act, fireEvent, render, waitFor, type RenderResult } from '@testing-library/react'
import type { RemindRunSummary } from '@cloud-api/api'
import { type Envelope, callCloud } from '@/services/cloud'

jest.mock('@tarojs/components', () => jest.requireActual('./admin-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./admin-mocks').taro)
jest.mock('@/services/cloud', () => ({ ...jest.requireActual('@/services/cloud'), callCloud: jest.fn(), getDevOpenid: jest.fn(() => 'dev-user-a') }))

import { resetTaro } from './admin-mocks'
import { forgetAdminMe } from '@/services/admin'
import AdminLogPage from '@/pages/admin/log/index'

const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>
const ok = (data: unknown): Envelope<unknown> => ({ ok: true, data })

const RUN: RemindRunSummary = {
  runId: 'r1',
  today: '2022-06-23',
  startedAt: '2022-06-23T01:00:05.000Z',
  finishedAt: '2022-06-23T01:00:07.000Z',
  durationMs: 2345,
  budgetMs: 50000,
  stoppedBy: 'done',
  deadlinesDue: 3,
  sent: 7,
  skipped: {},
  refused: 0,
  dropped: 0,
  dataErrors: 0,
  retry: 0,
  failed: 0,
  unknown: 0,
  remaining: 0,
  dbCalls: 40,
}

beforeEach(() => {
  resetTaro()
  forgetAdminMe()
  mockedCall.mockReset()
})

async function runCard(skipped: RemindRunSummary['skipped']): Promise<string> {
  const answers: Record<string, Envelope<unknown>> = {
    me: ok({ action: 'me', isAdmin: true, openid: 'oAdminSelf', canClaim: false }),
    audit: ok({ action: 'audit', entries: [], nextCursor: null }),
    runs: ok({ action: 'runs', runs: [{ ...RUN, skipped }] }),
  }
  mockedCall.mockImplementation((async (_name: string, request: Record<string, unknown>) => answers[String(request.action)]) as unknown as typeof callCloud)
  const r: RenderResult = render(<AdminLogPage />)
  await waitFor(() => expect(r.container.querySelector('#log-tab-runs')).not.toBeNull())
  await act(async () => {
    fireEvent.click(r.container.querySelector('#log-tab-runs')!)
  })
  await waitFor(() => expect(r.container.querySelector('#log-run-0')).not.toBeNull())
  return r.container.querySelector('#log-run-0')?.textContent ?? ''
}

it.each([
  ['deleted', { deadlineDeleted: 3 }, '截止时间已删除 3'],
  ['moved to another date', { deadlineMoved: 4 }, '截止日期已改（按新日期提醒） 4'],
  ['moved to another measure', { measureChanged: 5 }, '所属措施已改 5'],
])('a run that skipped messages because their deadline was %s says so in Chinese', async (_what, skipped, shown) => {
  expect(await runCard(skipped)).toContain(shown)
})
