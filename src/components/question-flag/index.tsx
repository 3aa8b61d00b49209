/** A yes/no question with "不确定" as three chips. */
import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Tri } from '@policy/engine'
import ChoiceChips, { type ChipOption } from '../choice-chips'
import FieldMessage from '../field-message'
import './index.scss'

export const TRI_OPTIONS: ChipOption<'yes' | 'no' | 'unknown'>[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'unknown', label: '不确定' },
]

const toKey = (v: Tri | undefined) => (v === true ? 'yes' : v === false ? 'no' : v)
const fromKey = (k: 'yes' | 'no' | 'unknown' | undefined): Tri | undefined => (k === 'yes' ? true : k === 'no' ? false : k)

interface Props {
  /** DOM id of the question block (scroll target). */
  id: string
  label: string
  help?: string
  value: Tri | undefined
  onChange: (value: Tri | undefined) => void
  message?: string
  highlight?: boolean
  children?: ReactNode
}

/** A yes/no question with "不确定" (the engine then shows the figure under both answers). */
export default function QuestionFlag({ id, label, help, value, onChange, message, highlight, children }: Props) {
  return (
    <View className={`question${highlight ? ' question--highlight' : ''}${message ? ' question--error' : ''}`} id={id}>
      <Text className='question__label'>{label}</Text>
      {help && <Text className='question__help'>{help}</Text>}
      {children}
      <ChoiceChips options={TRI_OPTIONS} value={toKey(value)} onChange={(k) => onChange(fromKey(k))} label={label} idPrefix={`${id}-opt`} columns={3} />
      <FieldMessage message={message} />
    </View>
  )
}
