/** A field's message under its question: the shared schema's Chinese text. */
import { View, Text } from '@tarojs/components'
import './index.scss'

/** A field's message under the question: the shared schema's text, never a code. */
export default function FieldMessage({ message, id }: { message?: string; id?: string }) {
  if (!message) return null
  return (
    <View className='field-message' id={id} aria-live='polite'>
      <Text className='field-message__text'>{message}</Text>
    </View>
  )
}
