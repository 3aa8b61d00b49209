/**
 * A drawn picture (poster, result sheet) over the page, to save, send or download; its PreviewState
 * (drawing, ready, failed) comes from use-picture.ts.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image, Button, ScrollView } from '@tarojs/components'

import { downloadInBrowser } from '@/services/download'
import { saveToAlbum, type AlbumApi } from './album'

import './index.scss'

const isWeapp = () => process.env.TARO_ENV === 'weapp'

export type PreviewState = { phase: 'idle' } | { phase: 'drawing' } | { phase: 'ready'; src: string } | { phase: 'error'; message: string }

interface Props {
  /** DOM ids start with it: '<id>-overlay', '<id>-image', '<id>-save', '<id>-send', '<id>-notice', '<id>-close'. */
  id: string
  state: PreviewState
  /** '海报', '测算单': said while drawing. */
  noun: string
  /** H5's download name. */
  fileName: string
  alt: string
  /** A long picture (the result sheet) scrolls at full width; a poster fits the screen. */
  long?: boolean
  onClose: () => void
}

/**
 * A drawn picture over the page, and what to do with it: in WeChat save it to the album (asking for
 * the permission properly) or send it to a chat (WeChat's image menu), or long-press it (it carries
 * a 小程序码 WeChat can recognise); in H5 download it as a PNG.
 */
export default function ImagePreview({ id, state, noun, fileName, alt, long, onClose }: Props) {
  const [notice, setNotice] = useState('')
  if (state.phase === 'idle') return null

  const save = async () => {
    if (state.phase !== 'ready') return
    if (!isWeapp()) {
      downloadInBrowser(state.src, fileName)
      setNotice(`${noun}已开始下载`)
      return
    }
    const r = await saveToAlbum(Taro as unknown as AlbumApi, state.src)
    setNotice(r.message)
    if (r.outcome === 'saved') void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  // WeChat's own sheet: 发送给朋友 / 保存图片 / 收藏 (base library 2.14.3+); no album permission needed.
  const send = () => {
    if (state.phase !== 'ready') return
    void Taro.showShareImageMenu({ path: state.src }).catch((e: unknown) => {
      const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : ''
      if (!/cancel/i.test(msg)) setNotice('当前微信版本不能直接发送图片，请先保存到相册再发送')
    })
  }

  const close = () => {
    setNotice('')
    onClose()
  }

  const image =
    state.phase === 'ready' ? (
      <Image
        id={`${id}-image`}
        className={`image-preview__image${long ? ' image-preview__image--long' : ''}`}
        src={state.src}
        mode={long ? 'widthFix' : 'aspectFit'}
        showMenuByLongpress
        ariaLabel={alt}
      />
    ) : null

  return (
    <View className='image-preview__overlay' id={`${id}-overlay`}>
      <View className='image-preview__sheet'>
        {state.phase === 'drawing' && <Text className='image-preview__status'>正在生成{noun}…</Text>}
        {state.phase === 'error' && <Text className='image-preview__status image-preview__status--error'>{state.message}</Text>}
        {image && long ? (
          <ScrollView scrollY className='image-preview__scroll'>
            {image}
          </ScrollView>
        ) : (
          image
        )}
        {notice && (
          <Text className='image-preview__notice' id={`${id}-notice`}>
            {notice}
          </Text>
        )}
        <View className='image-preview__actions'>
          {state.phase === 'ready' && (
            <Button className='btn btn--primary image-preview__save' id={`${id}-save`} onClick={() => void save()}>
              {isWeapp() ? '保存到相册' : `下载${noun}`}
            </Button>
          )}
          {state.phase === 'ready' && isWeapp() && (
            <Button className='btn image-preview__send' id={`${id}-send`} onClick={send}>
              发送给朋友
            </Button>
          )}
          <Button className='btn image-preview__close' id={`${id}-close`} onClick={close}>
            关闭
          </Button>
        </View>
      </View>
    </View>
  )
}
