import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { watchPrivacy } from '@/services/privacy'

import './app.scss'

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
