/** The questionnaire's step and progress bar. */
import { View, Text } from '@tarojs/components'
import './index.scss'

interface Props {
  /** 0-based step. */
  step: number
  total: number
  title: string
  /** Extra line, e.g. '已回答 3 / 8 题'. */
  detail?: string
}

/** Where the user is: '第 2 步，共 3 步 · 关注哪些方面', with a bar. */
export default function ProgressBar({ step, total, title, detail }: Props) {
  const percent = Math.round(((step + 1) / total) * 100)
  return (
    <View className='progress' id='progress' aria-label={`第 ${step + 1} 步，共 ${total} 步：${title}`}>
      <View className='progress__text'>
        <Text className='progress__step'>
          第 {step + 1} 步，共 {total} 步
        </Text>
        <Text className='progress__title'>{title}</Text>
      </View>
      <View className='progress__track'>
        <View className='progress__fill' style={{ width: `${percent}%` }} />
      </View>
      {detail && <Text className='progress__detail'>{detail}</Text>}
    </View>
  )
}
