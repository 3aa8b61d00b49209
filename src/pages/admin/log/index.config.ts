export default definePageConfig({
  navigationBarTitleText: '操作记录与发送记录',
})
