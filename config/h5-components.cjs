/**
 * h5ComponentImports (module.exports): a Babel plugin for the H5 build only that turns
 * `import { View, Text } from '@tarojs/components'` into one import per component, each from a
 * small module holding only that component's React wrapper (the same createReactComponent call as
 * @tarojs/components/lib/react/components.js, written once into node_modules/.cache).
 * Why (issue 24, item 5): Taro's H5 build copies components.js into every page chunk, and webpack
 * keeps in it every component any page uses, so the home chunk carried Input, Textarea,
 * ScrollView, Canvas and Image (their Stencil code too) that the home page never shows.
 * The WeChat build keeps its own handling of '@tarojs/components' (this plugin is not added there).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: Taro's config, jest and scripts/bench.mjs all load it */
const fs = require('fs')
const path = require('path')

const SOURCE = '@tarojs/components'
const componentsDir = path.join(path.dirname(require.resolve('@tarojs/components/package.json')), 'dist', 'components')
const outDir = path.resolve(__dirname, '..', 'node_modules', '.cache', 'taro-h5-components')

/** 'ScrollView' → 'taro-scroll-view-core' (Stencil's tag, as in components.js). */
const tagOf = (name) => `taro-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}-core`

/** The module of one component's wrapper, or null when the name is not a Stencil component (types, etc.). */
function moduleFor(name) {
  const tag = tagOf(name)
  const element = path.join(componentsDir, `${tag}.js`)
  if (!fs.existsSync(element)) return null
  const file = path.join(outDir, `${name}.js`)
  const text = [
    `import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'`,
    `import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'`,
    `import { defineCustomElement } from '@tarojs/components/dist/components/${tag}.js'`,
    `export const ${name} = /*@__PURE__*/ createReactComponent('${tag}', undefined, manipulatePropsFunction, defineCustomElement)`,
    '',
  ].join('\n')
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
    fs.mkdirSync(outDir, { recursive: true })
    // Several builds may run at once: write aside, then rename (atomic on one file system).
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, text)
    fs.renameSync(tmp, file)
  }
  return file
}

module.exports = function h5ComponentImports({ types: t }) {
  return {
    name: 'h5-component-imports',
    visitor: {
      ImportDeclaration(p) {
        const node = p.node
        if (node.source.value !== SOURCE || node.importKind === 'type') return
        const own = []
        const rest = []
        for (const s of node.specifiers) {
          const name = t.isImportSpecifier(s) && s.importKind !== 'type' && t.isIdentifier(s.imported) ? s.imported.name : null
          const file = name && moduleFor(name)
          if (file) own.push(t.importDeclaration([t.importSpecifier(s.local, t.identifier(name))], t.stringLiteral(file)))
          else rest.push(s)
        }
        if (own.length === 0) return
        if (rest.length) own.push(t.importDeclaration(rest, t.stringLiteral(SOURCE)))
        p.replaceWithMultiple(own)
      },
    },
  }
}
