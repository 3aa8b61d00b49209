/** One fact of the catalog as a question, in the form its type asks for (yes/no, choice, amount). */
import type { ReactNode } from 'react'
import type { FactDef, Tri } from '@policy/engine'
import AmountInput from '../amount-input'
import QuestionFlag from '../question-flag'
import QuestionChoice from './choice'

export interface FactAnswer {
  value: Tri | string | undefined
  text: string | undefined
}

interface Props {
  def: FactDef
  /** DOM id (from the profile path). */
  domId: string
  answer: FactAnswer
  onValue: (value: Tri | string | undefined) => void
  onText: (text: string) => void
  message?: string
  highlight?: boolean
  /** Shown under a yes/no question's help (e.g. the 脱贫地区 suggestion). */
  children?: ReactNode
}

/** One fact of the catalog as a question: yes/no chips, level chips, or an amount with its unit. */
export default function FactQuestion({ def, domId, answer, onValue, onText, message, highlight, children }: Props) {
  switch (def.type) {
    case 'flag':
      return (
        <QuestionFlag
          id={domId}
          label={def.label}
          help={def.help}
          value={answer.value as Tri | undefined}
          onChange={onValue}
          message={message}
          highlight={highlight}
        >
          {children}
        </QuestionFlag>
      )
    case 'choice':
      return (
        <QuestionChoice
          id={domId}
          label={def.label}
          help={def.help}
          options={def.options}
          value={answer.value as string | undefined}
          onChange={onValue}
          message={message}
          highlight={highlight}
        />
      )
    case 'amount':
      return (
        <AmountInput
          id={domId}
          label={def.label}
          help={def.help}
          unit={def.unit}
          integer={def.integer}
          text={answer.text ?? ''}
          unknown={answer.value === 'unknown'}
          onText={onText}
          onUnknown={(u) => onValue(u ? 'unknown' : undefined)}
          message={message}
          highlight={highlight}
        />
      )
  }
}
