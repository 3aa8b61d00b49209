/**
 * Small stand-ins for @tarojs/components (plain DOM elements), enough for pages under jsdom.
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
