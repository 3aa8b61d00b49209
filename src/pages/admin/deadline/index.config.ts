export default definePageConfig({
  navigationBarTitleText: '截止时间',
})
