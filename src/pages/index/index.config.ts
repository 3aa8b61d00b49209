export default definePageConfig({
  navigationBarTitleText: '政策算盘',
})
