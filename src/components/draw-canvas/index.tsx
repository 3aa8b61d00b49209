/** The hidden canvas a WeChat page draws its pictures on (poster, share card, result sheet). */
import { Canvas } from '@tarojs/components'
import { CANVAS_IDS, type CanvasName } from '@/services/canvas'
import './index.scss'

/**
 * The hidden Canvas 2D node a WeChat page draws a picture on (src/services/canvas.ts). H5 draws on a
 * canvas element of its own, so nothing is rendered there.
 */
export default function DrawCanvas({ name }: { name: CanvasName }) {
  if (process.env.TARO_ENV !== 'weapp') return null
  return <Canvas type='2d' id={CANVAS_IDS[name]} className='draw-canvas' />
}
