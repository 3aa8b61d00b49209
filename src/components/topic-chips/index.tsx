import { View, Button, Text } from '@tarojs/components'
import type { TopicId } from '@policy/types'
import './index.scss'

interface Props {
  topics: { id: TopicId; label: string; measures: number }[]
  selected: TopicId[]
  onToggle: (topic: TopicId) => void
}

/** Step 2: the topics that apply, several at once. */
export default function TopicChips({ topics, selected, onToggle }: Props) {
  return (
    <View className='topic-chips'>
      {topics.map((t) => {
        const on = selected.includes(t.id)
        return (
          <Button
            key={t.id}
            id={`topic-${t.id}`}
            className={`topic-chip${on ? ' topic-chip--selected' : ''}`}
            aria-pressed={on ? 'true' : 'false'}
            aria-label={`${t.label}，${t.measures} 条措施${on ? '（已选）' : ''}`}
            onClick={() => onToggle(t.id)}
          >
            <Text className='topic-chip__mark'>{on ? '✓' : '＋'}</Text>
            <Text className='topic-chip__label'>{t.label}</Text>
          </Button>
        )
      })}
    </View>
  )
}
