/**
 * A picture that carries a 小程序码 (poster, result sheet), drawn by renderWithCode: the code is
 * fetched for its target, the layout is told whether it has one, and a code whose file will not load
 * becomes a corner that says so (CODE_IMAGE_FAILED) — a picture never goes out with a broken image.
 */
import type { CodeSlot, Layout, MeasureText } from '@policy/pictures'
import type { SceneTarget } from '@policy/links'
import { renderImage, type CanvasName } from './canvas'
import { forgetCode, loadCode } from './qrcode'

/** Why a code that WeChat made is not on the picture: its file would not load. */
export const CODE_IMAGE_FAILED = '小程序码图片未能加载'

export async function renderWithCode(
  canvas: CanvasName,
  target: SceneTarget,
  build: (code: CodeSlot, measureText: MeasureText) => Layout,
): Promise<string | null> {
  const code = await loadCode(target)
  if (!code.ok) return renderImage(canvas, (m) => build({ state: 'missing', reason: code.reason }, m))
  try {
    return await renderImage(canvas, (m) => build({ state: 'image' }, m), { code: code.src })
  } catch (e) {
    console.warn('[picture] code image failed', e)
    forgetCode(target)
    return renderImage(canvas, (m) => build({ state: 'missing', reason: CODE_IMAGE_FAILED }, m))
  }
}
