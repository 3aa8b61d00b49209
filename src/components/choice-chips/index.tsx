/** Chips for one answer out of a few (each a ChipOption): yes/no, levels, the entity, the region. */
import { View, Button } from '@tarojs/components'
import './index.scss'

export interface ChipOption<T extends string | boolean> {
  value: T
  label: string
}

interface Props<T extends string | boolean> {
  options: ChipOption<T>[]
  value: T | undefined
  /** Tapping the chosen chip again clears the answer (undefined) unless `required`. */
  onChange: (value: T | undefined) => void
  /** Names the group for screen readers (the question). */
  label: string
  /** Prefix for chip ids: `${idPrefix}-${value}`. */
  idPrefix: string
  required?: boolean
  /** Lay the chips out in equal columns (2 or 3) instead of wrapping by width. */
  columns?: 2 | 3
}

/** One answer out of a few, as large tap targets (≥ 44 px), the chosen one marked with ✓ as well as colour. */
export default function ChoiceChips<T extends string | boolean>({ options, value, onChange, label, idPrefix, required, columns }: Props<T>) {
  return (
    <View className={`choice-chips${columns ? ` choice-chips--cols-${columns}` : ''}`}>
      {options.map((o) => {
        const selected = o.value === value
        return (
          <Button
            key={String(o.value)}
            id={`${idPrefix}-${String(o.value)}`}
            className={`chip${selected ? ' chip--selected' : ''}`}
            data-value={String(o.value)}
            aria-pressed={selected ? 'true' : 'false'}
            aria-label={`${label}：${o.label}${selected ? '（已选）' : ''}`}
            onClick={() => onChange(selected && !required ? undefined : o.value)}
          >
            {selected ? `✓ ${o.label}` : o.label}
          </Button>
        )
      })}
    </View>
  )
}
