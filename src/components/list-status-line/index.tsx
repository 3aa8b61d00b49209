/** The line that says whether the list is still in force, as admins last checked it. */
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { copyText } from '@/services/clipboard'
import { effectiveListState, listStatusLine, type ListStatusView } from '@/services/list-status-core'

import './index.scss'

/**
 * A date in the line ('2026-12-05', or '2026年12月5日'), kept on one line: at 390 px the line broke
 * it into "2026-12-" / "05" (issue 22).
 */
const DATE = /(\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日))/

/**
 * One quiet line: whether the list is still in force, as admins last checked it (or that nobody
 * has), with the notice and, when there is one, a button that copies the link that was checked.
 * The page passes what useListStatus() gave it, and the element id (e.g. 'home-list-status').
 */
export default function ListStatusLine({ id, view }: { id: string; view: ListStatusView }) {
  const { status } = view
  const state = effectiveListState(status)
  const copy = () => {
    void copyText(status.sourceUrl, '复制失败').then((ok) => (ok ? Taro.showToast({ title: '已复制依据链接', icon: 'none' }) : undefined)).catch(() => undefined)
  }
  return (
    <View className={`list-status list-status--${state}`} id={id} data-state={state} data-fresh={view.fresh ? 'true' : 'false'}>
      <Text className='list-status__text' id={`${id}-text`}>
        {listStatusLine(status, view)
          .split(DATE)
          .map((part, i) =>
            i % 2 === 1 ? (
              <Text className='list-status__date' key={i}>
                {part}
              </Text>
            ) : (
              part
            ),
          )}
      </Text>
      {status.sourceUrl !== '' && (
        <Button className='list-status__copy' id={`${id}-copy`} onClick={copy}>
          复制依据链接
        </Button>
      )}
    </View>
  )
}
