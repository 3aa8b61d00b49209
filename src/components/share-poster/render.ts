/**
 * Drawing the poster. Both platforms use a Canvas 2D context and the same layout (@policy/poster):
 *  - WeChat: the <Canvas type="2d"> node of the component, exported with canvasToTempFilePath;
 *  - H5: a canvas element, exported as a PNG data URL (downloadable).
 */
import Taro from '@tarojs/taro'
import {
  POSTER_HEIGHT,
  POSTER_WIDTH,
  contextMeasure,
  drawPoster,
  layoutPoster,
  type PosterContent,
  type PosterContext,
} from '@policy/poster'

export const POSTER_CANVAS_ID = 'poster-canvas'

/** Draws on a context whose canvas is POSTER_WIDTH × POSTER_HEIGHT pixels. */
export function paint(ctx: PosterContext, content: PosterContent): void {
  drawPoster(ctx, layoutPoster(content, contextMeasure(ctx)))
}

/** H5: the poster as a PNG data URL, or null where the browser has no 2D canvas. */
export function renderH5(content: PosterContent, doc: Document = document): string | null {
  const canvas = doc.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const ctx = canvas.getContext ? canvas.getContext('2d') : null
  if (!ctx) return null
  paint(ctx as unknown as PosterContext, content)
  return canvas.toDataURL('image/png')
}

interface WeappCanvas {
  width: number
  height: number
  getContext(type: '2d'): PosterContext
}

/** WeChat: draws into the <Canvas type="2d" id={POSTER_CANVAS_ID}> node and returns a temp file path. */
export function renderWeapp(content: PosterContent): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WeappCanvas }[]) => {
        const canvas = res?.[0]?.node
        if (!canvas) {
          reject(new Error('canvas node not found'))
          return
        }
        canvas.width = POSTER_WIDTH
        canvas.height = POSTER_HEIGHT
        paint(canvas.getContext('2d'), content)
        Taro.canvasToTempFilePath({
          canvas: canvas as unknown as Taro.Canvas,
          x: 0,
          y: 0,
          width: POSTER_WIDTH,
          height: POSTER_HEIGHT,
          destWidth: POSTER_WIDTH,
          destHeight: POSTER_HEIGHT,
          fileType: 'png',
          success: (r) => resolve(r.tempFilePath),
          fail: (e) => reject(e),
        } as Taro.canvasToTempFilePath.Option)
      })
  })
}

/** H5: downloads a data URL as a file. */
export function downloadH5(dataUrl: string, fileName: string, doc: Document = document): void {
  const a = doc.createElement('a')
  a.href = dataUrl
  a.download = fileName
  a.rel = 'noopener'
  doc.body.appendChild(a)
  a.click()
  a.remove()
}
