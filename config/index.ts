import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { appVersion } from '../scripts/app-version.cjs'
import HomePreloadPlugin from './h5-preload-plugin.cjs'
import h5ComponentImports from './h5-components.cjs'

const root = path.resolve(__dirname, '..')
/** Code outside src/ that Taro's loaders must compile (absolute path, see NOTES-platform.md). */
const sharedDir = path.resolve(__dirname, '..', 'shared')
/** Modules the WeChat build keeps in the main package rather than copying into subpackages (item 6 below). */
const sharedInMain = /[\\/]node_modules[\\/]decimal\.js[\\/]|[\\/]shared[\\/]policy[\\/]engine[\\/]catalog[\\/]/

/**
 * weapp → dist/ (root project.config.json points there with miniprogramRoot "dist/");
 * h5    → dist-h5/ so the two builds never erase each other.
 * TARO_ENV is set by the CLI from `--type` before this file is evaluated.
 */
const isH5 = process.env.TARO_ENV === 'h5'

/**
 * WeChat cloud environment id used by Taro.cloud.init in the weapp build.
 * Placeholder: empty → wx.cloud.init() without `env`, i.e. the account's default environment.
 * Set CLOUD_ENV=<your-env-id> when building for a real mini-program.
 */
const cloudEnv = process.env.CLOUD_ENV || ''

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'policy-abacus',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // TARO_OUTPUT lets parallel work build into its own folder (e.g. .cache/h5-mine) without clobbering.
    outputRoot: process.env.TARO_OUTPUT || (isH5 ? 'dist-h5' : 'dist'),
    // Platform (weapp/h5) and framework (react) plugins are added by the CLI from --type and
    // `framework`. aria-plugin: the weapp templates bind aria-label and its kin (screen readers).
    plugins: [path.resolve(__dirname, 'aria-plugin.cjs')],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(cloudEnv),
      // The app's version on every figure (shared/policy/engine/version.ts): package.json + git commit.
      __APP_VERSION__: JSON.stringify(appVersion()),
    },
    alias: {
      '@policy': path.resolve(root, 'shared/policy'),
      '@cloud-api': path.resolve(root, 'shared/cloud'),
      '@': path.resolve(root, 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      // Issue 24, item 6: decimal.js and the policy catalog go to the main package's policy-common.js once
      // instead of a copy in each of questionnaire, results and policy (home preloads questionnaire
      // and results, so home → questionnaire → results downloaded them twice). Bytes per path:
      // scripts/weapp-paths.cjs; the rest of what those three share stays per subpackage (the main
      // package would go over its 550 KB budget, and a direct policy link would pay for it). A cache
      // group above Taro's sub-common ones (priority 1000), not optimizeMainPackage.exclude: in
      // Taro 4.2.1 an excluded module ends the scan of its chunk, which sent 250 KB more to main.
      webpackChain(chain) {
        const split = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...split,
          cacheGroups: {
            ...split.cacheGroups,
            sharedInMain: { name: 'policy-common', minChunks: 2, priority: 2000, test: (m: { resource?: string }) => sharedInMain.test(m.resource || '') },
          },
        })
      },
      // app.js loads the chunk above like Taro's own common.js.
      commonChunks: (defaults: string[]) => [...defaults, 'policy-common'],
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // Relative public path + hash router: the build works from any static server or sub-folder.
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      // Issue 24, item 5: index.html preloads the home page's chunk next to app.js, and each page
      // chunk carries only the components it imports (config/h5-components.cjs).
      webpackChain(chain) {
        chain.plugin('homePreload').use(HomePreloadPlugin, [{ page: /[\\/]src[\\/]pages[\\/]index[\\/]index\.tsx$/ }])
        chain.module
          .rule('script')
          .use('babelLoader')
          .tap((options: { plugins?: unknown[] }) => ({ ...options, plugins: [...(options.plugins || []), h5ComponentImports] }))
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
