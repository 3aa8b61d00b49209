/** The list of repeatable entries of an item (projects, products, varieties): add, name, remove. */
import type { ReactNode } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { entryListId, type DomScope } from '@policy/engine'
import { lineChunks } from './line-chunks'
import './index.scss'

interface Props {
  itemId: string
  /** '技术改造项目' */
  noun: string
  /** What the entries are for: '技术改造项目补助'. */
  itemTitle: string
  entries: { key: string; name: string }[]
  onAdd: () => void
  onRemove: (key: string) => void
  onRename: (key: string, name: string) => void
  /** The entry's questions. */
  renderEntry: (key: string, index: number) => ReactNode
  /** Whose DOM ids (paths.ts `entryListId`): the questionnaire's ('entries-…') or a calculator's ('calc-entries-…'). */
  scope?: DomScope
}

/** Repeatable entries (projects, products, varieties): each is computed on its own by the engine. */
export default function EntryList({ itemId, noun, itemTitle, entries, onAdd, onRemove, onRename, renderEntry, scope = 'q' }: Props) {
  const base = entryListId(itemId, scope)
  return (
    <View className='entry-list' id={base}>
      <Text className='entry-list__title'>{itemTitle}</Text>
      <Text className='entry-list__hint'>
        {entries.length === 0 ? `有${noun}就添加一项，每项单独计算；没有可跳过。` : `已添加 ${entries.length} 项，每项单独计算。`}
      </Text>
      {entries.map((e, i) => (
        <View className='entry-list__entry' key={e.key} id={`${base}-${i}`}>
          <View className='entry-list__head'>
            <Text className='entry-list__number'>
              {noun} {i + 1}
            </Text>
            <Button className='entry-list__remove' id={`${base}-${i}-remove`} aria-label={`删除${noun} ${i + 1}`} onClick={() => onRemove(e.key)}>
              删除
            </Button>
          </View>
          <View className='entry-list__name'>
            <Input
              className='entry-list__name-input'
              id={`${base}-${i}-name`}
              value={e.name}
              maxlength={40}
              placeholder='选填，如“2 号线技改”'
              nativeProps={{ 'aria-label': `${noun} ${i + 1} 的名称（选填）` }}
              onInput={(ev) => onRename(e.key, ev.detail.value)}
            />
          </View>
          {renderEntry(e.key, i)}
        </View>
      ))}
      <Button className='entry-list__add' id={`${base}-add`} onClick={onAdd}>
        {/* Chunks (./line-chunks): a long noun wraps between its words, not inside one. A no-break
            space: the ＋ never sits alone on a line above its words. */}
        <View className='entry-list__add-label'>
          {[`＋\u00a0添加${entries.length > 0 ? '另一个' : '一个'}`, ...lineChunks(noun)].map((chunk, i) => (
            <Text className={chunk === ' ' ? undefined : 'entry-list__add-chunk'} key={i}>
              {chunk}
            </Text>
          ))}
        </View>
      </Button>
    </View>
  )
}
