export default definePageConfig({
  navigationBarTitleText: '清单状态',
})
