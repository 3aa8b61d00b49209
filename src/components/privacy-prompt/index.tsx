/**
 * PrivacyPrompt: our own privacy prompt, shown when WeChat holds a privacy-scoped API until the
 * person agrees to the 用户隐私保护指引 (src/services/privacy.ts). 同意 is WeChat's own agree button
 * (open-type="agreePrivacyAuthorization"), which is what lets the held call go on; 拒绝 declines it,
 * and the feature says why it cannot go on. 查看隐私说明 opens the 隐私说明 page. A page that calls
 * such an API mounts one (weapp; in the browser build it renders nothing: no such event there).
 */
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PRIVACY_AGREE_ID, usePrivacyPrompt } from '@/services/privacy'
import { ROUTES } from '@/state/navigation'

import './index.scss'

export default function PrivacyPrompt() {
  const { open, agree, decline } = usePrivacyPrompt()
  if (process.env.TARO_ENV === 'h5' || !open) return null
  return (
    <View className='privacy-prompt' id='privacy-prompt' role='dialog' aria-label='隐私保护提示'>
      <View className='privacy-prompt__sheet'>
        <Text className='privacy-prompt__title'>隐私保护提示</Text>
        <Text className='privacy-prompt__text'>
          选择聊天中的文件、保存图片到相册、复制内容前，请阅读并同意《政策算盘用户隐私保护指引》。你的问卷答案只保存在本机；核对结果时发给云端计算一次，算完即丢弃。
        </Text>
        <Button className='privacy-prompt__link' id='privacy-read' onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
          查看隐私说明
        </Button>
        <View className='privacy-prompt__actions'>
          <Button className='btn privacy-prompt__decline' id='privacy-decline' onClick={decline}>
            拒绝
          </Button>
          <Button
            className='btn btn--primary privacy-prompt__agree'
            id={PRIVACY_AGREE_ID}
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={agree}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
