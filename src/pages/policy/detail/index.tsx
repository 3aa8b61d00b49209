/** A measure's detail page: its clause verbatim, items, calculator, deadlines and sharing. */
import { useEffect, useMemo, useState } from 'react'
import Taro, { useReady, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { catalog2022, findMeasure } from '@policy/engine'
import { itemRows, calcSpec, readScene } from '@policy/view'
import { measureCard, type PosterFigure } from '@policy/pictures'
import { routeOf } from '@policy/links'

import ClauseText from '@/components/clause-text'
import ContactButton from '@/components/contact-button'
import PrivacyPrompt from '@/components/privacy-prompt'
import DrawCanvas from '@/components/draw-canvas'
import ItemTable from '@/components/item-table'
import ListStatusLine from '@/components/list-status-line'
import MiniCalculator from '@/components/mini-calculator'
import SharePoster from '@/components/share-poster'
import MeasureDeadlines from '@/components/measure-deadlines'
import { copyText } from '@/services/clipboard'
import { isFavourite, toggleFavourite } from '@/services/favourites'
import { listStatusDisclaimer, useListStatus } from '@/services/list-status'
import { BRAND, BROWSE_PATH, browseShare, h5Url, measurePath, measureShare, measureTimeline } from '@/services/share'
import { cardImage, withCard } from '@/services/share-card'
import { cardOf, param } from '../cards'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

/**
 * One measure: verbatim clause, its items, a calculator for just this measure, deadlines, sharing.
 * Opened by a link (`id`, and `item` from a shared result card, `deadline` for one batch) or by a
 * scanned 小程序码 (`scene`).
 */
export default function DetailPage() {
  const router = useRouter()
  const scanned = useMemo(() => readScene(router.params.scene), [router.params.scene])
  const id = scanned?.view === 'measure' ? scanned.measureId : param(router.params.id)
  const focus = scanned?.view === 'measure' ? scanned.itemId : param(router.params.item)
  // A link to one batch (the home page's 近期申报截止, a reminder): `deadline` is its id.
  const deadlineFocus = param(router.params.deadline)
  const measure = useMemo(() => findMeasure(id), [id])
  // The page's title, the deadlines' subject and the 客服 card's title: one wording.
  const measureName = measure ? `第${measure.label}条 ${measure.title}` : ''
  const [yourFigure, setYourFigure] = useState<PosterFigure | undefined>()
  const [favourite, setFavourite] = useState(() => (measure ? isFavourite(measure.id) : false))
  const [copied, setCopied] = useState(false)
  const listStatus = useListStatus()

  // The chat card is drawn once the page's canvas is there, so it is ready when the user shares.
  const chatCard = useMemo(() => (measure ? measureCard(measure, BRAND) : undefined), [measure])
  useReady(() => {
    if (chatCard && process.env.TARO_ENV === 'weapp') void cardImage(chatCard)
  })
  useShareAppMessage(() => (measure && chatCard ? withCard(measureShare(measure), chatCard) : browseShare(catalog2022.measures.length)))
  useShareTimeline(() => (measure ? measureTimeline(measure) : { title: browseShare(catalog2022.measures.length).title, query: '' }))

  // A shared result card opens the page at its item.
  useEffect(() => {
    if (measure && focus) setTimeout(() => void Taro.pageScrollTo({ selector: '#item-table-focus', duration: 300 }).catch(() => undefined), 300)
  }, [measure, focus])

  useEffect(() => {
    if (measureName) void Taro.setNavigationBarTitle({ title: measureName }).catch(() => undefined)
  }, [measureName])

  const toBrowse = () => void Taro.navigateTo({ url: BROWSE_PATH })

  if (!measure) {
    return (
      <View style={pageTextStyle()} className='page detail'>
        <View className='card detail__missing' id='detail-missing'>
          <Text className='detail__missing-title'>没有找到这条政策{id ? `（编号 ${id}）` : ''}</Text>
          <Text className='muted'>链接可能不完整。清单共 {catalog2022.measures.length} 条，可以从清单里找。</Text>
          <Button className='btn btn--primary detail__to-browse' onClick={toBrowse}>
            查看全部政策
          </Button>
        </View>
      </View>
    )
  }

  const card = cardOf(measure)
  const section = catalog2022.sections.find((s) => s.number === measure.section)
  const spec = calcSpec(measure)
  const rows = itemRows(measure)

  const guidance = spec.guidance.length > 0 && (
    <View className='card detail__guidance' id='detail-guidance'>
      <Text className='detail__h2'>{spec.computable ? '其他支持：怎么用' : '这条政策怎么用'}</Text>
      {!spec.computable && <Text className='muted'>这一条没有写补助金额，不需要测算。它的意思是：</Text>}
      {spec.guidance.map((g) => (
        <View key={g.id} className='detail__guide' data-item={g.id}>
          <Text className='detail__guide-title'>
            <Text className='detail__kind'>{g.tag}</Text>
            {g.title}
          </Text>
          <Text className='detail__guide-text'>{g.guidance}</Text>
        </View>
      ))}
    </View>
  )

  const onFavourite = () => {
    const on = toggleFavourite(measure.id)
    setFavourite(on)
    void Taro.showToast({ title: on ? '已收藏到本机' : '已取消收藏', icon: 'none' }).catch(() => undefined)
  }
  const copyLink = () => {
    void copyText(h5Url(measurePath(measure.id))).then(setCopied)
  }

  return (
    <View style={pageTextStyle()} className='page detail' id={`detail-${measure.id}`}>
      <View className='card detail__head'>
        <View className='detail__chips'>
          <Text className='detail__label' id='detail-label'>
            第{measure.label}条
          </Text>
          {section && (
            <Text className='detail__section'>
              {section.label}、{section.title}
            </Text>
          )}
        </View>
        <Text className='detail__title' id='detail-title'>
          {measure.title}
        </Text>
        <Text className='detail__headline' id='detail-headline'>
          {card.headline}
        </Text>
        <Text className='detail__who'>面向：{card.who}</Text>
        <View className='detail__kinds'>
          {measure.support.map((k) => (
            <Text key={k} className='detail__kind'>
              {k}
            </Text>
          ))}
        </View>
        <View className='detail__actions'>
          <View
            className={`detail__fav${favourite ? ' detail__fav--on' : ''}`}
            id='detail-favourite'
            ariaRole='button'
            ariaLabel={favourite ? '取消收藏' : '收藏到本机'}
            onClick={onFavourite}
          >
            <Text>{favourite ? '★ 已收藏' : '☆ 收藏'}</Text>
          </View>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn btn--primary detail__share' openType='share' id='detail-share'>
              转发到群聊
            </Button>
          ) : (
            <Button className='btn btn--primary detail__share' id='detail-copy-link' onClick={copyLink}>
              {copied ? '链接已复制' : '复制链接'}
            </Button>
          )}
        </View>
        <SharePoster measure={measure} yourFigure={yourFigure} />
        <DrawCanvas name='card' />
      </View>

      <View className='card'>
        <Text className='detail__h2'>条文原文</Text>
        <ClauseText clause={measure.clause} id='detail-clause' />
        <Text className='detail__source muted'>摘自《{catalog2022.title}》</Text>
        <ListStatusLine id='detail-list-status' view={listStatus} />
      </View>

      {!spec.computable && guidance}

      <View className='card'>
        <Text className='detail__h2'>支持事项</Text>
        <ItemTable rows={rows} focus={focus} />
      </View>

      {spec.computable && (
        <View className='card' id='detail-calculator'>
          <Text className='detail__h2'>算一算（只算这一条）</Text>
          <MiniCalculator measure={measure} onFigure={setYourFigure} />
        </View>
      )}

      {spec.computable && guidance}

      <View className='card' id='detail-deadlines'>
        <Text className='detail__h2'>申报时间与截止提醒</Text>
        <MeasureDeadlines measureId={measure.id} measureTitle={measureName} focus={deadlineFocus || undefined} />
      </View>

      <Button className='btn detail__to-browse' id='detail-to-browse' onClick={toBrowse}>
        查看全部 {catalog2022.measures.length} 条政策
      </Button>
      <Text className='detail__foot muted'>金额按条文估算，能否获得支持及具体金额以主管部门审核认定为准。{listStatusDisclaimer(listStatus.status)}</Text>
      <ContactButton id='detail-contact' path={routeOf({ view: 'measure', measureId: measure.id, itemId: focus || undefined })} title={measureName} />
      <PrivacyPrompt />
    </View>
  )
}
