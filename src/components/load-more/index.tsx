/** 加载更多 under a paged list: the button while there is a next page, its failure, or the end of the list. */
import { View, Text, Button } from '@tarojs/components'

import './index.scss'

interface Props {
  /** Element id of the button (tests tap it). */
  id: string
  hasMore: boolean
  loading: boolean
  /** Message of a failed 加载更多. */
  error?: string | null
  /** Shown when everything is loaded and the list is not empty. */
  endText?: string
  onMore: () => void
}

export default function LoadMore({ id, hasMore, loading, error, endText, onMore }: Props) {
  return (
    <View className='load-more'>
      {error && <Text className='error-text load-more__error'>{error}</Text>}
      {hasMore ? (
        <Button className='btn load-more__button' id={id} {...(loading ? { disabled: true } : {})} onClick={onMore}>
          {loading ? '正在加载…' : error ? '重试加载更多' : '加载更多'}
        </Button>
      ) : (
        endText && <Text className='muted load-more__end'>{endText}</Text>
      )}
    </View>
  )
}
