export default definePageConfig({
  navigationBarTitleText: '园区批量测算',
})
