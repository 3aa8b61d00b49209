export default definePageConfig({
  navigationBarTitleText: '测算问卷',
})
