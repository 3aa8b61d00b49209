/**
 * The add button's label chunks (src/components/entry-list/line-chunks.ts): lines break between
 * them, so a catalog noun never wraps inside a word ("工业互联网平|台") where it can wrap elsewhere.
 */
import { catalog2022 } from '../../../shared/policy/engine';
import { lineChunks } from '../../../src/components/entry-list/line-chunks';

const NOUNS = [...new Set(catalog2022.measures.flatMap((m) => m.items.flatMap((i) => (i.repeat ? [i.repeat.noun] : []))))];

test('every chunking gives the label back', () => {
  for (const noun of NOUNS) expect(lineChunks(noun).join('')).toBe(noun);
  expect(lineChunks('')).toEqual([]);
});

test.each([
  ['新创建的企业级工业互联网平台', ['新创建的', '企业级工业互联网平台']],
  ['5G 等新一代信息技术工业应用场景项目', ['5G 等', '新一代信息技术工业应用场景项目']],
  ['节水技术改造项目（含打捆项目）', ['节水技术改造项目', '（含打捆项目）']],
  ['首台（套）/首批（次）产品', ['首台（套）/', '首批（次）产品']],
  ['智能工厂或数字化车间项目', ['智能工厂或', '数字化车间项目']],
  ['固废和再生资源利用项目', ['固废和', '再生资源利用项目']],
  ['“机器换人”项目', ['“机器换人”项目']],
  ['技术改造项目', ['技术改造项目']],
  ['＋\u00a0添加一个', ['＋\u00a0添加一个']],
])('%s → %j', (text, chunks) => {
  expect(lineChunks(text)).toEqual(chunks);
});

test('no chunk of a catalog noun is longer than 15 characters (one line of the button at 390 px holds about 18)', () => {
  for (const noun of NOUNS) for (const c of lineChunks(noun)) expect([noun, c.length <= 15]).toEqual([noun, true]);
});

test('a space is a chunk of its own, kept between words', () => {
  expect(lineChunks('A B')).toEqual(['A', ' ', 'B']);
  expect(lineChunks('数据 中心的 平台')).toEqual(['数据', ' ', '中心的', ' ', '平台']);
  expect(lineChunks('的平台')).toEqual(['的', '平台']);
});
