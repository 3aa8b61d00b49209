/** Search over the real catalog: titles, clause text, figure queries (normalised, unit-aware). */
import { catalog2022 } from '../../../shared/policy/engine';
import { findFigures, normalise, parseQuery, searchMeasures, segmentClause } from '../../../shared/policy/view';

const ids = (q: string) => searchMeasures(q).map((h) => h.measure.id);
const sorted = (q: string) => ids(q).sort();
const measures = catalog2022.measures;

/** Measures whose clause states `figure` (e.g. '500万元'), read independently with a plain regex. */
function stating(figure: string): string[] {
  const re = new RegExp(`(?<![\\d.])${figure}`);
  return measures.filter((m) => re.test(m.clause.replace(/\s+/g, ''))).map((m) => m.id).sort();
}

describe('every measure is reachable by search', () => {
  test.each(measures.map((m) => [m.id, m] as const))('%s by its title, its number and a phrase of its clause', (_id, m) => {
    expect(ids(m.title)[0]).toBe(m.id);
    expect(ids(`第${m.label.slice(1, -1)}条`)).toEqual([m.id]);
    expect(ids(m.label)).toEqual([m.id]);
    expect(ids(`(${m.number})`)).toEqual([m.id]);
    // A phrase from the middle of the clause (after the title), typed with spaces removed.
    const body = m.clause.slice(m.label.length + m.title.length + 1).replace(/\s+/g, '');
    const phrase = body.slice(2, 12);
    expect(ids(phrase)).toContain(m.id);
  });

  test('an empty query lists all 30 in catalog order', () => {
    expect(ids('')).toEqual(measures.map((m) => m.id));
    expect(ids('   ')).toHaveLength(30);
  });
});

describe('figure queries', () => {
  test('"500万" finds exactly the clauses that state 500万元, however it is typed', () => {
    const want = stating('500万元');
    expect(want.length).toBeGreaterThan(5);
    for (const q of ['500万', '500万元', '500 万', '500 万元', '５００万', '5000000元', '5,000,000元', '0.05亿', '0.05亿元']) {
      expect([q, sorted(q)]).toEqual([q, want]);
    }
  });

  test('"500万" does not find 1500万元 or 5000万元, and 1500万 finds nothing', () => {
    expect(ids('1500万')).toEqual([]);
    expect(ids('5000万')).toEqual([]);
    expect(ids('500万')).not.toContain('m16'); // 2000万元 only
  });

  test('"2000吨" finds 2000 吨标准煤 (（十七）), not 2000万元 (（八）、（十六）)', () => {
    expect(ids('2000吨')).toEqual(['m17']);
    expect(ids('2000 吨')).toEqual(['m17']);
    expect(ids('2000吨标准煤')).toEqual(['m17']);
    expect(sorted('2000万')).toEqual(stating('2000万元'));
    expect(stating('2000万元')).toEqual(['m08', 'm16']);
  });

  test('tons and 万/亿 units are normalised', () => {
    expect(ids('5万吨')).toEqual(['m18']);
    expect(ids('50000吨')).toEqual(['m18']);
    expect(ids('1万吨')).toEqual(['m19']);
    expect(ids('10000吨')).toEqual(['m19']);
    expect(ids('10亿')).toEqual(['m09']);
    expect(ids('100000万元')).toEqual(['m09']);
    expect(sorted('100亿')).toEqual(['m10']);
    expect(sorted('3000万')).toEqual(['m30']);
  });

  test('rates and per-unit amounts', () => {
    expect(sorted('20%')).toEqual(stating('20%'));
    expect(sorted('30%')).toEqual(['m09', 'm26']);
    expect(sorted('80%')).toEqual(['m04']);
    expect(sorted('200元')).toEqual(['m17']);
    expect(sorted('10元')).toEqual(['m18', 'm19']);
  });

  test('a figure query puts the measures whose headline names it first', () => {
    const hits = searchMeasures('500万');
    const headlined = new Set(['m02', 'm08', 'm09', 'm11', 'm12']);
    expect(hits.slice(0, headlined.size).map((h) => h.measure.id).sort()).toEqual([...headlined].sort());
  });

  test('figures and words together must both match', () => {
    expect(ids('机器人 500万')).toEqual(['m08']);
    expect(ids('园区 3000万')).toEqual(['m30']);
    expect(ids('园区 2000吨')).toEqual([]);
  });

  test('the snippet shows the figure where the clause states it', () => {
    const [hit] = searchMeasures('2000吨');
    expect(hit.snippet?.match).toBe('2000 吨标准煤');
    const m17 = measures.find((m) => m.id === 'm17')!;
    expect(m17.clause).toContain(`${hit.snippet!.before.replace(/^…/, '')}${hit.snippet!.match}`);
  });
});

