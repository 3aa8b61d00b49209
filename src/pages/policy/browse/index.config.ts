export default definePageConfig({
  navigationBarTitleText: '政策清单',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
