export default definePageConfig({
  navigationBarTitleText: '申报截止时间管理',
})
