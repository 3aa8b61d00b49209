/** A measure's items as the catalog states them (who, condition, rate, cap, threshold), one block per item. */
import { View, Text } from '@tarojs/components'
import type { ItemRow } from '@policy/view'

import './index.scss'

const COLUMNS: { key: 'who' | 'condition' | 'rate' | 'cap' | 'threshold'; label: string }[] = [
  { key: 'who', label: '对象' },
  { key: 'condition', label: '条件' },
  { key: 'rate', label: '标准' },
  { key: 'cap', label: '上限' },
  { key: 'threshold', label: '门槛' },
]

/** Support without an amount: who, condition, and what kind of support (its tag). */
const GUIDANCE_COLUMNS: typeof COLUMNS = [
  { key: 'who', label: '对象' },
  { key: 'condition', label: '条件' },
  { key: 'rate', label: '支持' },
]

/**
 * The measure's items from the catalog records: who, condition, rate, cap, threshold. On a phone a
 * five-column table does not fit, so each item is a block of labelled rows. A shared result card
 * opens the page at its item (`focus`), which stands out.
 */
export default function ItemTable({ rows, focus }: { rows: ItemRow[]; focus?: string }) {
  return (
    <View className='item-table' id='item-table'>
      {rows.map((r, n) => (
        <View
          key={r.id}
          className={`item-table__item${r.id === focus ? ' item-table__item--focus' : ''}`}
          // Only the focused item has an id: Taro's H5 view writes an undefined id as id="undefined".
          {...(r.id === focus ? { id: 'item-table-focus' } : {})}
          data-item={r.id}
        >
          <Text className='item-table__title'>
            {rows.length > 1 ? `${n + 1}. ` : ''}
            {r.title}
          </Text>
          {(r.guidance ? GUIDANCE_COLUMNS : COLUMNS).map((c) => (
            <View key={c.key} className='item-table__row'>
              <Text className='item-table__key'>{c.label}</Text>
              <Text className={`item-table__value item-table__value--${c.key}`}>{r[c.key]}</Text>
            </View>
          ))}
          {r.note && <Text className='item-table__note'>说明：{r.note}</Text>}
        </View>
      ))}
    </View>
  )
}
