/** A clause shown verbatim, its figures highlighted (search's segmentClause finds them). */
import { View, Text } from '@tarojs/components'
import { segmentClause } from '@policy/view'

import './index.scss'

/** A clause verbatim, its figures (numbers with their units) highlighted. */
export default function ClauseText({ clause, id }: { clause: string; id?: string }) {
  const segments = segmentClause(clause)
  return (
    <View className='clause-text' id={id}>
      <Text userSelect>
        {segments.map((s, i) =>
          s.figure ? (
            <Text key={i} className='clause-text__figure'>
              {s.text}
            </Text>
          ) : (
            <Text key={i}>{s.text}</Text>
          ),
        )}
      </Text>
    </View>
  )
}
