/**
 * How the results page reads the engine's result: the groups, each figure with its kind, one line
 * of why, the missing questions' labels — all text, no arithmetic.
 */
import { evaluate, parseProfile, type EvaluateResult, type ItemResult } from '../../../shared/policy/engine';
import { figureInGroup, figureText, groupResults, AMOUNT_KIND_LABEL, pathLabel, sameResult, wanRange, whyText } from '../../../shared/policy/view';

function run(profile: unknown): EvaluateResult {
  const p = parseProfile(profile);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return evaluate(p.profile);
}
const item = (res: EvaluateResult, id: string): ItemResult => res.items.find((r) => r.id === id)!;

const LARGE = run({
  version: 1,
  entity: 'enterprise',
  region: { poverty: false, oldRevolutionary: false },
  facts: { 'm13.level': '3A', 'm14.cloudCost': '180', 'm24.rebuild': true, 'm24.rebuildFee': '40', 'm11.identifierApplication': true },
  projects: {
    'm08.upgrade': [{ name: '2 号线技改', facts: { chain: true, investment: '3000' } }],
    'm08.robots': [{ facts: { hazardous: 'unknown', robotCost: '800' } }],
    'm17.energy-saving': [{ facts: { savedCoal: '1800' } }],
    'm05.generic-drug': [{ facts: { accepted: true, passed: true, investment: '200' } }],
  },
});

it('groups as the CLI does: 可申请, 本企业工匠个人可获, 需要补充信息, 差一点, 非资金支持, 不符合 (and leaves out what was not answered)', () => {
  const groups = groupResults(LARGE);
  expect(groups.map((g) => g.title)).toEqual(['可申请', '本企业工匠个人可获', '需要补充信息', '差一点', '非资金支持', '不符合']);
  const ids = Object.fromEntries(groups.map((g) => [g.id, g.items.map((r) => r.id)]));
  expect(ids.eligible).toEqual([
    'm05.generic-drug',
    'm08.upgrade',
    'm11.identifier-application',
    'm13.integration-level',
    'm14.equipment-cloud',
    'm24.rebuild-fee-waiver',
  ]);
  expect(ids.needsInfo).toEqual(['m08.robots']);
  expect(ids.nearMiss).toEqual(['m17.energy-saving']);
  expect(ids.nonMonetary).toContain('m10.funds');
  const shown = groups.flatMap((g) => g.items);
  expect(shown.every((r) => r.status !== 'notForYou')).toBe(true);
});

it('shows each figure with its kind: 精确 / 至少 / 最高 / 减免', () => {
  expect([figureText(item(LARGE, 'm08.upgrade')), AMOUNT_KIND_LABEL[item(LARGE, 'm08.upgrade').amountKind]]).toEqual(['500万元', '精确']);
  // （五）先行补助 30万元 + 不低于 200万元 × 20% = 40万元 → 至少 70万元, at most 300万元.
  expect([figureText(item(LARGE, 'm05.generic-drug')), AMOUNT_KIND_LABEL[item(LARGE, 'm05.generic-drug').amountKind]]).toEqual(['至少 70万元，最高 300万元', '至少']);
  expect([figureText(item(LARGE, 'm11.identifier-application')), AMOUNT_KIND_LABEL[item(LARGE, 'm11.identifier-application').amountKind]]).toEqual(['最高 300万元', '最高']);
  expect([figureText(item(LARGE, 'm24.rebuild-fee-waiver')), AMOUNT_KIND_LABEL[item(LARGE, 'm24.rebuild-fee-waiver').amountKind]]).toEqual(['少缴 40万元', '减免']);
  expect(figureText(item(LARGE, 'm08.robots'))).toBe('0–160万元');
  // A card shows the kind beside its figure only where the figure's words do not say it: until issue 22
  // these were '最高' and '至少' beside '最高 300万元' and '至少 70万元，最高 300万元' ("最高 2000万元 [最高]").
  expect(figureInGroup(item(LARGE, 'm11.identifier-application'), 'eligible')).toEqual({ figure: '最高 300万元', amountLabel: '' });
  expect(figureInGroup(item(LARGE, 'm05.generic-drug'), 'eligible')).toEqual({ figure: '至少 70万元，最高 300万元', amountLabel: '' });
  expect(figureInGroup(item(LARGE, 'm08.robots'), 'needsInfo')).toEqual({ figure: '0–160万元', amountLabel: '待确认' });
  expect(figureInGroup(item(LARGE, 'm17.energy-saving'), 'nearMiss')).toEqual({ figure: '', amountLabel: '' });
  expect(figureText(item(LARGE, 'm24.flexible-land-supply'))).toBe('用地支持');
});

it('gives one line of why from the engine’s stages, reason or hints', () => {
  expect(whyText(item(LARGE, 'm08.upgrade'))).toBe('3000万元 × 20% = 600万元；600万元 超过上限，按 500万元 计');
  expect(whyText(item(LARGE, 'm13.integration-level'))).toBe('3A 级：给予 100万元');
  expect(whyText(item(LARGE, 'm08.robots'))).toBe('需要确认：「机器人是否用于高危、高强度生产环节」');
  expect(whyText(item(LARGE, 'm17.energy-saving'))).toBe('项目年节能量再增加 200吨标准煤 即可达到 2000吨标准煤 门槛');
  const fixed = run({ version: 1, entity: 'enterprise', facts: { 'm01.techCenter': true } });
  expect(whyText(item(fixed, 'm01.tech-center'))).toBe('对新认定的自治区级企业技术中心，给予 50万元一次性研发经费补助');
});

it('the total in 万元, exact to the 分', () => {
  // Awards only (the 配套费 saving is apart): 至少 70–300 + 500 + 0–300 + 100 + 36.
  expect(wanRange(LARGE.total)).toBe('706–1236');
  expect(wanRange({ min: '5000.00', max: '5000.00' })).toBe('0.5');
  expect(wanRange({ min: '1.23', max: '1.23' })).toBe('0.000123');
});

it('names the question behind a profile path', () => {
  expect(pathLabel('projects/m08.robots/0/hazardous')).toBe('“机器换人”项目第 1 项：机器人是否用于高危、高强度生产环节');
  expect(pathLabel('region/poverty')).toBe('项目所在旗县区是否属于脱贫地区');
  expect(pathLabel('sme')).toBe('是否为中小企业');
  expect(pathLabel('facts/m13.level')).toBe('通过国家“两化融合”管理体系贯标评定的级别');
  expect(pathLabel('facts/nope')).toBe('facts/nope');
});

it('compares two results regardless of key order', () => {
  const copy = JSON.parse(JSON.stringify(LARGE));
  expect(sameResult(LARGE, copy)).toBe(true);
  const reordered = Object.fromEntries(Object.entries(copy).reverse());
  expect(sameResult(LARGE, reordered)).toBe(true);
  copy.items[0].amount.max = '1.00';
  expect(sameResult(LARGE, copy)).toBe(false);
});