describe('text queries', () => {
  test('Chinese words, spacing, quotes and case do not matter', () => {
    expect(sorted('专精特新')).toEqual(['m06', 'm10', 'm29']);
    expect(sorted('“专精特新”')).toEqual(['m06', 'm10', 'm29']);
    expect(sorted('专 精特新')).toEqual(sorted('专精 特新'));
    expect(ids('pue')).toEqual(['m17']);
    expect(ids('ＰＵＥ')).toEqual(['m17']);
    expect(sorted('5G')).toEqual(['m12', 'm27']);
    expect(ids('乳粉')).toEqual(['m14']);
    expect(ids('一致性评价')).toEqual(['m05']);
  });

  test('everyday words find the list’s own words (技改 → 技术改造, 补贴 → 补助)', () => {
    expect(ids('技改')[0]).toBe('m08');
    expect(ids('技改补贴')).toContain('m08');
    expect(ids('机器人补贴')).toEqual(['m08']);
    expect(ids('电费')).toEqual(['m27']);
  });

  test('question words are ignored', () => {
    expect(sorted('机器人有哪些补贴')).toEqual(['m08']);
    expect(sorted('节水的政策')).toEqual(sorted('节水'));
  });

  test('a word found in no measure finds nothing', () => {
    expect(ids('区块链')).toEqual([]);
    expect(ids('房地产')).toEqual([]);
  });

  test('parseQuery separates figures from words', () => {
    const q = parseQuery('机器人 500 万 补贴');
    expect(q.figures.map((f) => f.value.toString())).toEqual(['5000000']);
    expect(q.terms).toEqual(['机器人', '补贴']);
    expect(parseQuery('第十一条').number).toBe(11);
    expect(parseQuery('（三十）').number).toBe(30);
    expect(parseQuery('500').figures).toEqual([]);
  });
});

describe('clause figures and highlighting', () => {
  test.each(measures.map((m) => [m.id, m] as const))('%s: the segments join back to the clause exactly', (_id, m) => {
    const segs = segmentClause(m.clause);
    expect(segs.map((s) => s.text).join('')).toBe(m.clause);
  });

  test('figures need a unit in clause text ("5G", "2022本", "1.3" are not figures)', () => {
    const texts = (id: string) => segmentClause(measures.find((m) => m.id === id)!.clause).filter((s) => s.figure).map((s) => s.text);
    expect(texts('m08')).toEqual(['2000万元', '1000万元', '20%', '500万元', '20%', '500 万元', '20%', '500万元']);
    expect(texts('m12')).toEqual(['20%', '500万元']);
    expect(texts('m02')).toEqual(['20%', '500 万元']);
    expect(texts('m17')).toContain('2000 吨标准煤');
    expect(texts('m17')).not.toContain('1.3');
    expect(texts('m10')).toEqual(['5亿元', '100亿元']);
    expect(texts('m20')).toEqual([]);
  });

  test.each(measures.map((m) => [m.id, m] as const))('%s: every figure the catalog records for it is highlighted in its clause', (_id, m) => {
    const highlighted = findFigures(m.clause).map((f) => f.value.toString());
    for (const item of m.items) {
      const stated: string[] = [];
      if (item.kind === 'fixed') stated.push(item.amount);
      if ('cap' in item && item.cap) stated.push(item.cap.amount);
      if ('rate' in item && item.kind === 'percent') stated.push(item.rate);
      for (const s of stated) {
        const [f] = findFigures(s);
        expect([m.id, item.id, s, highlighted.includes(f.value.toString())]).toEqual([m.id, item.id, s, true]);
      }
    }
  });

  test('normalise keeps a map back to the original text', () => {
    const n = normalise('对投资 2000万元 及“以上”');
    expect(n.text).toBe('对投资2000万元及以上');
    expect(n.map[3]).toBe(4);
  });
});
