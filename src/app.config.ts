export default defineAppConfig({
  pages: ['pages/index/index'],
  // Policy browser and measure detail (with the poster code) load as a subpackage, keeping the main
  // package small. Others link to these routes: /pages/policy/browse/index, /pages/policy/detail/index?id=m08
  subPackages: [
    // Questionnaire and results carry the engine (catalog, schema, calculator): subpackages keep
    // the main package small; routes stay /pages/questionnaire/index and /pages/results/index.
    { root: 'pages/questionnaire', pages: ['index'] },
    { root: 'pages/results', pages: ['index'] },
    { root: 'pages/policy', pages: ['browse/index', 'detail/index'] },
    // 我的提醒 (reminder messages open it): /pages/reminders/index
    { root: 'pages/reminders', pages: ['index'] },
    // 管理 (admins, in WeChat and H5; reached from 我的提醒 and the home footer when the cloud says
    // the caller is an admin): deadlines and who their reminders reach, import from a chat file,
    // the list's status, admins, audit log and timer runs, 园区批量测算 (a register screened by the
    // `screen` function). /pages/admin/index …
    { root: 'pages/admin', pages: ['index', 'deadline/index', 'import/index', 'status/index', 'admins/index', 'log/index', 'screen/index'] },
    // 隐私说明 (linked from the home footer and the privacy prompt): the 用户隐私保护指引. /pages/privacy/index
    { root: 'pages/privacy', pages: ['index'] },
    // Dev pages of the local cloud, H5 build only (never in the mini-program): the local message
    // outbox, and the check page (dev openid switch, cloud round trip).
    // /pages/outbox/index, /pages/check/index
    ...(process.env.TARO_ENV === 'h5'
      ? [
          { root: 'pages/outbox', pages: ['index'] },
          { root: 'pages/check', pages: ['index'] },
        ]
      : []),
  ],
  // Home fetches the questionnaire and results subpackages in the background.
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['pages/questionnaire', 'pages/results'] } },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f7f6',
    navigationBarBackgroundColor: '#1f5f4a',
    navigationBarTitleText: '政策算盘',
    navigationBarTextStyle: 'white',
  },
})
