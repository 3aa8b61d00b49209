/**
 * Checks on the weapp build output (run `npm run build:weapp` first):
 *  - dist/app.json lists every page of src/app.config.ts and each page's files exist;
 *  - the main package stays under WeChat's 2 MB limit;
 *  - WeChat's own compiler (miniprogram-ci, offline) accepts dist/ and writes the code package;
 *  - the same compiler rejects a broken copy (so the check above can fail).
 */
import { execFile } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.resolve(ROOT, process.env.WEAPP_DIR || 'dist')
const SCRIPT = path.join(ROOT, 'scripts', 'compile-weapp.mjs')
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024

type CompileResult =
  | { ok: true; zipPath: string; zipBytes: number; files: string[]; ms: number }
  | { ok: false; code: number | string; message: string; ms: number }

/** Runs the compile script in its own process (the forked WeChat compiler keeps Node alive). */
function compile(projectDir: string, outZip: string, cwd = ROOT): Promise<{ exitCode: number; result: CompileResult }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [SCRIPT, projectDir, '--out', outZip, '--json'],
      { cwd, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? ''
        try {
          const result = JSON.parse(line) as CompileResult
          const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0
          resolve({ exitCode, result })
        } catch {
          reject(new Error(`compile-weapp printed no JSON result (exit ${error?.code}):\n${stdout}\n${stderr}`))
        }
      },
    )
  })
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? listFiles(p) : [p]
  })
}

function appConfigPages(): string[] {
  // src/app.config.ts calls Taro's compile-time global defineAppConfig.
  const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(ROOT, 'src', 'app.config.ts')) as { default: { pages: string[] } }
  return mod.default.pages
}

let tmp: string

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/app.json not found — run `npm run build:weapp` before the build tests')
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-test-'))
})

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

describe('weapp build output', () => {
  test('dist/app.json lists every page of src/app.config.ts, and each page has its files', () => {
    const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[] }
    const pages = appConfigPages()
    expect(pages.length).toBeGreaterThan(0)
    expect(appJson.pages).toEqual(expect.arrayContaining(pages))
    for (const page of appJson.pages) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) {
        expect(fs.existsSync(path.join(DIST, `${page}.${ext}`)) ? `${page}.${ext}` : `missing ${page}.${ext}`).toBe(
          `${page}.${ext}`,
        )
      }
    }
  })

  test('the main package is under 2 MB', () => {
    const files = listFiles(DIST).filter((f) => !f.endsWith('.LICENSE.txt') && !f.endsWith('.map'))
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
    console.log(`weapp dist: ${files.length} files, ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`)
    expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT)
  })

  test('H5-only code (dev openid header, fetch transport) is not in the weapp build', () => {
    const js = listFiles(DIST)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    expect(js).not.toContain('x-dev-openid')
    expect(js).toContain('callFunction')
  })

  // The local cloud's words (its dev users, simulated sheet, outbox, sample deadlines, setup hints)
  // live behind TARO_ENV === 'h5' or in H5-only pages; none may reach the mini-program's files.
  test.each(['开发者', '开发模式', '本地开发', '模拟', 'dev-user', '发件箱', '示例', 'LOCAL_ADMINS', 'npm run', 'localhost'])(
    'no file of the weapp build contains %s',
    (word) => {
      const files = listFiles(DIST).filter((f) => /\.(js|wxml|json|wxss)$/.test(f) && !f.endsWith('project.config.json'))
      expect(files.filter((f) => fs.readFileSync(f, 'utf8').includes(word)).map((f) => path.relative(DIST, f))).toEqual([])
    },
  )

  test('the admin pages are in the build; the developer pages are not', () => {
    const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { subPackages?: { root: string; pages: string[] }[] }
    const routes = (appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))
    expect(routes).toEqual(expect.arrayContaining(['pages/admin/index', 'pages/admin/import/index', 'pages/admin/status/index']))
    expect(routes.filter((r) => /pages\/(outbox|check)\//.test(r))).toEqual([])
    expect(fs.existsSync(path.join(DIST, 'pages/outbox')) || fs.existsSync(path.join(DIST, 'pages/check'))).toBe(false)
  })
})

describe("WeChat's compiler (miniprogram-ci, offline)", () => {
  test('compiles dist/ and writes the code package zip under 2 MB', async () => {
    const zip = path.join(tmp, 'ok.zip')
    const { exitCode, result } = await compile(DIST, zip)
    if (!result.ok) throw new Error(`miniprogram-ci rejected dist/: [${result.code}] ${result.message}`)
    expect(exitCode).toBe(0)
    expect(fs.statSync(zip).size).toBe(result.zipBytes)
    expect(result.files).toEqual(expect.arrayContaining(['app.json', 'app.js']))
    console.log(`miniprogram-ci code package: ${result.zipBytes} bytes (${(result.zipBytes / 1024).toFixed(1)} KB), ${result.ms} ms`)
    expect(result.zipBytes).toBeLessThan(MAIN_PACKAGE_LIMIT)
  }, 90_000)

  // miniprogram-ci makes an empty folder named by 32 hex digits in the directory it runs from; the
  // repository root collected one per compile (seen: 8 after a day of builds and CI runs).
  test('leaves nothing behind in the folder it runs from', async () => {
    const cwd = fs.mkdtempSync(path.join(tmp, 'cwd-'))
    const { result } = await compile(DIST, path.join(tmp, 'cwd.zip'), cwd)
    expect(result.ok).toBe(true)
    expect(fs.readdirSync(cwd)).toEqual([])
  }, 90_000)

  test('rejects broken WXML with error 10038 (file and line)', async () => {
    const copy = path.join(tmp, 'broken-wxml')
    fs.cpSync(DIST, copy, { recursive: true })
    const [firstPage] = (JSON.parse(fs.readFileSync(path.join(copy, 'app.json'), 'utf8')) as { pages: string[] }).pages
    fs.appendFileSync(path.join(copy, `${firstPage}.wxml`), '\n<view><text></view></text>\n')
    const { exitCode, result } = await compile(copy, path.join(tmp, 'broken-wxml.zip'))
    expect(exitCode).toBe(1)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.code).toBe(10038)
    expect(result.message).toContain(`${firstPage}.wxml`)
    expect(fs.existsSync(path.join(tmp, 'broken-wxml.zip'))).toBe(false)
  }, 90_000)

  test('rejects a page listed in app.json without its files with error 10005', async () => {
    const copy = path.join(tmp, 'missing-page')
    fs.cpSync(DIST, copy, { recursive: true })
    const appJsonPath = path.join(copy, 'app.json')
    const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as { pages: string[] }
    appJson.pages.push('pages/missing/index')
    fs.writeFileSync(appJsonPath, JSON.stringify(appJson))
    const { exitCode, result } = await compile(copy, path.join(tmp, 'missing-page.zip'))
    expect(exitCode).toBe(1)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.code).toBe(10005)
    expect(result.message).toContain('pages/missing/index')
  }, 90_000)
})
