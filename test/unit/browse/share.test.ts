/** Share titles and deep links for every measure; result shares carry figures only when ticked. */
import { catalog2022 } from '../../../shared/policy/engine';
import { headline } from '../../../shared/policy/view';
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
  sharedTotal,
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
  // LARGE_ENTERPRISE's summary: 500 + 100 + 36 = 636万元.
  const summary = { totalWan: '636', covers: '涉及 3 条措施、3 个可申请事项' };

  test('without the tick: no figure of the user in the title, the path or the drawn card', () => {
    const s = resultShare({ summary, includeFigures: false });
    expect(s.title).not.toMatch(/\d/);
    expect(s.path).toBe('/pages/index/index');
    expect(resultTimeline({ summary, includeFigures: false }).title).not.toMatch(/\d/);
    expect(sharedTotal({ summary, includeFigures: false })).toBeUndefined();
  });

  test('with the tick: the total in 万元 and what it covers in the title, still none in the path', () => {
    const s = resultShare({ summary, includeFigures: true });
    expect(s.title).toBe('我按清单测算可申请 636万元（涉及 3 条措施、3 个可申请事项），你也算算｜政策算盘');
    expect(s.path).toBe('/pages/index/index');
    expect(sharedTotal({ summary, includeFigures: true })).toEqual({ total: '636万元', covers: summary.covers });
  });

  test('ticked but nothing to add up: the invitation, not a 0', () => {
    expect(resultShare({ summary: { covers: '涉及 1 条措施' }, includeFigures: true }).title).toBe(resultShare({ summary, includeFigures: false }).title);
  });
});

test('paths and H5 links', () => {
  expect(measurePath('m08')).toBe('/pages/policy/detail/index?id=m08');
  expect(h5Url('/pages/policy/detail/index?id=m08', { origin: 'https://a.example', pathname: '/app/' })).toBe(
    'https://a.example/app/#/pages/policy/detail/index?id=m08',
  );
});
