/** Browse filters over the real catalog: who, form of support, amount at least X, favourites; empty results. */
import { catalog2022, findMeasure } from '../../../shared/policy/engine';
import { headline, SUPPORT_FORMS, audienceText, browse, isForWho, itemRows, largestCeiling, matchesFilters, measureCeiling, parseMinAmount, suggestions } from '../../../shared/policy/view';

const ids = (q: string, f: Parameters<typeof browse>[1]) => browse(q, f).hits.map((h) => h.measure.id);
const measures = catalog2022.measures;

test('for parks: the park measures (and （二十三）, for both)', () => {
  expect(ids('', { who: 'park' })).toEqual(['m16', 'm20', 'm22', 'm23', 'm30']);
});

test('for enterprises: everything except the park-only measures', () => {
  const ent = ids('', { who: 'enterprise' });
  expect(ent).toHaveLength(26);
  expect(ent).not.toEqual(expect.arrayContaining(['m16']));
  expect(ent).toContain('m07'); // craftsmen (person) count as the enterprise side, as in the engine
  expect(ent).toContain('m23');
});

test.each(measures.map((m) => [m.id, m] as const))('%s is for an enterprise or a park', (_id, m) => {
  expect(isForWho(m, 'enterprise') || isForWho(m, 'park')).toBe(true);
});

test('forms of support: each form finds the measures that list it; several forms are "any of"', () => {
  for (const k of SUPPORT_FORMS) {
    expect([k, ids('', { supportForms: [k] })]).toEqual([k, measures.filter((m) => m.support.includes(k)).map((m) => m.id)]);
  }
  expect(ids('', { supportForms: ['贴息'] })).toEqual(['m09']);
  expect(ids('', { supportForms: ['减免'] })).toEqual(['m24']);
  expect(ids('', { supportForms: ['非资金支持'] })).toEqual(['m10', 'm22', 'm23', 'm24', 'm25', 'm26', 'm27', 'm28']);
  expect(ids('', { supportForms: ['贴息', '减免'] })).toEqual(['m09', 'm24']);
  expect(ids('', { supportForms: [] })).toHaveLength(30);
});

test('amount at least X (万元): the stated top figure of one item, uncapped rates always pass', () => {
  expect(ids('', { minAmount: '1000' })).toEqual(['m01', 'm04', 'm16', 'm30']);
  expect(ids('', { minAmount: '2000' })).toEqual(['m04', 'm16', 'm30']);
  expect(ids('', { minAmount: '2000.01' })).toEqual(['m04', 'm30']);
  expect(ids('', { minAmount: '500' })).toEqual(
    measures.filter((m) => { const c = measureCeiling(m); return c.bound === 'open' || (c.bound === 'capped' && c.yuan.gte(5e6)); }).map((m) => m.id),
  );
  // Typed with a unit.
  expect(ids('', { minAmount: '0.1亿' })).toEqual(ids('', { minAmount: '1000' }));
  expect(ids('', { minAmount: '1000万元' })).toEqual(ids('', { minAmount: '1000' }));
  expect(ids('', { minAmount: '10000000元' })).toEqual(ids('', { minAmount: '1000' }));
  // Non-monetary support has no amount and drops out as soon as an amount is asked for.
  expect(ids('', { minAmount: '0' })).not.toContain('m27');
  expect(ids('', { minAmount: '0' })).not.toContain('m20');
});

describe('an award paid to people is not the enterprise’s money (（七）“奖励对象是工匠本人”)', () => {
  test.each([
    ['1000万元 does not list （七） for its 每人 20万', '1000'],
    ['20万元, the 大国工匠’s own award, does not list it either: it is the craftsman’s', '20'],
    ['0 (any amount at all) leaves it out like support without money', '0'],
  ])('金额至少 %s', (_name, minAmount) => {
    expect(ids('', { minAmount })).not.toContain('m07');
  });

  test('（七） has no enterprise ceiling; the ceilings of the other measures are unchanged', () => {
    expect(measureCeiling(findMeasure('m07')!)).toEqual({ bound: 'none' });
    expect(measureCeiling(findMeasure('m04')!).bound).toBe('open');
  });

  test('without an amount, （七） is still listed for enterprises (they count their craftsmen)', () => {
    expect(ids('', { who: 'enterprise' })).toContain('m07');
  });
});

describe('the 对象 words name the awardee', () => {
  test.each([
    ['the measure', () => audienceText(findMeasure('m07')!.audience)],
    ['the 大国工匠 item row', () => itemRows(findMeasure('m07')!)[0].who],
    ['the 北疆工匠 item row', () => itemRows(findMeasure('m07')!)[1].who],
  ])('（七） %s says 工匠本人, not 企业', (_name, who) => {
    expect(who()).toBe('工匠本人');
  });
});

test('an amount that cannot be read is reported and not applied', () => {
  const r = browse('', { minAmount: 'abc' });
  expect(r.amountError).toContain('金额请填数字');
  expect(r.hits).toHaveLength(30);
  expect(parseMinAmount('2000吨').ok).toBe(false);
  expect(parseMinAmount('').ok).toBe(true);
  const p = parseMinAmount('５００');
  expect(p.ok && p.yuan?.toString()).toBe('5000000');
});

