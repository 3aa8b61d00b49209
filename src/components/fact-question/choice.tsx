/** A level or category question as chips, plus "不确定". */
import { View, Text } from '@tarojs/components'
import ChoiceChips from '../choice-chips'
import FieldMessage from '../field-message'
import '../question-flag/index.scss'

interface Props {
  id: string
  label: string
  help?: string
  options: { value: string; label: string }[]
  value: string | undefined
  onChange: (value: string | undefined) => void
  message?: string
  highlight?: boolean
}

/** Levels and categories as chips, plus "不确定". */
export default function QuestionChoice({ id, label, help, options, value, onChange, message, highlight }: Props) {
  return (
    <View className={`question${highlight ? ' question--highlight' : ''}`} id={id}>
      <Text className='question__label'>{label}</Text>
      {help && <Text className='question__help'>{help}</Text>}
      <ChoiceChips options={[...options, { value: 'unknown', label: '不确定' }]} value={value} onChange={onChange} label={label} idPrefix={`${id}-opt`} />
      <FieldMessage message={message} />
    </View>
  )
}
