/** The detail page's 生成分享海报 button and the poster it draws. */
import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import type { Measure } from '@policy/engine'
import { layoutPoster, posterContent, type PosterFigure } from '@policy/pictures'

import DrawCanvas from '@/components/draw-canvas'
import FigureTick from '@/components/figure-tick'
import ImagePreview from '@/components/image-preview'
import { usePicture } from '@/components/image-preview/use-picture'
import { renderWithCode } from '@/services/picture'
import { APP_NAME, BRAND } from '@/services/share'

import './index.scss'

/**
 * "生成分享海报": the measure's title, headline figure and clause number, the list's name and the
 * 小程序码 that opens this measure, on a Canvas 2D image (ImagePreview saves, sends or downloads
 * it). Without a code (WeChat refused, offline) the corner says why and where to search instead.
 * `yourFigure` (the calculator's total, with the items it adds) goes on the poster only when the user ticks it.
 */
export default function SharePoster({ measure, yourFigure }: { measure: Measure; yourFigure?: PosterFigure }) {
  const poster = usePicture('海报')
  const [withFigure, setWithFigure] = useState(false)

  const generate = () => {
    const figure = withFigure ? yourFigure : undefined
    return poster.open(() =>
      renderWithCode('poster', { view: 'measure', measureId: measure.id }, (code, m) => layoutPoster(posterContent(measure, BRAND, { code, yourFigure: figure }), m)),
    )
  }

  return (
    <View className='share-poster'>
      {yourFigure && (
        <FigureTick id='poster-with-figure' label={`在海报上显示我的测算金额（${yourFigure.total}）`} checked={withFigure} onChange={setWithFigure} />
      )}
      <Button className='btn share-poster__open' id='poster-open' onClick={() => void generate()}>
        生成分享海报
      </Button>
      <DrawCanvas name='poster' />
      <ImagePreview
        id='poster'
        state={poster.state}
        noun='海报'
        fileName={`${APP_NAME}-第${measure.label}条.png`}
        alt={`第${measure.label}条 ${measure.title} 分享海报`}
        onClose={poster.close}
      />
    </View>
  )
}
