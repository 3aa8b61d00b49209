/** The policy browser's search field. */
import { View, Input, Text } from '@tarojs/components'

import './index.scss'

export interface SearchBoxProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
}

/** The browser's search field with a clear button. Figures may be typed as 500万 or 2000吨. */
export default function SearchBox({ value, onChange, placeholder }: SearchBoxProps) {
  return (
    <View className='search-box'>
      <Text className='search-box__icon'>搜</Text>
      <Input
        className='search-box__input'
        id='policy-search'
        type='text'
        confirmType='search'
        value={value}
        placeholder={placeholder ?? '搜标题、条文或 500万'}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={(e) => onChange(e.detail.value)}
      />
      {value !== '' && (
        <View className='search-box__clear' id='policy-search-clear' ariaRole='button' ariaLabel='清除搜索' onClick={() => onChange('')}>
          <Text>清除</Text>
        </View>
      )}
    </View>
  )
}
