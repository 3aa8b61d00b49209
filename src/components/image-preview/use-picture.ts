/** usePicture: the state of one picture being drawn for ImagePreview, where only the latest request counts. */
import { useRef, useState } from 'react'
import type { PreviewState } from '.'

/** Said when the browser cannot draw at all (no 2D canvas). */
export const NO_CANVAS_TEXT = '当前浏览器无法生成图片，请换用手机浏览器或微信打开'

/**
 * A picture drawn for ImagePreview: `open(draw)` shows 正在生成 and then the picture or why not;
 * `close()` hides it. Only the latest request counts: a drawing that ends after the preview was
 * closed, or after a newer one was asked for (the tick changed meanwhile), is dropped, never shown.
 */
export function usePicture(noun: string): { state: PreviewState; open: (draw: () => Promise<string | null>) => Promise<void>; close: () => void } {
  const [state, setState] = useState<PreviewState>({ phase: 'idle' })
  const latest = useRef(0)

  const open = async (draw: () => Promise<string | null>) => {
    const request = ++latest.current
    setState({ phase: 'drawing' })
    let next: PreviewState
    try {
      const src = await draw()
      next = src ? { phase: 'ready', src } : { phase: 'error', message: NO_CANVAS_TEXT }
    } catch (e) {
      console.warn(`[${noun}] not drawn`, e)
      next = { phase: 'error', message: `${noun}生成失败，请稍后再试` }
    }
    if (request === latest.current) setState(next)
  }

  const close = () => {
    latest.current++
    setState({ phase: 'idle' })
  }

  return { state, open, close }
}
