#!/usr/bin/env node
/**
 * Compiles the built weapp (dist/) with WeChat's own compiler (miniprogram-ci, offline) and writes
 * the code package zip, the way WeChat DevTools would before an upload.
 *
 *   node scripts/compile-weapp.mjs [projectDir=dist] [--out .cache/weapp-code.zip] [--json]
 *
 * Exit 0 and print the zip size on success; exit 1 with WeChat's error code and message on failure
 * (e.g. 10038 broken WXML, 10005 a page in app.json without its files).
 *
 * Offline: ci.Project gets a dummy private key and an `attr` function answering the project
 * attributes locally, so nothing is asked from servicewechat.com (one optional request for the
 * file-extension white list fails with ENOTFOUND and is ignored by miniprogram-ci).
 * WXML is only fully parsed when minifyWXML is on (as on a real upload), so it is on here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** WeChat's limits for an ordinary mini-program (MB), answered locally instead of by the server. */
export const PROJECT_ATTR = {
  platform: true,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 20,
    MaxSubPackageLimit: 100,
    NavigateMiniprogramLimit: 10,
    MaxTabbarCount: 5,
    MinTabbarCount: 2,
  },
}

/**
 * Compile settings (scripts/compile-setting.json, which `npm run deploy` uploads with too): Taro
 * already minifies JS; WXML/WXSS minification parses every template.
 */
export const COMPILE_SETTING = createRequire(import.meta.url)('./compile-setting.json')

/**
 * @param {{ projectDir?: string, outZip?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ ok: true, zipPath: string, zipBytes: number, files: string[], ms: number }
 *   | { ok: false, code: number | string, message: string, ms: number }>}
 */
export async function compileWeapp(options = {}) {
  const projectDir = path.resolve(ROOT, options.projectDir ?? 'dist')
  const zipPath = path.resolve(ROOT, options.outZip ?? '.cache/weapp-code.zip')
  const t0 = Date.now()
  const elapsed = () => Date.now() - t0

  if (!fs.existsSync(path.join(projectDir, 'app.json'))) {
    return { ok: false, code: 'NO_BUILD', message: `${projectDir}/app.json not found — run \`npm run build:weapp\` first`, ms: elapsed() }
  }
  let appid = 'touristappid'
  try {
    appid = JSON.parse(fs.readFileSync(path.join(projectDir, 'project.config.json'), 'utf8')).appid || appid
  } catch {
    // dist/project.config.json is written by Taro; without it the placeholder appid is used
  }

  // miniprogram-ci logs progress with console.log; keep stdout clean unless asked.
  const restore = muteConsole(options.quiet !== false)
  const leftovers = ciLeftovers(process.cwd())
  try {
    const ci = require('miniprogram-ci')
    const project = new ci.Project({
      appid,
      type: 'miniProgram',
      projectPath: projectDir,
      privateKey: 'offline-dummy-key', // never used: attr() below answers locally
      ignores: ['node_modules/**/*'],
      attr: async () => PROJECT_ATTR,
    })
    fs.rmSync(zipPath, { force: true })
    const files = await ci.getCompiledResult({ project, setting: COMPILE_SETTING }, zipPath)
    const zipBytes = fs.statSync(zipPath).size
    return { ok: true, zipPath, zipBytes, files: Object.keys(files), ms: elapsed() }
  } catch (err) {
    const e = /** @type {{ code?: number | string, message?: string, path?: string }} */ (err ?? {})
    const message = String(e.message ?? err)
    // For WXML errors WeChat puts the file in `path` and only line:column in the message.
    const where = e.path && !message.includes(String(e.path)) ? `${e.path}: ` : ''
    return { ok: false, code: e.code ?? 'UNKNOWN', message: where + message, ms: elapsed() }
  } finally {
    restore()
    leftovers.sweep()
  }
}

/**
 * miniprogram-ci makes an empty folder named by 32 hex digits in the directory it runs from and
 * leaves it there; remove the empty ones this compile made (a folder that was there before, or has
 * anything in it, is not ours to remove).
 */
function ciLeftovers(dir) {
  const CI_FOLDER = /^[0-9a-f]{32}$/
  const before = new Set(fs.readdirSync(dir))
  return {
    sweep() {
      for (const name of fs.readdirSync(dir)) {
        if (before.has(name) || !CI_FOLDER.test(name)) continue
        const p = path.join(dir, name)
        try {
          if (fs.statSync(p).isDirectory() && fs.readdirSync(p).length === 0) fs.rmdirSync(p)
        } catch {
          // gone already, or not ours to read: leave it
        }
      }
    },
  }
}

function muteConsole(mute) {
  if (!mute) return () => {}
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error }
  const captured = []
  const keep = (...args) => captured.push(args.map(String).join(' '))
  console.log = console.info = console.warn = console.error = keep
  return () => Object.assign(console, saved)
}

function parseArgs(argv) {
  const opts = { projectDir: undefined, outZip: undefined, json: false, quiet: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--out') opts.outZip = argv[++i]
    else if (a === '--json') opts.json = true
    else if (a === '--verbose') opts.quiet = false
    else if (!a.startsWith('--')) opts.projectDir = a
    else throw new Error(`unknown option ${a}`)
  }
  return opts
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const result = await compileWeapp(opts)
  if (opts.json) {
    process.stdout.write(JSON.stringify(result) + '\n')
  } else if (result.ok) {
    console.log(`miniprogram-ci: compiled ${result.files.length} files in ${result.ms} ms`)
    console.log(`code package: ${path.relative(process.cwd(), result.zipPath)} ${result.zipBytes} bytes (${kb(result.zipBytes)})`)
  } else {
    console.error(`miniprogram-ci: compile FAILED [${result.code}] ${result.message}`)
  }
  return result.ok ? 0 : 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    // The forked compiler keeps Node alive: exit explicitly.
    (code) => process.exit(code),
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
