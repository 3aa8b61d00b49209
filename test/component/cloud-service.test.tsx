/**
 * src/services/cloud.ts: H5 transport (fetch + dev openid header) under jsdom, weapp transport
 * (Taro.cloud.callFunction) with a mocked Taro. Whatever happens, callCloud resolves to an Envelope.
 */
const callFunction = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { callFunction } } }))

type CloudModule = typeof import('@/services/cloud')

const profile = { version: 1, entity: 'enterprise' }
const okEnvelope = { ok: true, data: { total: { min: '1.00', max: '1.00' } } }
const NETWORK = { ok: false, error: { code: 'NETWORK', message: '网络不可用，请稍后再试' } }

function load(taroEnv: string | undefined): CloudModule {
  const saved = process.env.TARO_ENV
  if (taroEnv === undefined) delete process.env.TARO_ENV
  else process.env.TARO_ENV = taroEnv
  let mod!: CloudModule
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per TARO_ENV
    mod = require('@/services/cloud') as CloudModule
  })
  process.env.TARO_ENV = saved
  return mod
}

function response(status: number, body: string): Response {
  return {
    status,
    ok: status >= 200 && status < 300,
    json: async () => JSON.parse(body),
  } as unknown as Response
}

let warn: jest.SpyInstance
beforeEach(() => {
  localStorage.clear()
  callFunction.mockReset()
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  warn.mockRestore()
  delete (globalThis as { fetch?: unknown }).fetch
})

describe('H5', () => {
  test('POSTs /cloud/<name> with JSON and the default dev openid, and returns the Envelope', async () => {
    const { callCloud } = load('h5')
    const fetchMock = jest.fn().mockResolvedValue(response(200, JSON.stringify(okEnvelope)))
    globalThis.fetch = fetchMock
    await expect(callCloud('calculate', { profile })).resolves.toEqual(okEnvelope)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/cloud/calculate')
    expect(init.method).toBe('POST')
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'x-dev-openid': 'dev-user-a' })
    expect(JSON.parse(init.body)).toEqual({ profile })
  })

  test('the dev openid comes from localStorage "devOpenid"; an empty value restores the default', async () => {
    const { callCloud, getDevOpenid, setDevOpenid } = load('h5')
    expect(getDevOpenid()).toBe('dev-user-a')
    expect(setDevOpenid('  dev-user-b ')).toBe('dev-user-b')
    expect(localStorage.getItem('devOpenid')).toBe('dev-user-b')
    const fetchMock = jest.fn().mockResolvedValue(response(200, JSON.stringify(okEnvelope)))
    globalThis.fetch = fetchMock
    await callCloud('calculate', { profile })
    expect(fetchMock.mock.calls[0][1].headers['x-dev-openid']).toBe('dev-user-b')
    expect(setDevOpenid('')).toBe('dev-user-a')
    expect(localStorage.getItem('devOpenid')).toBeNull()
  })

  test('a network failure becomes the NETWORK envelope, never a throw', async () => {
    const { callCloud } = load('h5')
    globalThis.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'))
    await expect(callCloud('calculate', { profile })).resolves.toEqual(NETWORK)
  })

  test('a missing fetch is also NETWORK', async () => {
    const { callCloud } = load('h5')
    await expect(callCloud('calculate', { profile })).resolves.toEqual(NETWORK)
  })

  test('an error status carrying an Envelope is passed on as is', async () => {
    const { callCloud } = load('h5')
    const invalid = { ok: false, error: { code: 'INVALID_INPUT', message: '投资额必须是数字', fields: [] } }
    globalThis.fetch = jest.fn().mockResolvedValue(response(400, JSON.stringify(invalid)))
    await expect(callCloud('calculate', { profile })).resolves.toEqual(invalid)
  })

  test('a non-JSON answer is BAD_RESPONSE (4xx) or NETWORK (5xx)', async () => {
    const { callCloud } = load('h5')
    globalThis.fetch = jest.fn().mockResolvedValue(response(404, '<html>Not found</html>'))
    const r404 = await callCloud('calculate', { profile })
    expect(r404.ok === false && r404.error.code).toBe('BAD_RESPONSE')
    globalThis.fetch = jest.fn().mockResolvedValue(response(502, 'Bad gateway'))
    await expect(callCloud('calculate', { profile })).resolves.toEqual(NETWORK)
  })

  test('JSON that is not an Envelope is BAD_RESPONSE', async () => {
    const { callCloud } = load('h5')
    globalThis.fetch = jest.fn().mockResolvedValue(response(200, JSON.stringify({ total: 1 })))
    const r = await callCloud('calculate', { profile })
    expect(r.ok === false && r.error.code).toBe('BAD_RESPONSE')
  })
})

describe('weapp', () => {
  test('calls Taro.cloud.callFunction({name, data}) and returns its result', async () => {
    const { callCloud } = load('weapp')
    globalThis.fetch = jest.fn()
    callFunction.mockResolvedValue({ result: okEnvelope, errMsg: 'cloud.callFunction:ok' })
    await expect(callCloud('calculate', { profile })).resolves.toEqual(okEnvelope)
    expect(callFunction).toHaveBeenCalledWith({ name: 'calculate', data: { profile } })
    expect(globalThis.fetch).not.toHaveBeenCalled()
  })

  test('a rejected callFunction becomes NETWORK', async () => {
    const { callCloud } = load('weapp')
    callFunction.mockRejectedValue(new Error('cloud.callFunction:fail timeout'))
    await expect(callCloud('calculate', { profile })).resolves.toEqual(NETWORK)
  })

  test('a result that is not an Envelope is BAD_RESPONSE', async () => {
    const { callCloud } = load('weapp')
    callFunction.mockResolvedValue({ result: undefined })
    const r = await callCloud('calculate', { profile })
    expect(r.ok === false && r.error.code).toBe('BAD_RESPONSE')
  })
})
