/**
 * 隐私说明 (/pages/privacy/index, its own small subpackage): the 用户隐私保护指引 as the mini-program
 * declares it to WeChat — PRIVACY_GUIDE, the same text docs/privacy.md gives to paste into WeChat's form.
 */
import { View, Text } from '@tarojs/components'
import { PRIVACY_GUIDE, itemSentence } from './guide'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

export default function PrivacyPage() {
  const g = PRIVACY_GUIDE
  return (
    <View style={pageTextStyle()} className='page privacy' id='privacy'>
      <Text className='privacy__title' id='privacy-title'>
        {g.title}
      </Text>
      <Text className='privacy__text' id='privacy-intro'>
        {g.intro}
      </Text>
      <View className='card privacy__section' id='privacy-items'>
        <Text className='privacy__heading'>需要你同意后才处理的信息</Text>
        {g.items.map((item) => (
          <Text className='privacy__text' id={`privacy-item-${item.key}`} key={item.key}>
            {itemSentence(item)}
          </Text>
        ))}
      </View>
      {g.sections.map((s, i) => (
        <View className='card privacy__section' id={`privacy-section-${i + 1}`} key={s.heading}>
          <Text className='privacy__heading'>{s.heading}</Text>
          {s.paragraphs.map((p) => (
            <Text className='privacy__text' key={p}>
              {p}
            </Text>
          ))}
        </View>
      ))}
      <Text className='privacy__updated muted' id='privacy-updated'>
        更新日期：{g.updated}
      </Text>
    </View>
  )
}
