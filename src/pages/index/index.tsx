import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'

import './index.scss'

export const POLICY_LIST_NAME = '内蒙古自治区 2022 年促进制造业高端化、智能化、绿色化发展政策清单'

export default function IndexPage() {
  const start = () => {
    Taro.navigateTo({ url: '/pages/check/index' })
  }

  return (
    <View className='page home'>
      <View className='home__hero'>
        <Text className='home__title'>政策算盘</Text>
        <Text className='home__lead' id='home-lead'>
          一分钟算清你能申请的内蒙古制造业政策资金
        </Text>
      </View>

      <Button className='btn btn--primary start-button' id='start-button' onClick={start}>
        开始测算
      </Button>

      <View className='home__disclaimer muted' id='disclaimer'>
        <Text>
          依据《{POLICY_LIST_NAME}》逐条测算。所列金额均为按条文估算的结果，能否获得支持及具体金额，以主管部门的审核认定为准。
        </Text>
      </View>
    </View>
  )
}
