/**
 * Small stand-ins for @tarojs/components (plain DOM elements), enough for pages under jsdom, and
 * the one stand-in for Taro's useDidShow that every Taro mock of the component tests uses.
 * Use with: jest.mock('@tarojs/components', () => require('./taro-mocks').components)
 */
import React from 'react'

type Props = Record<string, unknown> & { children?: React.ReactNode; className?: string }

function passThrough(tag: string) {
  const C = ({ children, className, ...rest }: Props) =>
    React.createElement(tag, { ...(rest as object), className }, children)
  C.displayName = tag
  return C
}

function Input({ value, placeholder, className, onInput, id }: Props) {
  return (
    <input
      id={id as string | undefined}
      className={className}
      value={(value as string | undefined) ?? ''}
      placeholder={placeholder as string | undefined}
      onChange={(e) => (onInput as ((ev: { detail: { value: string } }) => void) | undefined)?.({ detail: { value: e.target.value } })}
    />
  )
}

export const components = {
  View: passThrough('div'),
  Text: passThrough('span'),
  Button: passThrough('button'),
  Input,
}

// ---------------------------------------------------------------------------------------------

const shown = new Set<() => void>()

/**
 * As Taro's useDidShow: the callback runs on the page's first show (Taro calls a page's onShow
 * once the page has mounted — @tarojs/runtime dsl/common.js waits for the load, then calls every
 * registered componentDidShow) and again on each `showAgain()`, until the component unmounts.
 */
export function useDidShow(cb: () => void): void {
  const ref = React.useRef(cb)
  ref.current = cb
  React.useEffect(() => {
    const run = () => ref.current()
    shown.add(run)
    run()
    return () => void shown.delete(run)
  }, [])
}

/** The page shows again (back from another page): runs the open components' useDidShow callbacks. */
export function showAgain(): void {
  for (const f of [...shown]) f()
}
