/**
 * One text for the 用户隐私保护指引 (issue 26, item 3): docs/privacy.md (pasted into WeChat's form)
 * and the 隐私说明 page (PRIVACY_GUIDE) say the same, word for word, and the doc's table of declared
 * APIs gives each type the page's purpose.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { PRIVACY_GUIDE } from '../../../src/pages/privacy/guide';
import { readDeclared } from '../../../scripts/privacy-apis';
import { guideBlock, guideMarkdown } from '../../support/privacy-guide-md';

const doc = readFileSync(path.join(__dirname, '../../../docs/privacy.md'), 'utf8');
const declared = readDeclared(doc);

it('docs/privacy.md’s 指引正文 is the page’s text (PRIVACY_GUIDE), word for word', () => {
  expect(guideBlock(doc)).toBe(guideMarkdown(PRIVACY_GUIDE));
});

it('the doc declares exactly the page’s information types', () => {
  expect(declared.map((r) => r.key)).toEqual(PRIVACY_GUIDE.items.map((i) => i.key));
});

it.each(PRIVACY_GUIDE.items.map((i) => ({ key: i.key, type: i.type, purpose: i.purpose })))('$type ($key): the doc’s table gives the page’s type and purpose', ({ key, type, purpose }) => {
  const row = declared.find((r) => r.key === key);
  expect(row).toEqual(expect.objectContaining({ type, purpose }));
});

it('says nothing from the questionnaire is stored in the cloud', () => {
  expect(guideMarkdown(PRIVACY_GUIDE)).toContain('你在问卷中填写的答案和测算结果只保存在你的手机上');
});
