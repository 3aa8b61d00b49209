/**
 * Asking the user for the two reminder templates (TEMPLATE_IDS). In WeChat: `Taro.requestSubscribeMessage`
 * (requestInWeChat, answering a RequestResult), which must be called straight from a tap. In the H5
 * build there is no such API: the button shows a simulated sheet (see SimulatedSheet) and resolves
 * with the outcomes chosen there.
 */
import Taro from '@tarojs/taro'
import { REMINDER_TEMPLATES, type SubscribeOutcome } from '@cloud-api'

export const TEMPLATE_IDS: string[] = [REMINDER_TEMPLATES.week.id, REMINDER_TEMPLATES.day.id]

export type RequestResult =
  | { ok: true; results: Record<string, SubscribeOutcome> }
  | { ok: false; errCode?: number; errMsg: string }

const OUTCOMES = new Set(['accept', 'reject', 'ban', 'filter'])

/** WeChat's answer without `errMsg` and anything that is not one of our templates. */
export function pickResults(res: Record<string, unknown>): Record<string, SubscribeOutcome> {
  const out: Record<string, SubscribeOutcome> = {}
  for (const id of TEMPLATE_IDS) {
    const v = res[id]
    if (typeof v === 'string' && OUTCOMES.has(v)) out[id] = v as SubscribeOutcome
  }
  return out
}

/** weapp: call from the tap handler itself, before any await. */
export function requestInWeChat(): Promise<RequestResult> {
  return new Promise((resolve) => {
    const option = {
      tmplIds: TEMPLATE_IDS,
      success: (res: Record<string, unknown>) => {
        const results = pickResults(res)
        resolve(Object.keys(results).length > 0 ? { ok: true, results } : { ok: false, errMsg: String(res.errMsg ?? '') })
      },
      fail: (err: { errCode?: number; errMsg?: string }) => resolve({ ok: false, errCode: err?.errCode, errMsg: String(err?.errMsg ?? '') }),
    }
    try {
      const p = Taro.requestSubscribeMessage(option as unknown as Taro.requestSubscribeMessage.Option) as unknown
      // Taro also rejects its promise on fail; the callback above already answered.
      if (p && typeof (p as Promise<unknown>).catch === 'function') (p as Promise<unknown>).catch(() => {})
    } catch (err) {
      resolve({ ok: false, errMsg: err instanceof Error ? err.message : String(err) })
    }
  })
}
