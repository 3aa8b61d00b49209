/**
 * HomePreloadPlugin (module.exports): the H5 build's index.html asks for the home page's chunks
 * (JS and CSS) at once, next to app.js, instead of after app.js has run.
 * Why (issue 24, item 5): Taro's router imports each page with import(), so on a slow-4G phone
 * the home chunk was requested only after app.js had downloaded and run — a second round trip on
 * the way to a clickable start button. `<link rel=preload>` lets the browser fetch both in
 * parallel; the router's import() then finds the file in the cache.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: Taro's config, jest and scripts/bench.mjs all load it */
const HtmlWebpackPlugin = require('html-webpack-plugin')

const NAME = 'HomePreloadPlugin'

class HomePreloadPlugin {
  /** @param {{ page: RegExp }} options the home page's source file, e.g. /src[\\/]pages[\\/]index[\\/]index\.tsx/ */
  constructor(options) {
    this.page = options.page
  }

  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const files = this.homeFiles(compilation)
        if (files.length === 0) throw new Error(`${NAME}: no chunk holds the home page (${this.page})`)
        const publicPath = data.publicPath ?? ''
        const tags = files.map((file) =>
          HtmlWebpackPlugin.createHtmlTagObject('link', {
            rel: 'preload',
            as: file.endsWith('.css') ? 'style' : 'script',
            href: publicPath + file,
          }),
        )
        data.headTags.unshift(...tags)
        return data
      })
    })
  }

  /** Every file of the async chunk group that loads the home page (its own chunk and any split from it). */
  homeFiles(compilation) {
    const { chunkGraph } = compilation
    const out = new Set()
    for (const chunk of compilation.chunks) {
      if (chunk.canBeInitial()) continue
      const holdsHome = [...chunkGraph.getChunkModulesIterable(chunk)].some((m) =>
        [m, m.rootModule, ...(m.modules || [])].some((x) => x && this.page.test(x.resource || '')),
      )
      if (!holdsHome) continue
      for (const group of chunk.groupsIterable) {
        for (const c of group.chunks) {
          if (c.canBeInitial()) continue
          for (const f of c.files) if (/\.(js|css)$/.test(f)) out.add(f)
        }
      }
    }
    return [...out].sort((a, b) => Number(b.endsWith('.css')) - Number(a.endsWith('.css')))
  }
}

module.exports = HomePreloadPlugin
