/**
 * 问工作人员 (issue 26, item 4): in WeChat, the customer-service button with the page as its card
 * (open-type="contact", show-message-card, send-message-path and -title); in the browser (H5),
 * which has no customer service, no button but a line that says where to find it.
 */
import React from 'react'
import { render } from '@testing-library/react'

type Props = Record<string, unknown> & { children?: React.ReactNode }

/** WeChat's button with the props the page gives it, as attributes to read back. */
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('./taro-mocks').components,
  Button: ({ children, id, className, openType, showMessageCard, sendMessagePath, sendMessageTitle }: Props) =>
    React.createElement(
      'button',
      {
        id,
        className,
        'data-open-type': openType,
        'data-show-message-card': showMessageCard === undefined ? undefined : String(showMessageCard),
        'data-send-message-path': sendMessagePath,
        'data-send-message-title': sendMessageTitle,
      },
      children,
    ),
}))

import ContactButton from '@/components/contact-button'

const savedEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = savedEnv
})

const PAGES: [string, string, string, string | undefined][] = [
  ['the home page', 'home-contact', '/pages/index/index', undefined],
  ['the results page', 'results-contact', '/pages/results/index', '我的测算结果'],
  ['a measure’s page at one item', 'detail-contact', '/pages/policy/detail/index?id=m08&item=m08.upgrade', '第（八）条 支持企业技术改造'],
]

describe('in WeChat', () => {
  it.each(PAGES)('on %s it is WeChat’s customer-service button offering that page as a card', (_page, id, path, title) => {
    process.env.TARO_ENV = 'weapp'
    const { container } = render(<ContactButton id={id} path={path} title={title} />)
    const button = container.querySelector(`#${id}`)!
    expect(button.tagName).toBe('BUTTON')
    expect(button.textContent).toBe('问工作人员')
    expect(button.getAttribute('data-open-type')).toBe('contact')
    expect(button.getAttribute('data-show-message-card')).toBe('true')
    expect(button.getAttribute('data-send-message-path')).toBe(path)
    expect(button.getAttribute('data-send-message-title')).toBe(title ?? null)
  })
})

describe('in the browser (H5), which has no customer service', () => {
  it.each(PAGES)('on %s there is no button, only a line saying to ask in the mini-program', (_page, id, path, title) => {
    process.env.TARO_ENV = 'h5'
    const { container } = render(<ContactButton id={id} path={path} title={title} />)
    expect(container.querySelector('button')).toBeNull()
    expect(container.querySelector(`#${id}`)!.textContent).toBe('有疑问，可以在微信中打开「政策算盘」小程序，点「问工作人员」。')
  })
})
