export default definePageConfig({
  navigationBarTitleText: '开发：消息发件箱',
})
