/**
 * The text scale the pages take from WeChat's font size (issue 26, item 5; WeChat's 适老化设计指南:
 * fontSizeSetting in px, 17 standard and 23.8 关怀模式 on iOS, fontSizeScaleFactor = size / 17,
 * Android's sizes on a 16 px ladder with their own factor): at least the design (1), at most
 * 关怀模式 (1.4); and where the pages read it (getAppBaseInfo, else getSystemInfoSync).
 */
import { pageTextStyle, textScaleOf, type FontSizeInfo } from '@/components/text-scale'

const getAppBaseInfo = jest.fn()
const getSystemInfoSync = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getAppBaseInfo: () => getAppBaseInfo(), getSystemInfoSync: () => getSystemInfoSync() } }))

beforeEach(() => {
  getAppBaseInfo.mockReset()
  getSystemInfoSync.mockReset()
})

it.each<[string, number, FontSizeInfo | undefined]>([
  ['iOS standard, 17 px', 1, { fontSizeSetting: 17, fontSizeScaleFactor: 1 }],
  ['iOS +3 on a 375 screen, 21 px', 1.235, { fontSizeSetting: 21, fontSizeScaleFactor: 21 / 17 }],
  ['iOS 关怀模式, 23.8 px', 1.4, { fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 }],
  ['iOS +5 on a 414 screen, 25.5 px (beyond 关怀模式)', 1.4, { fontSizeSetting: 25.5, fontSizeScaleFactor: 1.5 }],
  ['iOS −1, 16 px (smaller than the design: kept at the design)', 1, { fontSizeSetting: 16, fontSizeScaleFactor: 16 / 17 }],
  ['Android standard, 16 px with factor 1', 1, { fontSizeSetting: 16, fontSizeScaleFactor: 1 }],
  ['Android 1.3×, 20.8 px', 1.3, { fontSizeSetting: 20.8, fontSizeScaleFactor: 1.3 }],
  ['only the size known, 23.8 px', 1.4, { fontSizeSetting: 23.8 }],
  ['nothing known', 1, undefined],
  ['a size that is not a number', 1, { fontSizeSetting: Number.NaN }],
])('WeChat’s font size at %s gives a text scale of %s', (_name, scale, info) => {
  expect(textScaleOf(info)).toBe(scale)
})

it.each<[string, () => void, string]>([
  ['getAppBaseInfo answers 23.8 px', () => getAppBaseInfo.mockReturnValue({ fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 }), '1.4'],
  [
    'an older base library without getAppBaseInfo: getSystemInfoSync answers 23.8 px',
    () => {
      getAppBaseInfo.mockImplementation(() => {
        throw new TypeError('wx.getAppBaseInfo is not a function')
      })
      getSystemInfoSync.mockReturnValue({ fontSizeSetting: 23.8 })
    },
    '1.4',
  ],
  ['neither says a size', () => getAppBaseInfo.mockReturnValue({ SDKVersion: '3.6.0' }), '1'],
])('a page root’s style when %s', (_name, arrange, scale) => {
  arrange()
  expect(pageTextStyle()).toEqual({ '--text-scale': scale })
})
