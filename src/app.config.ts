export default defineAppConfig({
  pages: ['pages/index/index', 'pages/check/index'],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f7f6',
    navigationBarBackgroundColor: '#1f5f4a',
    navigationBarTitleText: '政策算盘',
    navigationBarTextStyle: 'white',
  },
})
