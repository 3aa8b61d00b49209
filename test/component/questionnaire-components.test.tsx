/** The questionnaire's building blocks on their own. */
import { fireEvent, render } from '@testing-library/react'

jest.mock('@tarojs/components', () => jest.requireActual('./questionnaire-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./questionnaire-mocks').taro)

import AmountInput from '@/components/amount-input'
import ChoiceChips from '@/components/choice-chips'
import ProgressBar from '@/components/progress-bar'
import RegionPicker from '@/components/region-picker'
import StageList from '@/components/stage-list'
import TopicChips from '@/components/topic-chips'

test('amount input: label with its unit, the text as given, 不确定 beside it, the message below', () => {
  const onText = jest.fn()
  const onUnknown = jest.fn()
  const { container, rerender } = render(
    <AmountInput id='q' label='项目年节水量' unit='吨' text='5万' unknown={false} onText={onText} onUnknown={onUnknown} message='「项目年节水量」必须是数字，单位：吨' />,
  )
  expect(container.textContent).toContain('项目年节水量（单位：吨）')
  expect((container.querySelector('input') as HTMLInputElement).value).toBe('5万')
  expect(container.querySelector('input')?.getAttribute('aria-label')).toBe('项目年节水量，单位吨')
  expect(container.querySelector('#q-message')?.textContent).toBe('「项目年节水量」必须是数字，单位：吨')
  fireEvent.change(container.querySelector('input')!, { target: { value: '50000' } })
  expect(onText).toHaveBeenCalledWith('50000')
  fireEvent.click(container.querySelector('#q-unknown')!)
  expect(onUnknown).toHaveBeenCalledWith(true)
  rerender(<AmountInput id='q' label='项目年节水量' unit='吨' text='5万' unknown onText={onText} onUnknown={onUnknown} />)
  expect(container.querySelector('#q-unknown')?.textContent).toBe('✓ 不确定')
  expect(container.querySelector('#q-message')).toBeNull()
})

test('chips: one answer, marked by ✓ and aria-pressed; tapping it again clears it unless required', () => {
  const onChange = jest.fn()
  const options = [
    { value: 'a', label: '甲' },
    { value: 'b', label: '乙' },
  ]
  const { container, rerender } = render(<ChoiceChips options={options} value='a' onChange={onChange} label='问题' idPrefix='x' />)
  expect(container.querySelector('#x-a')?.textContent).toBe('✓ 甲')
  expect(container.querySelector('#x-a')?.getAttribute('aria-pressed')).toBe('true')
  expect(container.querySelector('#x-a')?.getAttribute('aria-label')).toBe('问题：甲（已选）')
  fireEvent.click(container.querySelector('#x-a')!)
  expect(onChange).toHaveBeenLastCalledWith(undefined)
  fireEvent.click(container.querySelector('#x-b')!)
  expect(onChange).toHaveBeenLastCalledWith('b')
  rerender(<ChoiceChips options={options} value='a' onChange={onChange} label='问题' idPrefix='x' required />)
  fireEvent.click(container.querySelector('#x-a')!)
  expect(onChange).toHaveBeenLastCalledWith('a')
})

test('region picker: 12 盟市, then that 盟市’s 旗县区, then the place with 更改', () => {
  const onCity = jest.fn()
  const onCounty = jest.fn()
  const { container, rerender } = render(<RegionPicker onCity={onCity} onCounty={onCounty} />)
  expect(container.querySelectorAll('[id^="city-"]')).toHaveLength(12)
  fireEvent.click(container.querySelector('#city-152900')!)
  expect(onCity).toHaveBeenCalledWith('152900')
  rerender(<RegionPicker cityCode='152900' onCity={onCity} onCounty={onCounty} />)
  expect(Array.from(container.querySelectorAll('[id^="county-"]')).map((e) => e.textContent)).toEqual(['阿拉善左旗', '阿拉善右旗', '额济纳旗'])
  fireEvent.click(container.querySelector('#county-152922')!)
  expect(onCounty).toHaveBeenCalledWith('152922')
  rerender(<RegionPicker cityCode='152900' countyCode='152922' onCity={onCity} onCounty={onCounty} />)
  expect(container.querySelector('#region-place')?.textContent).toBe('阿拉善盟 · 阿拉善右旗')
  fireEvent.click(container.querySelector('#region-change')!)
  expect(onCounty).toHaveBeenLastCalledWith(undefined)
})

test('topic chips, progress bar and stage list', () => {
  const onToggle = jest.fn()
  const { container } = render(
    <>
      <TopicChips topics={[{ id: 'green', label: '绿色制造', measures: 1 }]} selected={['green']} onToggle={onToggle} />
      <ProgressBar step={1} total={3} title='关注哪些方面' />
      <StageList
        noun='技术改造项目'
        entryNames={['2 号线']}
        stages={[
          { step: 'condition', label: '条件', text: '是', quote: '技术改造项目', pass: true, entry: 0 },
          { step: 'threshold', label: '门槛', text: '1500万元 < 2000万元', quote: '对投资 2000万元及以上', pass: false, entry: 0 },
        ]}
      />
    </>,
  )
  fireEvent.click(container.querySelector('#topic-green')!)
  expect(onToggle).toHaveBeenCalledWith('green')
  expect(container.querySelector('#topic-green')?.getAttribute('aria-pressed')).toBe('true')
  expect(container.querySelector('#progress')?.getAttribute('aria-label')).toBe('第 2 步，共 3 步：关注哪些方面')
  const stages = container.querySelector('.stage-list')!.textContent
  expect(stages).toContain('技术改造项目 1（2 号线）')
  expect(stages).toContain('✓ 条件')
  expect(stages).toContain('✗ 门槛')
  expect(stages).toContain('条文：「对投资 2000万元及以上」')
})
