export default definePageConfig({
  navigationBarTitleText: '从聊天文件导入',
})
