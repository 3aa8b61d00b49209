/**
 * One stand-in for Taro's useDidShow (issue 23, item 4). Taro runs a page's onShow once the page
 * has loaded (node_modules/@tarojs/runtime/dist/dsl/common.js: onShow waits for the mount, then
 * calls every registered componentDidShow), and again each time the page shows again. Every Taro
 * mock module the component tests load answers useDidShow that way, and no test file writes its own.
 */
import fs from 'fs'
import path from 'path'
import { act, render } from '@testing-library/react'

type Hook = (cb: () => void) => void
type Mock = { taro?: { useDidShow?: Hook }; useDidShow?: Hook }

const MODULES = ['taro-mocks', 'admin-mocks', 'policy-mocks', 'questionnaire-mocks'] as const

function shows(mod: Mock) {
  const seen: string[] = []
  function Page() {
    // taro-mocks exports the hook itself; the page mock modules hand it on as taro.useDidShow.
    const useDidShow = (mod.taro?.useDidShow ?? mod.useDidShow)!
    useDidShow(() => seen.push('show'))
    return null
  }
  return { seen, Page }
}

it.each(MODULES)('%s: useDidShow runs on the first show, once', (name) => {
  const mod = jest.requireActual(`./${name}`) as Mock
  const { seen, Page } = shows(mod)
  render(<Page />)
  expect(seen).toEqual(['show'])
})

it.each(MODULES)('%s: useDidShow runs again when the page shows again (showAgain)', (name) => {
  const mod = jest.requireActual(`./${name}`) as Mock
  const { showAgain } = jest.requireActual('./taro-mocks') as { showAgain?: () => void }
  const { seen, Page } = shows(mod)
  render(<Page />)
  act(() => showAgain?.())
  expect(seen).toEqual(['show', 'show'])
})

it.each(MODULES)('%s: a closed page is not shown again', (name) => {
  const mod = jest.requireActual(`./${name}`) as Mock
  const { showAgain } = jest.requireActual('./taro-mocks') as { showAgain?: () => void }
  const { seen, Page } = shows(mod)
  const { unmount } = render(<Page />)
  unmount()
  act(() => showAgain?.())
  expect(seen).toEqual(['show'])
})

const testFiles = fs.readdirSync(__dirname).filter((f) => /\.tsx?$/.test(f) && f !== 'taro-mocks.tsx' && f !== path.basename(__filename))

it.each(testFiles)('%s does not write its own useDidShow (it uses the one in taro-mocks)', (file) => {
  const text = fs.readFileSync(path.join(__dirname, file), 'utf8')
  expect(text).not.toMatch(/useDidShow\s*:\s*(\(|function|async)/)
})
