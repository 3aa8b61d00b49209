/** The drawn 5:4 chat cards: every measure's and every item's fit, say what they are, and carry the user's figures only when given. */
import { catalog2022 } from '../../../shared/policy/engine';
import { headline, itemHeadline } from '../../../shared/policy/view';
import { layoutTexts, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, browseCard, itemCard, layoutShareCard, measureCard, resultCard, type ShareCardContent } from '../../../shared/policy/pictures';
import { fakeMeasureText } from '../../support/measure-text';

const fake = fakeMeasureText;
const brand = { appName: '政策算盘', listShort: '内蒙古 2022 制造业政策' };
const squeeze = (s: string) => s.replace(/\s+/g, '');

function fits(c: ShareCardContent) {
  const layout = layoutShareCard(c, fake);
  expect([layout.width, layout.height]).toEqual([SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT]);
  // WeChat's chat card is 5:4.
  expect(layout.width * 4).toBe(layout.height * 5);
  for (const o of layout.ops) {
    if (o.op !== 'text') continue;
    const size = Number(/(\d+)px/.exec(o.font)![1]);
    expect([o.text, o.x >= 30 && o.x + fake(o.text, o.font) <= SHARE_CARD_WIDTH - 30]).toEqual([o.text, true]);
    expect([o.text, o.y >= 0 && o.y + size * 1.3 <= SHARE_CARD_HEIGHT]).toEqual([o.text, true]);
  }
  return layoutTexts(layout);
}

test.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s: the measure’s card carries its number, title and headline, inside 750×600', (_id, m) => {
  const texts = fits(measureCard(m, brand));
  expect(texts).toContain(`第${m.label}条`);
  expect(squeeze(texts.join(''))).toContain(squeeze(m.title));
  expect(squeeze(texts.join(''))).toContain(squeeze(headline(m)));
  expect(texts.some((t) => t.endsWith('…'))).toBe(false);
});

const items = catalog2022.measures.flatMap((m) => m.items.map((i) => [i.id, m, i.id] as const));
test.each(items)('%s: an item’s card names the item and its measure, with the item’s own headline unless the user’s figure is given', (_id, m, itemId) => {
  const item = m.items.find((i) => i.id === itemId)!;
  const texts = fits(itemCard(m, itemId, brand));
  expect(squeeze(texts.join(''))).toContain(squeeze(itemHeadline(m, itemId)));
  expect(texts.join('')).toContain(item.title.slice(0, 8));
  expect(texts).toContain('按清单条文');
  const mine = fits(itemCard(m, itemId, brand, '123.45万元'));
  expect(mine).toContain('123.45万元');
  expect(mine).toContain('我按清单测算（以主管部门审核为准）');
});

test('the result card: an invitation without a digit of the user’s unless ticked', () => {
  const invitation = fits(resultCard(brand));
  expect(invitation.join('')).not.toMatch(/万元/);
  const ticked = fits(resultCard(brand, { total: '636万元', covers: '涉及 3 条措施、3 个可申请事项' }));
  expect(ticked).toContain('636万元');
  expect(squeeze(ticked.join(''))).toContain(squeeze('涉及 3 条措施、3 个可申请事项'));
});

test('the browser’s card: how many measures, the search that travels with it, and the largest stated figure', () => {
  // The largest single figure of the list: （三十）'s 3000万元 (largestCeiling over the catalog).
  const all = fits(browseCard(30, brand));
  expect(squeeze(all.join(''))).toContain(squeeze('30 条制造业扶持政策，哪条适合你？'));
  expect(all).toContain('单项最高 3000万元');
  const searched = fits(browseCard(3, brand, ' 机器人 '));
  expect(squeeze(searched.join(''))).toContain(squeeze('“机器人”相关的 3 条扶持政策'));
});
