/** What a result card shows for an item (text only; figures from the engine and shared/policy). */
import { evaluate, parseProfile, type EvaluateResult, catalog2022 } from '../../../shared/policy/engine';
import { cardView, sharedFigure } from '../../../src/pages/results/card-view';
import { itemShare, itemShareText } from '../../../src/services/share';

function run(profile: unknown): EvaluateResult {
  const p = parseProfile(profile);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return evaluate(p.profile);
}

it('needs information: 待确认, both answers in short, a button per missing question', () => {
  // 1500万元 is below 2000万元 but above 1000万元: 产业链, 脱贫地区 and 革命老区 all matter.
  const res = run({ version: 1, entity: 'enterprise', projects: { 'm08.upgrade': [{ facts: { chain: 'unknown', investment: '1500' } }] } });
  const v = cardView(res.items.find((r) => r.id === 'm08.upgrade')!, 'needsInfo');
  expect(v.figure).toBe('0–300万元');
  expect(v.amountLabel).toBe('待确认');
  // 产业链 must hold and one area suffices: the line names the either-or, not “以上都”.
  const chain = '「项目是否属于先进制造业集群或优势特色产业链的技术改造（工艺设备更新、新产品开发等）」'
  expect(v.alternatives).toEqual([
    { assume: `${chain}为“是”，且项目位于脱贫地区或革命老区`, figure: '300万元' },
    { assume: `${chain}为“否”，且项目不在脱贫地区或革命老区`, figure: '不符合' },
  ]);
  expect(v.questions.map((q) => q.path)).toEqual(['projects/m08.upgrade/0/chain', 'region/poverty', 'region/oldRevolutionary']);
  expect(v.questions[1]).toEqual({ path: 'region/poverty', label: '项目所在旗县区是否属于脱贫地区', action: '去填写' });
});

it('an either-or area names it: one of 脱贫地区, 革命老区 suffices', () => {
  // 1200万元 is below 2000万元, at or above the areas' 1000万元: 1200 × 20% = 240万元 in either area.
  const res = run({ version: 1, entity: 'enterprise', projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '1200' } }] } })
  const v = cardView(res.items.find((r) => r.id === 'm08.upgrade')!, 'needsInfo')
  expect(v.alternatives).toEqual([
    { assume: '项目位于脱贫地区或革命老区', figure: '240万元' },
    { assume: '项目不在脱贫地区或革命老区', figure: '不符合' },
  ])
  expect(v.alternatives.map((a) => a.assume).join()).not.toContain('以上都')
})

it('a level not yet known lists the levels', () => {
  const res = run({ version: 1, entity: 'enterprise', facts: { 'm13.level': 'unknown' } });
  const v = cardView(res.items.find((r) => r.id === 'm13.integration-level')!, 'needsInfo');
  expect(v.alternatives[0]).toEqual({ assume: '为“5A 级”', figure: '300万元' });
  expect(v.alternatives).toHaveLength(5);
});

it('near miss: no figure, the hint, a button to change the amount', () => {
  const res = run({ version: 1, entity: 'enterprise', projects: { 'm17.energy-saving': [{ facts: { savedCoal: '1800' } }] } });
  const v = cardView(res.items.find((r) => r.id === 'm17.energy-saving')!, 'nearMiss');
  expect([v.figure, v.amountLabel]).toEqual(['', '']);
  expect(v.why).toBe('项目年节能量再增加 200吨标准煤 即可达到 2000吨标准煤 门槛');
  expect(v.questions).toEqual([{ path: 'projects/m17.energy-saving/0/savedCoal', label: '节能技术改造项目（含打捆项目）第 1 项：项目年节能量', action: '修改' }]);
});

it('eligible: label, titles, figure, kind, entry names; the share text', () => {
  const res = run({ version: 1, entity: 'enterprise', projects: { 'm08.upgrade': [{ name: '2 号线技改', facts: { chain: true, investment: '3000' } }] } });
  const v = cardView(res.items.find((r) => r.id === 'm08.upgrade')!, 'eligible');
  expect([v.measureLabel, v.measureTitle, v.title, v.figure, v.amountLabel]).toEqual(['（八）', '引导企业增加技术改造投入', '技术改造项目补助', '500万元', '精确']);
  expect(v.entryNames).toEqual(['2 号线技改']);
  expect(v.noun).toBe('技术改造项目');
  expect(v.questions).toEqual([]);
  // Ticked, the share names the item and carries its figure (3000万元 × 20% = 600万元, capped at 500万元),
  // and opens the detail page at that item; unticked, the catalog's own headline of the item.
  const m08 = catalog2022.measures[7];
  expect(sharedFigure(v)).toBe('500万元');
  expect(itemShare(m08, v.id, sharedFigure(v))).toEqual({
    title: '技术改造项目补助：我测算 500万元｜第（八）条 引导企业增加技术改造投入',
    path: '/pages/policy/detail/index?id=m08&item=m08.upgrade',
  });
  expect(itemShare(m08, v.id).title).toBe('技术改造项目补助：投资额 20%，最高 500万元｜第（八）条 引导企业增加技术改造投入');
  // H5 copies the same title, then the link (技改 and 机器换人 no longer read the same).
  const loc = { origin: 'http://127.0.0.1:10086', pathname: '/' };
  expect(itemShareText(m08, 'm08.robots', undefined, loc)).toBe(
    '“机器换人”工业机器人购置补助：20%，最高 500万元｜第（八）条 引导企业增加技术改造投入 http://127.0.0.1:10086/#/pages/policy/detail/index?id=m08&item=m08.robots',
  );
});

it('the shared figure keeps what the card says beside it: 待确认 for an estimate that needs information', () => {
  // The robot project's 高危环节 is 不确定: 800万元 × 20% = 160万元 if it is, 0 if not — shown as 0–160万元 待确认.
  const res = run({ version: 1, entity: 'enterprise', projects: { 'm08.robots': [{ facts: { hazardous: 'unknown', robotCost: '800' } }] } });
  const v = cardView(res.items.find((r) => r.id === 'm08.robots')!, 'needsInfo');
  expect([v.figure, v.amountLabel]).toEqual(['0–160万元', '待确认']);
  expect(sharedFigure(v)).toBe('0–160万元（待确认）');
  // A figure that already says its kind ('最高 …') is not told twice.
  expect(sharedFigure({ ...v, figure: '最高 300万元', amountLabel: '最高', tone: 'eligible' })).toBe('最高 300万元');
});

it('the shared figure: none for a near miss; a craftsmen’s award says whose it is', () => {
  const near = run({ version: 1, entity: 'enterprise', projects: { 'm17.energy-saving': [{ facts: { savedCoal: '1800' } }] } });
  expect(sharedFigure(cardView(near.items.find((r) => r.id === 'm17.energy-saving')!, 'nearMiss'))).toBeUndefined();
  // 1 大国工匠 × 20万元, paid to the craftsman.
  const people = run({ version: 1, entity: 'enterprise', facts: { 'm07.greatCraftsmen': '1' } });
  expect(sharedFigure(cardView(people.items.find((r) => r.id === 'm07.great-craftsman')!, 'people'))).toBe('本企业工匠个人可获 20万元');
});