/** The measures whose headline names a top figure (最高 N万元, not a per-unit 每…). */
const TOPPED = measures.filter((m) => /最高 (\d+)万元$/.test(headline(m)) && !headline(m).startsWith('每'));

test('the headlines naming a top figure: 14 of the 30, and the largest ceiling is 3000万元', () => {
  expect(TOPPED.map((m) => m.id)).toEqual(['m01', 'm02', 'm05', 'm06', 'm08', 'm09', 'm11', 'm12', 'm13', 'm14', 'm15', 'm16', 'm21', 'm30']);
  expect(largestCeiling().toString()).toBe('30000000');
});

test.each(TOPPED.map((m) => [m.id, m] as const))('%s: the ceiling agrees with the engine’s headline', (_id, m) => {
  const top = /最高 (\d+)万元$/.exec(headline(m))!;
  const c = measureCeiling(m);
  expect([m.id, c.bound === 'capped' && c.yuan.div(10000).toString()]).toEqual([m.id, top[1]]);
});

test('favourites only', () => {
  expect(ids('', { only: ['m08', 'm27'] })).toEqual(['m08', 'm27']);
  expect(ids('', { only: [] })).toEqual([]);
});

test('search and filters together', () => {
  expect(ids('500万', { who: 'park' })).toEqual(['m30']);
  expect(ids('补助', { supportForms: ['贴息'] })).toEqual(['m09']);
  expect(matchesFilters(findMeasure('m08')!, { who: 'enterprise', supportForms: ['补助'], minAmount: '500' })).toBe(true);
  expect(matchesFilters(findMeasure('m08')!, { minAmount: '500.01' })).toBe(false);
});

describe('empty results say what to change', () => {
  test('each single change that brings measures back, with its count', () => {
    const s = suggestions('机器人', { who: 'park' });
    expect(s).toEqual([
      { change: 'query', label: '清除搜索词“机器人”', count: 5 },
      { change: 'who', label: '不限“面向园区”', count: 1 },
    ]);
    const k = suggestions('', { supportForms: ['贴息'], who: 'park' });
    expect(k.map((x) => [x.change, x.count])).toEqual([
      ['who', 1],
      ['supportForms', 5],
    ]);
    expect(suggestions('', { minAmount: '5000' })).toEqual([{ change: 'minAmount', label: '去掉金额下限', count: 30 }]);
    expect(suggestions('', { only: [] })).toEqual([{ change: 'only', label: '不只看收藏', count: 30 }]);
  });

  test('when no single change helps, clearing everything is offered', () => {
    expect(browse('机器人', { who: 'park', minAmount: '5000' }).hits).toEqual([]);
    expect(suggestions('机器人', { who: 'park', minAmount: '5000' })).toEqual([{ change: 'all', label: '清除全部条件', count: 30 }]);
  });

  test('a query that matches nothing anywhere has nothing to relax but itself', () => {
    expect(suggestions('区块链', {})).toEqual([{ change: 'query', label: '清除搜索词“区块链”', count: 30 }]);
  });
});

describe('item rows of the detail page', () => {
  test.each(measures.map((m) => [m.id, m] as const))('%s: one row per item, in the catalog’s own words', (_id, m) => {
    const rows = itemRows(m);
    expect(rows.map((r) => r.id)).toEqual(m.items.map((i) => i.id));
    const flat = m.clause.replace(/\s+/g, '');
    for (const [i, r] of rows.entries()) {
      const item = m.items[i];
      expect(r.title).toBe(item.title);
      expect(r.who).toBe(audienceText(item.audience));
      for (const v of [r.condition, r.rate, r.cap, r.threshold]) expect(v.length).toBeGreaterThan(0);
      for (const c of item.conditions ?? []) expect(r.condition).toContain(c.quote);
      if ('cap' in item && item.cap) {
        expect(r.cap.startsWith(item.cap.amount)).toBe(true);
        expect(flat).toContain(item.cap.amount.replace(/\s+/g, ''));
      }
      if ('threshold' in item && item.threshold) expect(r.threshold).toContain(item.threshold.quote);
      if (item.kind === 'percent') expect(flat).toContain(r.rate.replace(/\s+/g, ''));
      if ('guidance' in item) expect(r.guidance).toBe(item.guidance);
    }
  });

  test('（八） technical upgrade: condition, rate, cap and the reduced threshold', () => {
    const [up] = itemRows(findMeasure('m08')!);
    expect(up.rate).toBe('按照实际完成投资额的 20%');
    expect(up.cap).toBe('500万元（每个技术改造项目）');
    expect(up.threshold).toBe('对投资 2000万元及以上（脱贫地区、革命老区投资 1000万元及以上）');
  });

  test('（三） standards: per-standard amounts and the shared yearly cap', () => {
    const rows = itemRows(findMeasure('m03')!);
    expect(rows[0].rate).toBe('每个 30万元');
    expect(rows[0].cap).toBe('50万元（单个企业主导或参与标准制定每年奖励资金不超过 50万元）');
  });

  test('audience text', () => {
    expect(audienceText(['enterprise', 'project'])).toBe('企业（按项目申报）');
    expect(audienceText(['park'])).toBe('工业园区');
    expect(audienceText(['person', 'enterprise'])).toBe('工匠本人');
    expect(findMeasure('m99')).toBeUndefined();
    expect(findMeasure(undefined)).toBeUndefined();
  });
});
