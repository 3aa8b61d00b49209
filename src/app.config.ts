export default defineAppConfig({
  pages: ['pages/index/index', 'pages/questionnaire/index', 'pages/results/index', 'pages/check/index'],
  // Policy browser and measure detail (with the poster code) load as a subpackage, keeping the main
  // package small. Others link to these routes: /pages/policy/browse/index, /pages/policy/detail/index?id=m08
  subPackages: [
    { root: 'pages/policy', pages: ['browse/index', 'detail/index'] },
    // 我的提醒 (reminder messages open it): /pages/reminders/index
    { root: 'pages/reminders', pages: ['index'] },
    // Dev pages of the local cloud, H5 build only (never in the mini-program): deadline admin and
    // the local message outbox. /pages/admin/index, /pages/outbox/index
    ...(process.env.TARO_ENV === 'h5'
      ? [
          { root: 'pages/admin', pages: ['index'] },
          { root: 'pages/outbox', pages: ['index'] },
        ]
      : []),
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f7f6',
    navigationBarBackgroundColor: '#1f5f4a',
    navigationBarTitleText: '政策算盘',
    navigationBarTextStyle: 'white',
  },
})
