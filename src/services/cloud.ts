/**
 * The only way pages talk to cloud functions (callCloud), and the words of its failures
 * (errorMessages: the Chinese lines of a CloudError).
 *
 *  - weapp: Taro.cloud.callFunction({ name, data }) — its `result` is already an Envelope.
 *  - H5:    POST /cloud/<name> on the local dev server, with the dev openid in `x-dev-openid`
 *           (getDevOpenid / setDevOpenid: which test user the browser plays).
 *
 * Never throws: a network failure becomes { ok: false, error: { code: 'NETWORK', … } }, an answer
 * that is not an Envelope becomes { ok: false, error: { code: 'BAD_RESPONSE', … } }.
 */
import Taro from '@tarojs/taro'
import { DEV_OPENID_HEADER, type CloudError, type Envelope, type FunctionName, type RequestOf, type ResponseOf } from '@cloud-api'

export type { Envelope, CloudError, FunctionName, RequestOf, ResponseOf }

export const NETWORK_ERROR: CloudError = { code: 'NETWORK', message: '网络不可用，请稍后再试' }
export const BAD_RESPONSE_ERROR: CloudError = {
  code: 'BAD_RESPONSE',
  message: '服务返回了无法识别的结果，请稍后再试',
}

/** H5 requests give up after this many milliseconds (then: NETWORK). */
export const H5_TIMEOUT_MS = 15000

// ---------------------------------------------------------------------------------------------
// Dev openid (H5 only): the local server trusts `x-dev-openid` in place of WeChat's OPENID.

export const DEV_OPENID_KEY = 'devOpenid'
export const DEFAULT_DEV_OPENID = 'dev-user-a'

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined
  } catch {
    return undefined // e.g. storage disabled by the browser
  }
}

/** The dev openid sent by H5 requests (localStorage 'devOpenid', default 'dev-user-a'). */
export function getDevOpenid(): string {
  try {
    const stored = storage()?.getItem(DEV_OPENID_KEY)
    return stored && stored.trim() ? stored.trim() : DEFAULT_DEV_OPENID
  } catch {
    return DEFAULT_DEV_OPENID
  }
}

/** Sets the dev openid for later H5 requests; an empty value restores the default. Returns the id now active. */
export function setDevOpenid(openid: string): string {
  const value = openid.trim()
  try {
    const s = storage()
    if (s) {
      if (value) s.setItem(DEV_OPENID_KEY, value)
      else s.removeItem(DEV_OPENID_KEY)
    }
  } catch {
    // storage full or disabled: keep going with the default
  }
  return getDevOpenid()
}

// ---------------------------------------------------------------------------------------------

function isCloudError(value: unknown): value is CloudError {
  if (!value || typeof value !== 'object') return false
  const e = value as Record<string, unknown>
  return typeof e.code === 'string' && typeof e.message === 'string'
}

/** Structural check of the Envelope (the payload itself is typed by the shared API map). */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  if (v.ok === true) return 'data' in v
  if (v.ok === false) return isCloudError(v.error)
  return false
}

/** Every message of an error envelope: each field's (each bad row of an import), else the envelope's own. */
export function errorMessages(error: CloudError): string[] {
  const fields = (error.fields ?? []).map((f) => f.message)
  return fields.length > 0 ? fields : [error.message]
}

function failure<T>(error: CloudError): Envelope<T> {
  return { ok: false, error: { ...error } }
}

async function callWeapp<N extends FunctionName>(name: N, request: RequestOf<N>): Promise<Envelope<ResponseOf<N>>> {
  let result: unknown
  try {
    const res = await Taro.cloud.callFunction({ name, data: request as unknown as Record<string, unknown> })
    result = res.result
  } catch (err) {
    // Offline, timeout, function not deployed, cloud not initialised: the user sees one message.
    console.warn(`[cloud] ${name} failed`, err)
    return failure(NETWORK_ERROR)
  }
  return isEnvelope(result) ? (result as Envelope<ResponseOf<N>>) : failure(BAD_RESPONSE_ERROR)
}

async function callH5<N extends FunctionName>(name: N, request: RequestOf<N>): Promise<Envelope<ResponseOf<N>>> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined
  const timer = controller ? setTimeout(() => controller.abort(), H5_TIMEOUT_MS) : undefined
  let response: Response
  try {
    response = await fetch('/cloud/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_OPENID_HEADER]: getDevOpenid() },
      body: JSON.stringify(request),
      signal: controller?.signal,
    })
  } catch (err) {
    console.warn(`[cloud] ${name} failed`, err)
    return failure(NETWORK_ERROR)
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    // Not JSON (a 404 page from a static server, a proxy error, a cut connection).
    return failure(response.status >= 500 || response.status === 0 ? NETWORK_ERROR : BAD_RESPONSE_ERROR)
  }
  // An error status may still carry a proper Envelope (e.g. 400 INVALID_INPUT): pass it on.
  return isEnvelope(body) ? (body as Envelope<ResponseOf<N>>) : failure(BAD_RESPONSE_ERROR)
}

// Chosen at build time: the other transport is dropped from the bundle.
const transport: typeof callH5 = process.env.TARO_ENV === 'weapp' ? callWeapp : callH5

/** Calls cloud function `name` with `request`; always resolves to an Envelope. */
export async function callCloud<N extends FunctionName>(
  name: N,
  request: RequestOf<N>,
): Promise<Envelope<ResponseOf<N>>> {
  try {
    return await transport(name, request)
  } catch (err) {
    // Anything unexpected (e.g. `fetch` missing): still an Envelope, never a throw.
    console.warn(`[cloud] ${name} failed`, err)
    return failure(NETWORK_ERROR)
  }
}
