/**
 * What a feature says when the person has not agreed to the 用户隐私保护指引 (PRIVACY_REFUSED, one
 * line per privacy-scoped feature), and isPrivacyRefusal, which tells that refusal from other
 * failures. WeChat fails a privacy API the person declined with
 * "<api>:fail privacy permission is not authorized" (errno 104) — wx.onNeedPrivacyAuthorization's
 * documentation; "api scope is not declared in the privacy agreement" (errno 112) is the build
 * calling an API the 指引 does not declare. No WeChat import: album.ts and the pages share it.
 */
export const PRIVACY_REFUSED = {
  file: '未同意隐私保护指引，无法选择聊天中的文件。需要时再点一次，同意后即可选择。',
  album: '未同意隐私保护指引，无法保存到相册。需要时再点一次保存，同意后即可保存；也可以长按图片直接转发。',
  clipboard: '未同意隐私保护指引，无法复制。需要时再点一次，同意后即可复制。',
} as const

export type PrivacyFeature = keyof typeof PRIVACY_REFUSED

/** True for WeChat's refusal of a privacy API (declined, or not declared), not for a cancel or another failure. */
export function isPrivacyRefusal(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  const o = err as { errMsg?: unknown; errno?: unknown }
  if (o.errno === 104 || o.errno === 112) return true
  return typeof o.errMsg === 'string' && /privacy (permission is not authorized|agreement)/i.test(o.errMsg)
}
