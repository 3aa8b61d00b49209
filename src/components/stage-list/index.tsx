/** The engine's working of an item, stage by stage, each with the clause phrase it applies. */
import { View, Text } from '@tarojs/components'
import type { Stage } from '@policy/engine'
import './index.scss'

interface Props {
  stages: Stage[]
  /** Names of repeated entries ('2 号线技改'), by index. */
  entryNames?: (string | undefined)[]
  /** '技术改造项目' */
  noun?: string
}

function mark(s: Stage): string {
  if (s.pass === true) return '✓ '
  if (s.pass === false) return '✗ '
  return ''
}

/** The engine's working, stage by stage, each quoting the clause phrase it applies. */
export default function StageList({ stages, entryNames, noun }: Props) {
  let lastEntry: number | undefined
  return (
    <View className='stage-list'>
      {stages.map((s, i) => {
        const showEntry = s.entry !== undefined && s.entry !== lastEntry && (entryNames?.length ?? 0) > 0
        lastEntry = s.entry
        const name = s.entry !== undefined ? entryNames?.[s.entry] : undefined
        return (
          <View className='stage-list__group' key={i}>
            {showEntry && (
              <Text className='stage-list__entry'>
                {noun ?? '项目'} {s.entry! + 1}
                {name ? `（${name}）` : ''}
              </Text>
            )}
            <View className={`stage${s.pass === false ? ' stage--fail' : ''}`}>
              <Text className='stage__label'>
                {mark(s)}
                {s.label}
              </Text>
              <Text className='stage__text'>{s.text}</Text>
              {s.quote && <Text className='stage__quote'>条文：「{s.quote}」</Text>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
