/**
 * Answers of the cloud function `listStatus` for page tests (callCloud is mocked there).
 *
 *   mockedCall.mockImplementation((name) => name === 'listStatus' ? listStatusAnswer('inForce') : …)
 *
 * Pages remember a status fetched during the run: call resetListStatusSession() (from
 * '@/services/list-status') in beforeEach when a test lets the fetch succeed.
 */
import { LIST_STATE_LABELS, type Envelope, type ListState, type ListStatus, type ListStatusResponse } from '@cloud-api/api'

export const LIST_NOTICE = '2023 年清单已发布，本清单措施以新清单为准'
export const LIST_SOURCE = 'https://gxt.nmg.gov.cn/notice/2023-list'

/** A status as the server sends it (unverified: the server's default). */
export function listStatusOf(state: ListState, extra: Partial<ListStatus> = {}): ListStatus {
  const checked = state !== 'unverified'
  return {
    state,
    label: LIST_STATE_LABELS[state],
    notice: state === 'superseded' || state === 'repealed' ? LIST_NOTICE : '',
    sourceUrl: checked ? LIST_SOURCE : '',
    checkedOn: checked ? '2026-11-20' : null,
    updatedAt: checked ? '2026-11-20T03:00:00.000Z' : null,
    ...extra,
  }
}

/** callCloud's answer to {action: 'get'}. */
export function listStatusAnswer(state: ListState, extra: Partial<ListStatus> = {}): Promise<Envelope<ListStatusResponse>> {
  return Promise.resolve({ ok: true, data: { action: 'get', status: listStatusOf(state, extra) } })
}

/** The call every page with the status line makes. */
export const LIST_STATUS_CALL = ['listStatus', { action: 'get' }] as const
