/**
 * guideMarkdown: PRIVACY_GUIDE (src/pages/privacy/guide.ts, what the 隐私说明 page shows) as the
 * markdown block docs/privacy.md holds between `<!-- guide:start -->` and `<!-- guide:end -->`;
 * guideBlock reads that block back. The doc test keeps the two equal, so the page and the doc
 * cannot drift.
 */
import type { PrivacyGuide } from '../../src/pages/privacy/guide'
import { itemSentence } from '../../src/pages/privacy/guide'

export function guideMarkdown(g: PrivacyGuide): string {
  const out = [`### ${g.title}`, '', g.intro, '', '#### 需要你同意后才处理的信息', '']
  for (const item of g.items) out.push(`- ${itemSentence(item)}`)
  for (const s of g.sections) {
    out.push('', `#### ${s.heading}`, '')
    out.push(s.paragraphs.join('\n\n'))
  }
  out.push('', `更新日期：${g.updated}`)
  return out.join('\n')
}

export function guideBlock(markdown: string): string {
  const m = /<!-- guide:start -->\n([\s\S]*?)\n<!-- guide:end -->/.exec(markdown)
  if (!m) throw new Error('docs/privacy.md has no <!-- guide:start --> … <!-- guide:end --> block')
  return m[1]
}
