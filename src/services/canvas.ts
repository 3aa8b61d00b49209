/**
 * Turning a layout (@policy/pictures/drawing) into an image, the one way every picture is made — poster,
 * share card, result sheet:
 *  - WeChat: the page's hidden <Canvas type="2d" id={canvasId}> (src/components/draw-canvas), its
 *    images loaded with canvas.createImage(), exported with canvasToTempFilePath → a temp file path;
 *  - H5: a canvas element, exported as a PNG data URL (downloadable), or null where the browser has
 *    no 2D canvas.
 * The layout is built with the canvas's own text measure, so lines wrap as they will be drawn.
 * renderImage is that one way; CANVAS_IDS names each picture's canvas (a CanvasName).
 */
import Taro from '@tarojs/taro'
import { contextMeasure, drawLayout, type DrawContext, type DrawImages, type ImageName, type Layout, type MeasureText } from '@policy/pictures'

/** The hidden canvases the pages hold, one per kind of picture (several may be drawn at once). */
export const CANVAS_IDS = { poster: 'poster-canvas', card: 'share-card-canvas', sheet: 'sheet-canvas' } as const
export type CanvasName = keyof typeof CANVAS_IDS

/** Image sources by name: a temp file path (WeChat) or a URL (H5). A name without a source is not drawn. */
export type ImageSources = Partial<Record<ImageName, string>>

interface LoadableImage {
  onload: (() => void) | null
  onerror: ((e: unknown) => void) | null
  src: string
}

/** An image that has not loaded by then counts as failed (the picture goes out without it). */
export const IMAGE_TIMEOUT_MS = 8000

function load<T extends LoadableImage>(image: T, src: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`image did not load in ${IMAGE_TIMEOUT_MS} ms: ${src}`)), IMAGE_TIMEOUT_MS)
    image.onload = () => {
      clearTimeout(timer)
      resolve(image)
    }
    image.onerror = (e) => {
      clearTimeout(timer)
      reject(e instanceof Error ? e : new Error(`image failed to load: ${src}`))
    }
    image.src = src
  })
}

async function loadAll(sources: ImageSources, make: () => LoadableImage): Promise<DrawImages> {
  const images: DrawImages = {}
  for (const [name, src] of Object.entries(sources) as [ImageName, string | undefined][]) {
    if (src) images[name] = await load(make(), src)
  }
  return images
}

interface WeappCanvas {
  width: number
  height: number
  getContext(type: '2d'): DrawContext
  createImage(): LoadableImage
}

function canvasNode(id: string): Promise<WeappCanvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WeappCanvas }[]) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error(`canvas #${id} not found`))
      })
  })
}

async function renderWeapp(canvas: CanvasName, build: (measureText: MeasureText) => Layout, sources: ImageSources): Promise<string> {
  const node = await canvasNode(CANVAS_IDS[canvas])
  const ctx = node.getContext('2d')
  const layout = build(contextMeasure(ctx))
  node.width = layout.width
  node.height = layout.height
  const images = await loadAll(sources, () => node.createImage())
  drawLayout(ctx, layout, images)
  return new Promise((resolve, reject) => {
    Taro.canvasToTempFilePath({
      canvas: node as unknown as Taro.Canvas,
      x: 0,
      y: 0,
      width: layout.width,
      height: layout.height,
      destWidth: layout.width,
      destHeight: layout.height,
      fileType: 'png',
      success: (r) => resolve(r.tempFilePath),
      fail: (e) => reject(e),
    } as Taro.canvasToTempFilePath.Option)
  })
}

async function renderH5(build: (measureText: MeasureText) => Layout, sources: ImageSources): Promise<string | null> {
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext ? (canvas.getContext('2d') as unknown as DrawContext | null) : null
  if (!ctx) return null
  const layout = build(contextMeasure(ctx))
  canvas.width = layout.width
  canvas.height = layout.height
  const images = await loadAll(sources, () => {
    const im = new Image()
    // The local cloud serves codes from the same origin; anonymous keeps the canvas exportable elsewhere too.
    im.crossOrigin = 'anonymous'
    return im as unknown as LoadableImage
  })
  // Resizing a canvas resets its state: draw after it (the layout was measured with the same fonts).
  drawLayout(ctx, layout, images)
  return canvas.toDataURL('image/png')
}

/** Drawings under way, by canvas: a WeChat page has one node per canvas, so they take turns. */
const queues = new Map<CanvasName, Promise<unknown>>()

/** The picture of `build`'s layout: a temp file path in WeChat, a PNG data URL in H5 (null: no canvas). */
export function renderImage(canvas: CanvasName, build: (measureText: MeasureText) => Layout, sources: ImageSources = {}): Promise<string | null> {
  const draw = () => (process.env.TARO_ENV === 'weapp' ? renderWeapp(canvas, build, sources) : renderH5(build, sources))
  const run = (queues.get(canvas) ?? Promise.resolve()).then(draw, draw)
  queues.set(canvas, run.catch(() => undefined))
  return run
}
