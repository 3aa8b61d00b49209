export default defineAppConfig({
  pages: ['pages/index/index', 'pages/questionnaire/index', 'pages/results/index', 'pages/check/index'],
  // Policy browser and measure detail (with the poster code) load as a subpackage, keeping the main
  // package small. Others link to these routes: /pages/policy/browse/index, /pages/policy/detail/index?id=m08
  subPackages: [{ root: 'pages/policy', pages: ['browse/index', 'detail/index'] }],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f7f6',
    navigationBarBackgroundColor: '#1f5f4a',
    navigationBarTitleText: '政策算盘',
    navigationBarTextStyle: 'white',
  },
})
