/** The place question: 盟市, then 旗县区, as chips. */
import { View, Text, Button } from '@tarojs/components'
import { CITIES, findCity, findPlace } from '../../../shared/region'
import ChoiceChips from '../choice-chips'
import './index.scss'

interface Props {
  cityCode?: string
  countyCode?: string
  onCity: (code: string | undefined) => void
  onCounty: (code: string | undefined) => void
}

const CITY_OPTIONS = CITIES.map((c) => ({ value: c.code, label: c.name }))

/** 盟市 → 旗县区 in two taps, as chips (12 盟市, then that 盟市's 旗县区); the choice can be changed. */
export default function RegionPicker({ cityCode, countyCode, onCity, onCounty }: Props) {
  const place = findPlace(countyCode)
  const city = findCity(cityCode)
  if (place) {
    return (
      <View className='region-picker region-picker--done'>
        <Text className='region-picker__place' id='region-place'>
          {place.cityName} · {place.countyName}
        </Text>
        <Button className='region-picker__change' id='region-change' aria-label='更改项目所在地' onClick={() => onCounty(undefined)}>
          更改
        </Button>
      </View>
    )
  }
  if (city) {
    return (
      <View className='region-picker'>
        <View className='region-picker__head'>
          <Text className='region-picker__step'>{city.name} · 请选择旗县区</Text>
          <Button className='region-picker__change' id='region-city-change' aria-label='重新选择盟市' onClick={() => onCity(undefined)}>
            换盟市
          </Button>
        </View>
        <ChoiceChips
          options={city.counties.map(([code, name]) => ({ value: code, label: name }))}
          value={undefined}
          onChange={(code) => onCounty(code)}
          label={`${city.name}的旗县区`}
          idPrefix='county'
          columns={3}
        />
      </View>
    )
  }
  return (
    <View className='region-picker'>
      <Text className='region-picker__step'>请选择盟市</Text>
      <ChoiceChips options={CITY_OPTIONS} value={undefined} onChange={(code) => onCity(code)} label='项目所在盟市' idPrefix='city' columns={3} />
    </View>
  )
}
