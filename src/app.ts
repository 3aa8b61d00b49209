import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { mergeInternalComponents } from '@tarojs/shared'
import { watchPrivacy } from '@/services/privacy'
import ARIA_ATTRIBUTES from '@/components/aria-attributes.json'

import './app.scss'

// The aria-* attributes config/aria-plugin.cjs binds in the WeChat build's templates, in the
// runtime's component table too (before the first page renders), so both number them alike and an
// ariaLabel reaches WeChat's screen reader.
if (process.env.TARO_ENV === 'weapp') mergeInternalComponents(ARIA_ATTRIBUTES)

/** Initialise WeChat cloud in the weapp build only; never throws (e.g. base library without cloud). */
function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    const cloud = Taro.cloud
    if (!cloud || typeof cloud.init !== 'function') {
      console.warn('[cloud] Taro.cloud is not available; cloud calls will fail')
      return
    }
    cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
  } catch (err) {
    console.warn('[cloud] init failed', err)
  }
}

function App({ children }: PropsWithChildren<unknown>) {
  useLaunch(() => {
    initCloud()
    // Our own prompt answers WeChat's privacy consent (src/components/privacy-prompt).
    watchPrivacy()
  })
  // children are the pages being rendered
  return children
}

export default App
