/**
 * A Taro build plugin (config/index.ts › plugins): the WeChat build's templates (base.wxml) bind
 * the aria-* attributes listed in src/components/aria-attributes.json, so ariaLabel / aria-label
 * on a View, Text, Button or Image reaches WeChat's screen reader (小程序无障碍:
 * developers.weixin.qq.com/miniprogram/dev/component/aria-component.html). Taro 4.2.1's weapp
 * platform binds none, and offers no hook to its template but its own modifyTemplate step, so
 * that step is extended here (issue 26, item 5). src/app.ts adds the same attributes to the
 * runtime's component table, so the build and the runtime number them alike.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: Taro require()s its plugins in Node */
const ARIA = require('../src/components/aria-attributes.json')

module.exports = () => {
  const { Weapp } = require('@tarojs/plugin-platform-weapp')
  const own = Weapp.prototype.modifyTemplate
  if (own.withAria) return
  Weapp.prototype.modifyTemplate = function modifyTemplate(...args) {
    own.apply(this, args)
    this.template.mergeComponents(this.ctx, ARIA)
  }
  Weapp.prototype.modifyTemplate.withAria = true
}
