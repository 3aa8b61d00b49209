import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image, Canvas, Button } from '@tarojs/components'
import type { Measure } from '@policy/types'
import { POSTER_HEIGHT, POSTER_WIDTH, posterContent } from '@policy/poster'

import { APP_NAME, TAGLINE } from '@/services/share'
import { saveToAlbum, type AlbumApi } from './album'
import { POSTER_CANVAS_ID, downloadH5, renderH5, renderWeapp } from './render'

import './index.scss'

const isWeapp = () => process.env.TARO_ENV === 'weapp'

type State = { phase: 'idle' } | { phase: 'drawing' } | { phase: 'ready'; src: string } | { phase: 'error'; message: string }

/**
 * "生成分享海报": the measure's title, headline figure, clause number, the list's name and the app's
 * name on a Canvas 2D image; saved to the album in WeChat, downloaded in H5.
 */
export default function SharePoster({ measure }: { measure: Measure }) {
  const [state, setState] = useState<State>({ phase: 'idle' })
  const [notice, setNotice] = useState('')
  const fileName = `${APP_NAME}-第${measure.label}条.png`

  const generate = async () => {
    setNotice('')
    setState({ phase: 'drawing' })
    const content = posterContent(measure, { appName: APP_NAME, tagline: TAGLINE })
    try {
      const src = isWeapp() ? await renderWeapp(content) : renderH5(content)
      setState(src ? { phase: 'ready', src } : { phase: 'error', message: '当前浏览器无法生成图片，请换用手机浏览器或微信打开' })
    } catch (e) {
      console.warn('[poster] failed', e)
      setState({ phase: 'error', message: '海报生成失败，请稍后再试' })
    }
  }

  const save = async () => {
    if (state.phase !== 'ready') return
    if (!isWeapp()) {
      downloadH5(state.src, fileName)
      setNotice('海报已开始下载')
      return
    }
    const r = await saveToAlbum(Taro as unknown as AlbumApi, state.src)
    setNotice(r.message)
    if (r.outcome === 'saved') void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return (
    <View className='share-poster'>
      <Button className='btn share-poster__open' id='poster-open' onClick={() => void generate()}>
        生成分享海报
      </Button>
      {isWeapp() && (
        <Canvas
          type='2d'
          id={POSTER_CANVAS_ID}
          className='share-poster__canvas'
          style={`width:${POSTER_WIDTH / 2}px;height:${POSTER_HEIGHT / 2}px;`}
        />
      )}
      {state.phase !== 'idle' && (
        <View className='share-poster__overlay' id='poster-overlay'>
          <View className='share-poster__sheet'>
            {state.phase === 'drawing' && <Text className='share-poster__status'>正在生成海报…</Text>}
            {state.phase === 'error' && <Text className='share-poster__status share-poster__status--error'>{state.message}</Text>}
            {state.phase === 'ready' && (
              <Image
                id='poster-image'
                className='share-poster__image'
                src={state.src}
                mode='aspectFit'
                showMenuByLongpress
                ariaLabel={`第${measure.label}条 ${measure.title} 分享海报`}
              />
            )}
            {notice && (
              <Text className='share-poster__notice' id='poster-notice'>
                {notice}
              </Text>
            )}
            <View className='share-poster__actions'>
              {state.phase === 'ready' && (
                <Button className='btn btn--primary share-poster__save' id='poster-save' onClick={() => void save()}>
                  {isWeapp() ? '保存到相册' : '下载海报'}
                </Button>
              )}
              <Button className='btn share-poster__close' id='poster-close' onClick={() => setState({ phase: 'idle' })}>
                关闭
              </Button>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
