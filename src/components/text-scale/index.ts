/**
 * Large text: textScaleOf (WeChat's font size → the pages' text scale), readTextScale and
 * pageTextStyle (the `--text-scale` every page root sets), STANDARD_FONT_PX, CARE_FONT_PX,
 * MAX_TEXT_SCALE, H5_FONT_SIZE_KEY and FontSizeInfo (the fields WeChat answers).
 *
 * WeChat's 适老化设计指南 (developers.weixin.qq.com/miniprogram/design/elderly.html): the user's
 * font size is `fontSizeSetting` (px) from wx.getAppBaseInfo (getSystemInfo is no longer
 * maintained); 17 px is the standard size on iOS and 23.8 px is 关怀模式 (1.4×), and
 * `fontSizeScaleFactor` is that size over the standard one (Android's own ladder starts at 16 px,
 * so there the factor is the truth, not the px). Our text sizes are design px that Taro turns into
 * rpx (weapp) and rem (H5), so they ignore that setting; each one goes through the SCSS function
 * text-size() (src/components/styles/_tokens.scss), which multiplies it by `--text-scale`, set
 * here on the page's root. Widths and paddings stay as designed; only text and its lines grow.
 * Why not <page-meta root-font-size="system"> and rem: in the H5 twin rem is already Taro's layout
 * unit, and Taro's React pages cannot put page-meta first in the page's WXML; one CSS variable
 * works the same in both builds.
 */
import Taro from '@tarojs/taro'

/** WeChat's standard text size on iOS (px): fontSizeScaleFactor = fontSizeSetting / 17. */
export const STANDARD_FONT_PX = 17
/** 关怀模式 (care mode): the largest size the pages follow (px). */
export const CARE_FONT_PX = 23.8
/** 23.8 / 17: text at 关怀模式 is 1.4× the design. */
export const MAX_TEXT_SCALE = CARE_FONT_PX / STANDARD_FONT_PX
/**
 * The browser twin has no WeChat font size: this localStorage value (px, as fontSizeSetting)
 * stands in for it, so the H5 build shows what a WeChat user with large text sees.
 */
export const H5_FONT_SIZE_KEY = 'fontSizeSetting'

export interface FontSizeInfo {
  fontSizeSetting?: number
  fontSizeScaleFactor?: number
}

const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0

/**
 * The text scale for WeChat's font size: its scale factor (or the size over 17 px when only the
 * size is known), at least 1 — our design sizes are the smallest we show, so 「小」 keeps them — and
 * at most 关怀模式's 1.4, beyond which a 375 px screen has no room for our longest words.
 */
export function textScaleOf(info: FontSizeInfo | undefined): number {
  const factor = positive(info?.fontSizeScaleFactor)
    ? info!.fontSizeScaleFactor!
    : positive(info?.fontSizeSetting)
      ? info!.fontSizeSetting! / STANDARD_FONT_PX
      : 1
  return Math.round(Math.min(MAX_TEXT_SCALE, Math.max(1, factor)) * 1000) / 1000
}

function fontSizeInfo(): FontSizeInfo | undefined {
  if (process.env.TARO_ENV === 'h5') {
    try {
      return { fontSizeSetting: Number(window.localStorage.getItem(H5_FONT_SIZE_KEY)) }
    } catch {
      return undefined
    }
  }
  // getAppBaseInfo from base library 2.20.1; before it, getSystemInfoSync answers the same fields.
  for (const ask of [() => Taro.getAppBaseInfo(), () => Taro.getSystemInfoSync()]) {
    try {
      const info = ask() as FontSizeInfo | undefined
      if (positive(info?.fontSizeSetting) || positive(info?.fontSizeScaleFactor)) return info
    } catch {
      // not in this base library: ask the next
    }
  }
  return undefined
}

/** The text scale for the font size WeChat (or the browser twin's stand-in) has now. */
export function readTextScale(): number {
  return textScaleOf(fontSizeInfo())
}

/**
 * The style of a page's root view (`<View className='page …' style={pageTextStyle()}>`): the text
 * scale every text-size() below it multiplies by. Read on each render, so a size changed in
 * WeChat's settings shows when the page renders again.
 */
export function pageTextStyle(): Record<string, string> {
  return { '--text-scale': String(readTextScale()) }
}
