/** The policy browser's filters; FilterState is what they hold, EMPTY_FILTERS none set. */
import { View, Text, Input } from '@tarojs/components'
import { WHO_TEXT } from '@policy/view'
import type { SupportForm } from '@policy/engine'

import './index.scss'

export type WhoFilter = 'all' | 'enterprise' | 'park'

export interface FilterState {
  who: WhoFilter
  supportForms: SupportForm[]
  /** As typed, in 万元. */
  minAmount: string
  favouritesOnly: boolean
}

export const EMPTY_FILTERS: FilterState = { who: 'all', supportForms: [], minAmount: '', favouritesOnly: false }

export interface FilterBarProps {
  value: FilterState
  /** The forms of support offered as chips. */
  supportForms: SupportForm[]
  onChange: (next: FilterState) => void
  amountError?: string
  favouriteCount: number
}

const WHO: { value: WhoFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'enterprise', label: WHO_TEXT.enterprise },
  { value: 'park', label: WHO_TEXT.park },
]

function Chip({ on, label, id, onClick, role = 'checkbox' }: { on: boolean; label: string; id: string; onClick: () => void; role?: 'checkbox' | 'radio' }) {
  return (
    <View
      id={id}
      className={`filter-chip${on ? ' filter-chip--on' : ''}`}
      ariaRole={role}
      ariaLabel={`${label}${on ? '，已选' : ''}`}
      onClick={onClick}
    >
      <Text>{label}</Text>
    </View>
  )
}

/** Who it is for, form of support, amount at least X (万元), favourites only. */
export default function FilterBar({ value, supportForms, onChange, amountError, favouriteCount }: FilterBarProps) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch })
  const toggleSupportForm = (k: SupportForm) =>
    set({ supportForms: value.supportForms.includes(k) ? value.supportForms.filter((x) => x !== k) : [...value.supportForms, k] })
  return (
    <View className='filter-bar'>
      <View className='filter-bar__row'>
        {WHO.map((w) => (
          <Chip key={w.value} role='radio' id={`filter-who-${w.value}`} on={value.who === w.value} label={w.label} onClick={() => set({ who: w.value })} />
        ))}
        <Chip
          id='filter-favourites'
          on={value.favouritesOnly}
          label={`★ 收藏${favouriteCount ? ` ${favouriteCount}` : ''}`}
          onClick={() => set({ favouritesOnly: !value.favouritesOnly })}
        />
      </View>
      <View className='filter-bar__row'>
        {supportForms.map((k) => (
          <Chip key={k} id={`filter-kind-${k}`} on={value.supportForms.includes(k)} label={k} onClick={() => toggleSupportForm(k)} />
        ))}
      </View>
      <View className='filter-bar__amount'>
        <Text className='filter-bar__amount-label'>金额至少</Text>
        <Input
          id='filter-min-amount'
          className={`filter-bar__amount-input${amountError ? ' filter-bar__amount-input--error' : ''}`}
          type='digit'
          value={value.minAmount}
          placeholder='不限'
          onInput={(e) => set({ minAmount: e.detail.value })}
        />
        <Text className='filter-bar__amount-unit'>万元</Text>
        {value.minAmount !== '' && (
          <View className='filter-bar__amount-clear' ariaRole='button' ariaLabel='清除金额' onClick={() => set({ minAmount: '' })}>
            <Text>清除</Text>
          </View>
        )}
      </View>
      {amountError && (
        <Text className='filter-bar__error' id='filter-amount-error'>
          {amountError}
        </Text>
      )}
    </View>
  )
}
