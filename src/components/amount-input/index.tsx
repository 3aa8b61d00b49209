/** The amount box of a question: a number in the fact's unit, with "不确定", kept exactly as typed. */
import { View, Text, Input, Button } from '@tarojs/components'
import FieldMessage from '../field-message'
import '../question-flag/index.scss'
import './index.scss'

interface Props {
  id: string
  label: string
  help?: string
  /** '万元', '元', '吨', '吨标准煤', '个', '人' — shown beside the box. */
  unit: string
  /** Exactly what the user typed. */
  text: string
  unknown: boolean
  onText: (text: string) => void
  onUnknown: (unknown: boolean) => void
  message?: string
  highlight?: boolean
  integer?: boolean
}

// WeChat: the digit keypad. Browser: a text box with a decimal keypad on phones, so whatever is
// typed (letters, "1e20", "-5") stays visible and gets the schema's message instead of vanishing.
const INPUT_TYPE = process.env.TARO_ENV === 'weapp' ? 'digit' : 'text'

/** An amount in its unit, with "不确定"; the text is kept exactly as typed. */
export default function AmountInput({ id, label, help, unit, text, unknown, onText, onUnknown, message, highlight, integer }: Props) {
  return (
    <View className={`question amount-input${highlight ? ' question--highlight' : ''}${message ? ' amount-input--error' : ''}`} id={id}>
      <Text className='question__label'>
        {label}
        <Text className='amount-input__unit-note'>（单位：{unit}）</Text>
      </Text>
      {help && <Text className='question__help'>{help}</Text>}
      <View className='amount-input__row'>
        <View className={`amount-input__box${unknown ? ' amount-input__box--muted' : ''}`}>
          <Input
            className='amount-input__field'
            id={`${id}-input`}
            type={integer && INPUT_TYPE === 'digit' ? 'number' : INPUT_TYPE}
            nativeProps={{ inputMode: integer ? 'numeric' : 'decimal', 'aria-label': `${label}，单位${unit}` }}
            value={text}
            placeholder={unknown ? '不确定' : '输入数字'}
            maxlength={40}
            onInput={(e) => onText(e.detail.value)}
          />
          <Text className='amount-input__unit'>{unit}</Text>
        </View>
        <Button
          className={`chip amount-input__unknown${unknown ? ' chip--selected' : ''}`}
          id={`${id}-unknown`}
          aria-pressed={unknown ? 'true' : 'false'}
          aria-label={`${label}：不确定${unknown ? '（已选）' : ''}`}
          onClick={() => onUnknown(!unknown)}
        >
          {unknown ? '✓ 不确定' : '不确定'}
        </Button>
      </View>
      <FieldMessage message={message} id={`${id}-message`} />
    </View>
  )
}
