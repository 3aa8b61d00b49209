/**
 * Who did it, in the 操作记录 (管理 › 操作记录): actorText turns an audit entry's actor into words
 * an admin reads. Tests only; uses actorText from @/services/admin.
 */
jest.mock('@tarojs/components', () => jest.requireActual('./admin-mocks').components)
jest.mock('@tarojs/taro', () => jest.requireActual('./admin-mocks').taro)

import { actorText } from '@/services/admin'

describe('actorText names who did something in the log', () => {
  it.each([
    ['the deploy code claim', 'claim', undefined, '首位管理员（部署口令）'],
    ['an admin added at deployment', 'bootstrap', undefined, '部署时添加'],
    ['an operator command', 'cli:ops', undefined, '运维命令（ops）'],
    // issue 26, item 2: a function creates a missing collection on its first write and audits it
    ['a cloud function acting by itself', 'function:deadlines', undefined, '云函数自动（deadlines）'],
    ['the admin reading the log', 'oAdminSelf', 'oAdminSelf', 'oAdminSelf（你）'],
    ['another admin', 'oOther', 'oAdminSelf', 'oOther'],
  ])('%s (%s)', (_name, actor, me, words) => {
    expect(actorText(actor, me)).toBe(words)
  })
})
