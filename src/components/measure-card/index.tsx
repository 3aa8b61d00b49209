/** One measure's card in the policy browser. */
import { View, Text } from '@tarojs/components'
import type { Snippet } from '@policy/view'

import './index.scss'

export interface MeasureCardProps {
  id: string
  /** '（八）' */
  label: string
  title: string
  /** '企业（按项目申报）' */
  who: string
  /** headline(measure): '投资额 20%，最高 500万元' */
  headline: string
  supportForms: string[]
  favourite?: boolean
  /** Where a search found the query in the clause. */
  snippet?: Snippet
  onOpen: (id: string) => void
}

/** One measure in the browser: number, title, who it is for, the headline figure. */
export default function MeasureCard({ id, label, title, who, headline, supportForms, favourite, snippet, onOpen }: MeasureCardProps) {
  return (
    <View
      className='measure-card'
      id={`measure-card-${id}`}
      data-measure={id}
      ariaRole='link'
      ariaLabel={`第${label}条 ${title}，${headline}`}
      hoverClass='measure-card--pressed'
      onClick={() => onOpen(id)}
    >
      <View className='measure-card__top'>
        <Text className='measure-card__label'>{label}</Text>
        <Text className='measure-card__title'>{title}</Text>
        {favourite && (
          <Text className='measure-card__star'>★</Text>
        )}
      </View>
      <Text className='measure-card__headline'>{headline}</Text>
      <View className='measure-card__meta'>
        <Text className='measure-card__who'>面向：{who}</Text>
        <View className='measure-card__kinds'>
          {supportForms.map((k) => (
            <Text key={k} className='measure-card__kind'>
              {k}
            </Text>
          ))}
        </View>
      </View>
      {snippet && (
        <View className='measure-card__snippet'>
          <Text>{snippet.before}</Text>
          <Text className='measure-card__hit'>{snippet.match}</Text>
          <Text>{snippet.after}</Text>
        </View>
      )}
    </View>
  )
}
