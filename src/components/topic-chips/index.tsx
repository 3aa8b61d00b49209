/** The questionnaire's topic step: the topics that apply, as chips. */
import { View, Button, Text } from '@tarojs/components'
import type { TopicId } from '@policy/engine'
import './index.scss'

interface Props {
  topics: { id: TopicId; label: string; measures: number }[]
  selected: TopicId[]
  onToggle: (topic: TopicId) => void
  /** A topic chosen for the user that cannot be dropped (a park's only topic). */
  locked?: TopicId
}

/** Step 2: the topics that apply, several at once. */
export default function TopicChips({ topics, selected, onToggle, locked }: Props) {
  return (
    <View className='topic-chips'>
      {topics.map((t) => {
        const on = selected.includes(t.id) || t.id === locked
        const fixed = t.id === locked
        return (
          <Button
            key={t.id}
            id={`topic-${t.id}`}
            className={`topic-chip${on ? ' topic-chip--selected' : ''}`}
            aria-pressed={on ? 'true' : 'false'}
            aria-label={`${t.label}，${t.measures} 条措施${fixed ? '（已为您选好）' : on ? '（已选）' : ''}`}
            aria-disabled={fixed ? 'true' : undefined}
            onClick={() => (fixed ? undefined : onToggle(t.id))}
          >
            <Text className='topic-chip__mark'>{on ? '✓' : '＋'}</Text>
            <Text className='topic-chip__label'>{t.label}</Text>
          </Button>
        )
      })}
    </View>
  )
}
