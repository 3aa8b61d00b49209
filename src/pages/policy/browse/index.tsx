/** The policy browser: every measure as a card, with search and filters. */
import { useMemo, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { catalog2022, formatMoney } from '@policy/engine'
import { SUPPORT_FORMS, browse, largestCeiling, suggestions, type BrowseFilters, type Relaxation } from '@policy/view'

import MeasureCard from '@/components/measure-card'
import SearchBox from '@/components/search-box'
import FilterBar, { EMPTY_FILTERS, type FilterState } from '@/components/filter-bar'
import { listFavourites } from '@/services/favourites'
import { browseCard } from '@policy/pictures'
import DrawCanvas from '@/components/draw-canvas'
import { BRAND, browseShare, browseTimeline, measurePath } from '@/services/share'
import { withCard } from '@/services/share-card'
import { cardOf, param } from '../cards'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

function toBrowseFilters(f: FilterState, favourites: string[]): BrowseFilters {
  return {
    who: f.who === 'all' ? undefined : f.who,
    supportForms: f.supportForms.length ? f.supportForms : undefined,
    minAmount: f.minAmount.trim() || undefined,
    only: f.favouritesOnly ? favourites : undefined,
  }
}

function relax(change: Relaxation, f: FilterState): FilterState {
  switch (change) {
    case 'who':
      return { ...f, who: 'all' }
    case 'supportForms':
      return { ...f, supportForms: [] }
    case 'minAmount':
      return { ...f, minAmount: '' }
    case 'only':
      return { ...f, favouritesOnly: false }
    case 'all':
      return EMPTY_FILTERS
    default:
      return f
  }
}

/** The five sections of the list, each measure a card; search and filters on top. */
export default function BrowsePage() {
  const router = useRouter()
  const [query, setQuery] = useState(() => param(router.params.q))
  const [filters, setFilters] = useState<FilterState>(EMPTY_FILTERS)
  const [favourites, setFavourites] = useState<string[]>(() => listFavourites())
  useDidShow(() => setFavourites(listFavourites()))

  const bf = useMemo(() => toBrowseFilters(filters, favourites), [filters, favourites])
  const { hits, amountError } = useMemo(() => browse(query, bf), [query, bf])
  const tips = useMemo(() => (hits.length === 0 ? suggestions(query, bf) : []), [hits.length, query, bf])

  useShareAppMessage(() => withCard(browseShare(hits.length, query), browseCard(hits.length, BRAND, query)))
  useShareTimeline(() => browseTimeline(hits.length, query))

  const open = (id: string) => void Taro.navigateTo({ url: measurePath(id) })
  const apply = (change: Relaxation) => {
    if (change === 'query' || change === 'all') setQuery('')
    setFilters((f) => relax(change, f))
  }

  const searching = query.trim() !== ''
  const total = catalog2022.measures.length
  const card = (h: (typeof hits)[number]) => {
    const c = cardOf(h.measure)
    return (
      <MeasureCard
        key={c.id}
        id={c.id}
        label={c.label}
        title={c.title}
        who={c.who}
        headline={c.headline}
        supportForms={c.supportForms}
        favourite={favourites.includes(c.id)}
        snippet={h.snippet}
        onOpen={open}
      />
    )
  }

  return (
    <View style={pageTextStyle()} className='page browse'>
      <View className='browse__head'>
        <Text className='browse__title'>政策清单 {total} 条</Text>
        <Text className='browse__list muted'>{catalog2022.title}</Text>
      </View>
      <SearchBox value={query} onChange={setQuery} />
      <FilterBar value={filters} supportForms={SUPPORT_FORMS} onChange={setFilters} amountError={amountError} favouriteCount={favourites.length} />

      <Text className='browse__count' id='browse-count'>
        {searching || hits.length !== total ? `找到 ${hits.length} 条` : `共 ${total} 条，按清单顺序`}
        {searching && hits.length > 1 ? '，最相关的在前' : ''}
      </Text>

      {hits.length === 0 && (
        <View className='card browse__empty' id='browse-empty'>
          <Text className='browse__empty-title'>没有找到符合条件的政策</Text>
          {tips.length > 0 ? (
            <Text className='muted'>可以这样改：</Text>
          ) : (
            <Text className='muted'>换个说法试试，例如“技术改造”“机器人”“500万”“2000吨”“第八条”。</Text>
          )}
          {tips.map((t) => (
            <View key={t.change} className='browse__tip' id={`browse-tip-${t.change}`} ariaRole='button' onClick={() => apply(t.change)}>
              <Text>{t.label}</Text>
              <Text className='browse__tip-count'>可见 {t.count} 条</Text>
            </View>
          ))}
          {bf.minAmount && !amountError && (
            <Text className='muted browse__empty-note'>
              金额按条文写明的单项最高额比较；本清单单项最高 {formatMoney(largestCeiling())}，未写金额的非资金支持和发给个人的奖励（如工匠奖励）不参与金额筛选。
            </Text>
          )}
        </View>
      )}

      {searching
        ? hits.map(card)
        : catalog2022.sections.map((s) => {
            const inSection = hits.filter((h) => h.measure.section === s.number)
            if (inSection.length === 0) return null
            return (
              <View key={s.number} className='browse__section' id={`section-${s.number}`}>
                <Text className='browse__section-title'>
                  {s.label}、{s.title}
                </Text>
                {inSection.map(card)}
              </View>
            )
          })}

      <Text className='browse__foot muted'>金额为条文所写的标准或上限，能否获得及具体金额以主管部门审核认定为准。</Text>
      <DrawCanvas name='card' />
    </View>
  )
}
