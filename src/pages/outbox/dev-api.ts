/**
 * The local cloud's dev endpoints (H5 dev build only; they do not exist in WeChat): the outbox the
 * local message sender writes (fetchOutbox, an OutboxData), and a run of the reminder timer at a
 * chosen date (runTimer: the same call as `npm run remind -- --now <date>`: POST /cloud/remind as the
 * timer, with the dev clock header).
 */
import type { Envelope, OutgoingMessage, RemindRunSummary } from '@cloud-api'

export interface OutboxEntry {
  _id: string
  at: string
  message: OutgoingMessage
}

export interface OutboxData {
  messages: OutboxEntry[]
  runs: (RemindRunSummary & { _id: string })[]
}

const NETWORK = { code: 'NETWORK', message: '连接不到本地云（npm start）' }

export async function fetchOutbox(limit = 50): Promise<Envelope<OutboxData>> {
  try {
    const res = await fetch(`/dev/outbox?limit=${limit}`)
    return (await res.json()) as Envelope<OutboxData>
  } catch {
    return { ok: false, error: NETWORK }
  }
}

/** `date`: 'YYYY-MM-DD' (09:00 Beijing time that day) or '' for now. */
export async function runTimer(date: string): Promise<Envelope<RemindRunSummary>> {
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-dev-timer': '1' }
    if (date) headers['x-dev-now'] = date
    const res = await fetch('/cloud/remind', { method: 'POST', headers, body: '{}' })
    return (await res.json()) as Envelope<RemindRunSummary>
  } catch {
    return { ok: false, error: NETWORK }
  }
}
