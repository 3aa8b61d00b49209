/** The share poster: saving to the album asks permission properly and explains a refusal; H5 paths. */
import { act, fireEvent, render } from '@testing-library/react'
import { catalog2022 } from '@policy/engine'

jest.mock('@tarojs/components', () => jest.requireActual('./policy-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./policy-mocks').taro)

import SharePoster from '@/components/share-poster'
import { REFUSED_TEXT, SAVED_TEXT, saveToAlbum, type AlbumApi } from '@/components/image-preview/album'
import { renderImage } from '@/services/canvas'
import { BRAND } from '@/services/share'
import { layoutPoster, posterContent } from '@policy/pictures'

function api(setting: boolean | undefined, over: Partial<AlbumApi> = {}): AlbumApi & Record<string, jest.Mock> {
  return {
    getSetting: jest.fn(async () => ({ authSetting: setting === undefined ? {} : { 'scope.writePhotosAlbum': setting } })),
    authorize: jest.fn(async () => ({})),
    openSetting: jest.fn(async () => ({ authSetting: { 'scope.writePhotosAlbum': true } })),
    showModal: jest.fn(async () => ({ confirm: true })),
    saveImageToPhotosAlbum: jest.fn(async () => ({})),
    ...over,
  } as AlbumApi & Record<string, jest.Mock>
}

describe('saving to the album (WeChat)', () => {
  test('never asked: WeChat’s prompt, then saved', async () => {
    const a = api(undefined)
    expect(await saveToAlbum(a, 'tmp.png')).toEqual({ outcome: 'saved', message: SAVED_TEXT })
    expect(a.authorize).toHaveBeenCalledWith({ scope: 'scope.writePhotosAlbum' })
    expect(a.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'tmp.png' })
  })

  test('refused at the prompt: nothing saved, the refusal explained', async () => {
    const a = api(undefined, { authorize: jest.fn(async () => Promise.reject({ errMsg: 'authorize:fail auth deny' })) })
    expect(await saveToAlbum(a, 'tmp.png')).toEqual({ outcome: 'refused', message: REFUSED_TEXT })
    expect(a.saveImageToPhotosAlbum).not.toHaveBeenCalled()
    expect(REFUSED_TEXT).toContain('长按图片直接转发')
  })

  test('refused before: explains, opens the settings page, saves once granted', async () => {
    const a = api(false)
    expect((await saveToAlbum(a, 'tmp.png')).outcome).toBe('saved')
    expect(a.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要“添加到相册”权限', confirmText: '去设置' }))
    expect(a.openSetting).toHaveBeenCalled()
    expect(a.authorize).not.toHaveBeenCalled()
  })

  test('refused before and not granted in settings (or "暂不"): explained, not saved', async () => {
    const notGranted = api(false, { openSetting: jest.fn(async () => ({ authSetting: { 'scope.writePhotosAlbum': false } })) })
    expect(await saveToAlbum(notGranted, 'tmp.png')).toEqual({ outcome: 'refused', message: REFUSED_TEXT })
    const declined = api(false, { showModal: jest.fn(async () => ({ confirm: false })) })
    expect((await saveToAlbum(declined, 'tmp.png')).outcome).toBe('refused')
    expect(declined.openSetting).not.toHaveBeenCalled()
    expect(declined.saveImageToPhotosAlbum).not.toHaveBeenCalled()
  })

  test('already allowed: saved directly; a failed save says what to do', async () => {
    const ok = api(true)
    expect((await saveToAlbum(ok, 'tmp.png')).outcome).toBe('saved')
    expect(ok.authorize).not.toHaveBeenCalled()
    const broken = api(true, { saveImageToPhotosAlbum: jest.fn(async () => Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail io' })) })
    expect(await saveToAlbum(broken, 'tmp.png')).toEqual({ outcome: 'failed', message: '保存失败，请稍后再试，或长按图片保存' })
  })
})

describe('H5', () => {
  const saved = process.env.TARO_ENV
  beforeAll(() => void (process.env.TARO_ENV = 'h5'))
  afterAll(() => void (process.env.TARO_ENV = saved))

  test('a browser without a 2D canvas gets a message, not a broken image', async () => {
    // jsdom has no canvas implementation: getContext returns null.
    jest.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = render(<SharePoster measure={catalog2022.measures[7]} />)
    await act(async () => void fireEvent.click(container.querySelector('#poster-open')!))
    expect(container.querySelector('#poster-overlay')?.textContent).toContain('当前浏览器无法生成图片')
    expect(container.querySelector('#poster-image')).toBeNull()
    fireEvent.click(container.querySelector('#poster-close')!)
    expect(container.querySelector('#poster-overlay')).toBeNull()
  })

  test('closed while it is being drawn, the poster does not pop up again when the drawing ends', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {})
    const { container } = render(<SharePoster measure={catalog2022.measures[7]} />)
    act(() => void fireEvent.click(container.querySelector('#poster-open')!))
    expect(container.querySelector('#poster-overlay')?.textContent).toContain('正在生成海报')
    act(() => void fireEvent.click(container.querySelector('#poster-close')!))
    expect(container.querySelector('#poster-overlay')).toBeNull()
    // The drawing (no code offline, no canvas in jsdom) has ended by now; what it brought is dropped.
    await act(async () => new Promise((r) => setTimeout(r, 50)))
    expect(container.querySelector('#poster-overlay')).toBeNull()
  })

  test('renderImage draws the layout on a canvas of its size (750×1334 for a poster) and returns its PNG', async () => {
    const texts: string[] = []
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (t, k) => (k === 'measureText' ? (s: string) => ({ width: s.length * 20 }) : k in t ? t[k as string] : (...a: unknown[]) => k === 'fillText' && texts.push(String(a[0]))),
      set: (t, k, v) => ((t[k as string] = v), true),
    })
    const canvas = { width: 0, height: 0, getContext: () => ctx, toDataURL: () => 'data:image/png;base64,AAAA' }
    const create = document.createElement.bind(document)
    const spy = jest.spyOn(document, 'createElement').mockImplementation(((tag: string) => (tag === 'canvas' ? canvas : create(tag))) as typeof document.createElement)
    const content = posterContent(catalog2022.measures[7], BRAND, { code: { state: 'missing', reason: '网络不可用，小程序码未生成' } })
    expect(await renderImage('poster', (m) => layoutPoster(content, m))).toBe('data:image/png;base64,AAAA')
    spy.mockRestore()
    expect([canvas.width, canvas.height]).toEqual([750, 1334])
    expect(texts).toContain('第（八）条')
    expect(texts).toContain('政策算盘')
    expect(texts).toContain('小程序码未生成')
  })
})
