/** Share titles and deep links for every measure; result shares carry figures only when ticked. */
import { catalog2022, formatInterval, headline } from '../../../shared/policy';
import {
  BROWSE_PATH,
  LIST_SHORT,
  browseShare,
  browseTimeline,
  h5Url,
  measurePath,
  measureShare,
  measureShareTitle,
  measureTimeline,
  resultShare,
  resultTimeline,
} from '../../../src/services/share';

test.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s: share title with the headline, a deep link to the measure', (id, m) => {
  const s = measureShare(m);
  expect(s.title).toBe(`${m.title}：${headline(m)}｜${LIST_SHORT}`);
  expect(s.title).toContain(headline(m));
  expect(s.path).toBe(`/pages/policy/detail/index?id=${id}`);
  expect(measureTimeline(m)).toEqual({ title: measureShareTitle(m), query: `id=${id}` });
});

test('the example from the issue: technical upgrading carries its 500万元 headline', () => {
  const m08 = catalog2022.measures.find((m) => m.id === 'm08')!;
  expect(measureShare(m08).title).toBe('引导企业增加技术改造投入：投资额 20%，最高 500万元｜内蒙古 2022 制造业政策');
});

test('browser shares carry the search, never anything personal', () => {
  expect(browseShare(30)).toEqual({ title: `30 条制造业扶持政策一览，哪条适合你？｜${LIST_SHORT}`, path: BROWSE_PATH });
  expect(browseShare(3, ' 机器人 ').path).toBe(`${BROWSE_PATH}?q=${encodeURIComponent('机器人')}`);
  expect(browseTimeline(3, '机器人').query).toBe(`q=${encodeURIComponent('机器人')}`);
});

describe('result shares', () => {
  const total = { min: '5000000.00', max: '6600000.00' };

  test('without the tick: no figure of the user in the title or the path', () => {
    const s = resultShare({ total, measures: 3, includeFigures: false });
    expect(s.title).not.toMatch(/\d/);
    expect(s.path).toBe('/pages/index/index');
    expect(resultTimeline({ total, includeFigures: false }).title).not.toMatch(/\d/);
  });

  test('with the tick: the engine’s total in the title, still none in the path', () => {
    const s = resultShare({ total, measures: 3, includeFigures: true });
    expect(s.title).toContain(formatInterval(total));
    expect(s.title).toContain('3 项');
    expect(s.path).toBe('/pages/index/index');
    expect(s.path).not.toMatch(/\d{3}/);
  });
});

test('paths and H5 links', () => {
  expect(measurePath('m08')).toBe('/pages/policy/detail/index?id=m08');
  expect(h5Url('/pages/policy/detail/index?id=m08', { origin: 'https://a.example', pathname: '/app/' })).toBe(
    'https://a.example/app/#/pages/policy/detail/index?id=m08',
  );
});
