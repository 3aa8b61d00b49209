import { fireEvent, render } from '@testing-library/react'

jest.mock('@tarojs/components', () => jest.requireActual('./taro-mocks').components)
jest.mock('@tarojs/taro', () => {
  const navigateTo = jest.fn()
  return { __esModule: true, default: { navigateTo }, navigateTo }
})

import Taro from '@tarojs/taro'
import IndexPage from '@/pages/index/index'

test('home page: description, disclaimer naming the list, start button navigates to the check page', () => {
  const { container } = render(<IndexPage />)
  const text = container.textContent ?? ''
  expect(text).toContain('一分钟算清你能申请的内蒙古制造业政策资金')
  expect(text).toContain('内蒙古自治区 2022 年促进制造业高端化、智能化、绿色化发展政策清单')
  expect(text).toContain('估算')
  expect(text).toContain('以主管部门')

  fireEvent.click(container.querySelector('.start-button')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/check/index' })
})
