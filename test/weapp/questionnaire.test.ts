/**
 * Questionnaire → results in the WeChat build (dist/), tap by tap from the home page, as
 * test/e2e/questionnaire.test.ts does on H5: the same three personas, the same figures.
 *
 * Every expected figure is worked out from the policy text in the comments, then taken from the
 * engine (evaluate(parseProfile(profile))) on the profile the taps describe. The page must show
 * exactly those, the cloud's `calculate` must have been sent that very profile and agreed
 * (已核对), and the page stack must be what WeChat's back button would walk.
 */
import { parseProfile, type EvaluateResult, domId } from '../../shared/policy/engine';
import { AMOUNT_KIND_LABEL, figureText, wanRange } from '../../shared/policy/view';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE, QUICK_PATH, SMALL_SPECIALIZED } from '../support/personas';
import { AMOUNT_FIELDS, CLEARED_AMOUNTS, TYPED_AMOUNTS } from '../support/typed-amounts';
import { engine, parsed } from '../support/engine';
import { launch } from './harness';
import { classesOf, findByClass } from './query';

const mp = launch();

/** Where the questionnaire keeps its answers (src/state/storage.ts, DRAFT_KEY). */
const DRAFT_KEY = 'policy-abacus:answers:v1';
const HOME = 'pages/index/index';
const QUESTIONNAIRE = 'pages/questionnaire/index';
const RESULTS = 'pages/results/index';

let taps = 0;
beforeEach(async () => {
  await mp.reset();
  taps = 0;
});
afterEach(() => {
  expect(mp.errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// The engine.

type Item = EvaluateResult['items'][number];

// Written here from the rules, not imported from result-view: the test's own reading of a result.
// Money is everything but non-monetary support (（二十）'s 金额待核定 included); awards paid to
// people (（七）) are theirs, apart from what the enterprise can claim.
const money = (r: Item) => r.amountKind !== 'nonMonetary';
/** The item ids the page must show in each group, in the engine's order. */
const GROUPS: Record<string, (r: Item) => boolean> = {
  eligible: (r) => r.status === 'eligible' && money(r) && !r.paidToPerson,
  needsInfo: (r) => r.status === 'needsInfo',
  nonMonetary: (r) => r.status === 'eligible' && !money(r),
  ineligible: (r) => r.status === 'ineligible' && r.hints.length === 0,
};
const groupIds = (res: EvaluateResult, group: keyof typeof GROUPS) => res.items.filter(GROUPS[group]).map((r) => r.id);

function item(res: EvaluateResult, id: string): Item {
  const found = res.items.find((r) => r.id === id);
  if (!found) throw new Error(`the engine has no item ${id}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// What the WeChat page shows.

/** One tap by the user, counted. */
async function tap(target: string): Promise<void> {
  taps += 1;
  await mp.tap(target);
}

async function type(questionId: string, text: string): Promise<void> {
  await mp.input(`#${questionId}-input`, text);
}

const routes = () => mp.stack().map((p) => p.route);
const classes = (id: string) => classesOf(mp.byId(id));
const selectedChips = (id: string) => findByClass(mp.byId(id), 'chip--selected');

/** The card's id (result-card: 'result-' + the item id with anything but [A-Za-z0-9_-] as '-'). */
const card = (itemId: string) => `result-${itemId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The cards of one group, in order ([] when the group is not shown), as the items they show: each
 * card's id must be the card id of exactly one item of the engine's result.
 */
function cardsIn(group: string, res: EvaluateResult): string[] {
  if (!mp.has(`group-${group}`)) return [];
  return findByClass(mp.byId(`group-${group}`), 'result-card').map((el) => {
    const ids = res.items.filter((r) => card(r.id) === el.id).map((r) => r.id);
    expect(ids).toHaveLength(1);
    return ids[0];
  });
}

/** The results page is on top, with the device's result, and the cloud line says `text`. */
async function cloudSays(text: string): Promise<void> {
  await mp.waitFor(() => mp.page().route === RESULTS && mp.has('cloud-status') && mp.text('#cloud-status') === text, `the cloud line "${text}"`);
}

/** The results page is on top, and the cloud's `calculate` agreed with the device. */
const resultsConfirmed = () => cloudSays('已核对');

/** The profile the last `calculate` call carried. */
function sentProfile(): unknown {
  const calls = mp.callsOf('cloud.callFunction').filter((o) => o.name === 'calculate');
  expect(calls.length).toBeGreaterThan(0);
  return (calls[calls.length - 1].data as { profile: unknown }).profile;
}

function storedDraft(): Record<string, unknown> {
  return mp.storage.get(DRAFT_KEY) as Record<string, unknown>;
}

/** Shows a card's figure and kind as the engine has them (figureText, AMOUNT_KIND_LABEL). */
function expectFigure(res: EvaluateResult, itemId: string, figure: string, kind: string): void {
  expect(mp.text(`#${card(itemId)}-figure`)).toBe(figure);
  if (kind === '') expect(mp.has(`${card(itemId)}-kind`)).toBe(false);
  else expect(mp.text(`#${card(itemId)}-kind`)).toBe(kind);
  const r = item(res, itemId);
  expect(figure).toBe(figureText(r));
  expect(kind).toBe(r.status === 'needsInfo' ? '待确认' : figure.includes(AMOUNT_KIND_LABEL[r.amountKind]) ? '' : AMOUNT_KIND_LABEL[r.amountKind]);
}

/** The working of a card, once its toggle is tapped. */
async function stagesOf(itemId: string): Promise<string> {
  await tap(`#${card(itemId)}-toggle`);
  const lists = findByClass(mp.byId(card(itemId)), 'stage-list');
  expect(lists).toHaveLength(1);
  return mp.text(lists[0]);
}

// ---------------------------------------------------------------------------------------------

describe('questionnaire and results in WeChat', () => {
  it('quick path: enterprise, two topics, two yes answers → a result in 8 taps, confirmed by the cloud', async () => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button'); // 1 企业开始测算
    expect(routes()).toEqual([HOME, QUESTIONNAIRE]);
    expect(mp.page().query).toEqual({ entity: 'enterprise' });
    expect(mp.text('#progress')).toContain('第 1 步，共 3 步');
    await tap('#next-button'); // 2 下一步
    await tap('#topic-platforms'); // 3 创新平台与资质认定
    await tap('#topic-green'); // 4 绿色制造
    await tap('#next-button'); // 5 下一步
    await tap('#q-facts-m01-techCenter-opt-yes'); // 6 新认定自治区级企业技术中心：是
    await tap('#q-facts-m21-nationalGreen-opt-yes'); // 7 新认定国家级绿色制造：是
    await tap('#next-button'); // 8 查看结果
    await resultsConfirmed();
    expect(taps).toBe(8);
    // The results page is pushed on the questionnaire: WeChat's back button returns to the answers.
    expect(routes()).toEqual([HOME, QUESTIONNAIRE, RESULTS]);

    // （一）对新认定的自治区级企业技术中心，给予 50万元; （二十一）国家级绿色工厂… 给予 100万元 → 150万元, 2 measures.
    const profile = QUICK_PATH;
    const expected = engine(profile);
    expect(sentProfile()).toEqual(parsed(profile));
    expect(expected.total).toEqual({ min: '1500000.00', max: '1500000.00' });
    expect(mp.text('#results-total')).toBe('150');
    expect(mp.text('#results-total')).toBe(wanRange(expected.total));
    expect(mp.text('#results-covers')).toBe('涉及 2 条措施、2 个可申请事项');
    expect(expected.measuresCovered).toBe(2);
    expect(mp.has('results-pending')).toBe(false);
    expect(cardsIn('eligible', expected)).toEqual(['m01.tech-center', 'm21.national-green']);
    expect(cardsIn('eligible', expected)).toEqual(groupIds(expected, 'eligible'));
    expectFigure(expected, 'm01.tech-center', '50万元', '精确');
    expectFigure(expected, 'm21.national-green', '100万元', '精确');

    // Back (WeChat's button): the questionnaire at its last step, answers in place.
    await mp.back();
    expect(routes()).toEqual([HOME, QUESTIONNAIRE]);
    expect(mp.text('#progress')).toContain('第 3 步，共 3 步');
    expect(mp.text('#q-facts-m01-techCenter-opt-yes')).toBe('✓ 是');
  });

  it.each([
    { who: 'a non-SME', sme: '#q-sme-opt-no', asked: false },
    { who: 'an SME', sme: '#q-sme-opt-yes', asked: true },
    { who: 'an enterprise unsure whether it is an SME', sme: '#q-sme-opt-unknown', asked: true },
  ])('$who is asked which SME recognition it has: $asked (issue 22, item 8)', async ({ sme, asked }) => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button');
    await tap(sme);
    await tap('#next-button');
    await tap('#topic-platforms'); // 创新平台与资质认定: （一）…（六）
    await tap('#next-button');
    // （一）'s questions are there either way; （六）'s recognitions are 中小企业's.
    expect(mp.has('q-facts-m01-techCenter')).toBe(true);
    expect(mp.has('q-facts-m06-recognition')).toBe(asked);
    // Nor is its heading left standing over nothing.
    expect(mp.text('#topic-section-platforms').includes('支持“专精特新”中小企业发展')).toBe(asked);
  });

  it('a dairy firm that builds no charging stations and makes no vehicles is not shown （二十三） or （二十六） (issue 22, item 8)', async () => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button');
    await tap('#q-sme-opt-yes');
    await tap('#next-button');
    await tap('#topic-investment');
    await tap('#next-button');
    await tap('#q-facts-m23-charging-opt-no');
    await tap('#q-facts-m26-vehicleMaker-opt-no');
    await tap('#next-button');
    await resultsConfirmed();
    const expected = engine({ version: 1, entity: 'enterprise', sme: true, topics: ['investment'], facts: { 'm23.charging': false, 'm26.vehicleMaker': false } });
    expect(cardsIn('nonMonetary', expected)).toEqual(groupIds(expected, 'nonMonetary'));
    expect(cardsIn('nonMonetary', expected)).toEqual(['m10.funds', 'm25.resource-allocation']);
    expect(mp.text('#group-nonMonetary')).not.toContain('充电站');
    expect(mp.text('#group-nonMonetary')).not.toContain('对新能源汽车及配套企业有利');
    // Answered 否, they are among 不符合 (folded until asked), with the clause's condition as the reason.
    await tap('#toggle-ineligible');
    expect(cardsIn('ineligible', expected)).toEqual(['m23.charging-project-bonds', 'm26.public-vehicle-electrification']);
  });

  it('persona 1: a large enterprise with a 3000万 upgrade project, 636万; 去填写 the robot question → 796万', async () => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button');
    await tap('#q-sme-opt-no');
    await tap('#city-150200'); // 包头市
    await tap('#county-150203'); // 昆都仑区
    expect(mp.text('#region-place')).toBe('包头市 · 昆都仑区');
    // 昆都仑区 is in no former-poverty list: the hint says so, the user answers.
    expect(mp.text('#poverty-suggestion')).toContain('没有找到昆都仑区');
    await tap('#q-region-poverty-opt-no');
    await tap('#q-region-oldRevolutionary-opt-no');
    await tap('#next-button');
    await tap('#topic-investment');
    await tap('#topic-digital');
    await tap('#next-button');

    await tap('#entries-m08-upgrade-add');
    await mp.input('#entries-m08-upgrade-0-name', '2 号线技改');
    await tap('#q-projects-m08-upgrade-0-chain-opt-yes');
    await type('q-projects-m08-upgrade-0-investment', '3000');
    await tap('#entries-m08-robots-add');
    await tap('#q-projects-m08-robots-0-hazardous-opt-unknown');
    await type('q-projects-m08-robots-0-robotCost', '800');
    await tap('#q-facts-m13-level-opt-3A');
    await type('q-facts-m14-cloudCost', '180');
    expect(mp.value('#entries-m08-upgrade-0-name')).toBe('2 号线技改');
    expect(mp.value('#q-projects-m08-upgrade-0-investment-input')).toBe('3000');
    await tap('#next-button');
    await resultsConfirmed();
    expect(routes()).toEqual([HOME, QUESTIONNAIRE, RESULTS]);

    // （八）技改: 3000万元 ≥ 2000万元 门槛; 3000 × 20% = 600万元 > 单个项目最高 500万元 → 500万元.
    // （十三）两化融合 3A 级 → 100万元.  （十四）设备上云 180万元 × 20% = 36万元 (≤ 300万元).
    // Total 500 + 100 + 36 = 636万元 over 3 measures. 机器换人: 高危环节 不确定 → needs information,
    // 800万元 × 20% = 160万元 if 是, 0 if 否 → "补充信息后可能再增加 0–160万元".
    const profile = LARGE_ENTERPRISE;
    const expected = engine(profile);
    expect(sentProfile()).toEqual(parsed(profile));
    expect(expected.total).toEqual({ min: '6360000.00', max: '6360000.00' });
    expect(expected.pending).toEqual({ min: '0.00', max: '1600000.00' });
    expect(mp.text('#results-total')).toBe('636');
    expect(mp.text('#results-covers')).toBe('涉及 3 条措施、3 个可申请事项');
    expect(mp.text('#results-pending')).toBe('补充信息后可能再增加 0–160万元');
    expect(cardsIn('eligible', expected)).toEqual(['m08.upgrade', 'm13.integration-level', 'm14.equipment-cloud']);
    expect(cardsIn('eligible', expected)).toEqual(groupIds(expected, 'eligible'));
    expectFigure(expected, 'm08.upgrade', '500万元', '精确');
    expectFigure(expected, 'm13.integration-level', '100万元', '精确');
    expectFigure(expected, 'm14.equipment-cloud', '36万元', '精确');
    expect(cardsIn('needsInfo', expected)).toEqual(['m08.robots']);
    expect(cardsIn('needsInfo', expected)).toEqual(groupIds(expected, 'needsInfo'));
    expectFigure(expected, 'm08.robots', '0–160万元', '待确认');
    expect(cardsIn('nonMonetary', expected)).toEqual(groupIds(expected, 'nonMonetary'));

    // The working of the 技改 figure, stage by stage, each with its clause phrase.
    const stages = await stagesOf('m08.upgrade');
    expect(stages).toContain('3000万元 × 20% = 600万元');
    expect(stages).toContain('「单个项目最高不超过 500万元给予补助」');
    expect(stages).toContain('「对投资 2000万元及以上」');
    expect(stages).toContain('（2 号线技改）');

    // "去填写" goes back to that very question: the results page is popped (navigateBack), not a
    // second questionnaire pushed, and the question is highlighted and scrolled to.
    const question = 'q-projects-m08-robots-0-hazardous';
    expect(mp.text(`#${card('m08.robots')}-question-0`)).toContain('去填写');
    await tap(`#${card('m08.robots')}-question-0`);
    expect(mp.callsOf('navigateBack')).toHaveLength(1);
    expect(mp.callsOf('redirectTo')).toHaveLength(0);
    expect(routes()).toEqual([HOME, QUESTIONNAIRE]);
    expect(mp.text('#progress')).toContain('第 3 步，共 3 步');
    expect(classes(question)).toContain('question--highlight');
    expect(mp.text(`#${question}-opt-unknown`)).toBe('✓ 不确定');
    await mp.waitFor(() => mp.callsOf('pageScrollTo').some((o) => o.selector === `#${question}`), `a scroll to #${question}`);

    // Answering 是 adds the 160万元: 636 + 160 = 796万元.
    await tap(`#${question}-opt-yes`);
    expect(classes(question)).toContain('question--highlight');
    await tap('#next-button');
    await resultsConfirmed();
    expect(routes()).toEqual([HOME, QUESTIONNAIRE, RESULTS]);
    const after = engine({ ...profile, projects: { ...profile.projects, 'm08.robots': [{ facts: { hazardous: true, robotCost: '800' } }] } });
    expect(after.total).toEqual({ min: '7960000.00', max: '7960000.00' });
    expect(mp.text('#results-total')).toBe('796');
    expect(mp.text('#results-total')).toBe(wanRange(after.total));
    expect(mp.has('results-pending')).toBe(false);
    expect(cardsIn('eligible', after)).toEqual(['m08.upgrade', 'm08.robots', 'm13.integration-level', 'm14.equipment-cloud']);
    expect(cardsIn('eligible', after)).toEqual(groupIds(after, 'eligible'));
    expectFigure(after, 'm08.robots', '160万元', '精确');
    expect(cardsIn('needsInfo', after)).toEqual([]);
  });

  it('persona 2: a small 专精特新 firm in 宁城县 (革命老区: the 1000万 threshold), 290万; the poverty hint is shown, not applied', async () => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button');
    await tap('#q-sme-opt-yes');
    await tap('#city-150400'); // 赤峰市
    await tap('#county-150429'); // 宁城县
    expect(mp.text('#poverty-suggestion')).toContain('宁城县曾是国家级贫困县');
    // A suggestion only: nothing is chosen until the user answers.
    expect(selectedChips('q-region-poverty')).toEqual([]);
    expect(storedDraft().poverty).toBeUndefined();
    await tap('#q-region-poverty-opt-unknown');
    await tap('#q-region-oldRevolutionary-opt-yes');
    await tap('#next-button');
    await tap('#topic-platforms');
    await tap('#topic-investment');
    await tap('#next-button');
    await tap('#q-facts-m06-recognition-opt-specialized');
    await tap('#entries-m08-upgrade-add');
    await tap('#q-projects-m08-upgrade-0-chain-opt-yes');
    await type('q-projects-m08-upgrade-0-investment', '1200');
    await tap('#next-button');
    await resultsConfirmed();

    // （六）自治区认定的“专精特新”中小企业 → 50万元.
    // （八）1200万元: below 2000万元, but 革命老区 (answered 是) lowers the threshold to 1000万元 →
    // 1200 × 20% = 240万元 (≤ 500万元). 脱贫地区 不确定 does not matter once 革命老区 is 是.
    // Total 50 + 240 = 290万元 over 2 measures.
    const profile = SMALL_SPECIALIZED;
    const expected = engine(profile);
    expect(sentProfile()).toEqual(parsed(profile));
    expect(expected.total).toEqual({ min: '2900000.00', max: '2900000.00' });
    expect(expected.counts.needsInfo).toBe(0);
    expect(mp.text('#results-total')).toBe('290');
    expect(mp.text('#results-total')).toBe(wanRange(expected.total));
    expect(mp.text('#results-covers')).toBe('涉及 2 条措施、2 个可申请事项');
    expect(mp.has('results-pending')).toBe(false);
    expect(cardsIn('eligible', expected)).toEqual(['m06.sme-recognition', 'm08.upgrade']);
    expect(cardsIn('eligible', expected)).toEqual(groupIds(expected, 'eligible'));
    expectFigure(expected, 'm06.sme-recognition', '50万元', '精确');
    expectFigure(expected, 'm08.upgrade', '240万元', '精确');
    expect(mp.has('group-needsInfo')).toBe(false);
    const stages = await stagesOf('m08.upgrade');
    expect(stages).toContain('「脱贫地区、革命老区投资 1000万元及以上」');
    expect(stages).toContain('1200万元 × 20% = 240万元');
  });

  it('persona 3: an industrial park, 500–2500万, with 不符合 collapsed until asked', async () => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-park');
    expect(mp.page().query).toEqual({ entity: 'park' });
    await tap('#city-150600'); // 鄂尔多斯市
    await tap('#county-150622'); // 准格尔旗
    // Parks are not asked about 脱贫地区/革命老区 (only an enterprise's 技改 threshold uses them).
    expect(mp.has('q-region-poverty')).toBe(false);
    expect(mp.has('q-sme')).toBe(false);
    await tap('#next-button');
    await tap('#topic-park');
    await tap('#next-button');
    await tap('#q-facts-m16-parkPlatform-opt-yes');
    await tap('#q-facts-m20-demoPark-opt-yes');
    await tap('#q-facts-m30-strongPark-opt-no');
    await tap('#q-facts-m30-excellentPark-opt-yes');
    await tap('#next-button');
    await resultsConfirmed();

    // （十六）全景式管控平台: 最高不超过 2000万元, no formula → 0–2000万元.
    // （三十）争先进位快等: 500万元; 综合实力强 answered 否 → 不符合.
    // Total 500–2500万元 over 2 measures; （二十）低碳零碳: a cash 奖补 whose amount the department sets —
    // it is claimable (可申请, 金额待核定), not in the total, and not under 非资金支持.
    const profile = INDUSTRIAL_PARK;
    const expected = engine(profile);
    expect(sentProfile()).toEqual(parsed(profile));
    expect(expected.total).toEqual({ min: '5000000.00', max: '25000000.00' });
    expect(mp.text('#results-total')).toBe('500–2500');
    expect(mp.text('#results-total')).toBe(wanRange(expected.total));
    expect(mp.text('#results-covers')).toBe('涉及 3 条措施、3 个可申请事项');
    expect(mp.text('#results-set-by-department')).toBe('1 项金额待核定（清单未给出标准，由主管部门核定），未计入合计');
    expect(cardsIn('eligible', expected)).toEqual(['m16.smart-park', 'm20.low-carbon-park', 'm30.excellent-park']);
    expect(cardsIn('eligible', expected)).toEqual(groupIds(expected, 'eligible'));
    // No kind word beside a figure that says it (issue 22: "最高 2000万元 [最高]").
    expectFigure(expected, 'm16.smart-park', '最高 2000万元', '');
    expectFigure(expected, 'm30.excellent-park', '500万元', '精确');
    expect(cardsIn('nonMonetary', expected)).toEqual(['m22.park-infrastructure-bonds', 'm23.charging-bonds']);
    expect(cardsIn('nonMonetary', expected)).toEqual(groupIds(expected, 'nonMonetary'));
    expect(mp.text(`#${card('m20.low-carbon-park')}-figure`)).toBe('金额待核定');
    expect(mp.text(`#${card('m20.low-carbon-park')}-figure`)).toBe(figureText(item(expected, 'm20.low-carbon-park')));
    expect(mp.has(`${card('m20.low-carbon-park')}-kind`)).toBe(false);
    // 不符合 collapsed, with its reason once opened.
    expect(cardsIn('ineligible', expected)).toEqual([]);
    await tap('#toggle-ineligible');
    expect(cardsIn('ineligible', expected)).toEqual(['m30.strong-park']);
    expect(cardsIn('ineligible', expected)).toEqual(groupIds(expected, 'ineligible'));
    expect(mp.text(`#${card('m30.strong-park')}-why`)).toContain('不满足条件');
  });

  // -------------------------------------------------------------------------------------------

  /** Home → questionnaire step 3 with one 技术改造项目 added (its investment field shown). */
  async function toInvestmentField(): Promise<string> {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button');
    await tap('#next-button');
    await tap('#topic-investment');
    await tap('#next-button');
    await tap('#entries-m08-upgrade-add');
    return 'q-projects-m08-upgrade-0-investment';
  }

  /** The shared schema's message for an investment typed as `text` (without its technical path). */
  function schemaMessage(text: string): string {
    const p = parseProfile({ version: 1, entity: 'enterprise', topics: ['investment'], projects: { 'm08.upgrade': [{ facts: { investment: text } }] } });
    if (p.ok) throw new Error(`"${text}" is accepted by the schema`);
    const issue = p.issues[0];
    return issue.message.split(`（${issue.field}）`).join('');
  }

  it.each([
    ['-5', '「项目实际完成投资额」不能为负数'],
    ['abc', '「项目实际完成投资额」必须是数字，单位：万元'],
    ['1e20', '「项目实际完成投资额」必须是数字，单位：万元'],
    ['100000000000000000000', '「项目实际完成投资额」超过合理范围（最大 10000000万元），请检查单位是否为万元'],
    // '' was here (必须是数字, results blocked) until issue 22, item 1: a cleared field is a skipped one (below).
  ])('"%s" typed as an investment gets the field’s message %s, keeps the text, and blocks the results', async (text, message) => {
    const q = await toInvestmentField();
    await type(q, text);
    expect(mp.text(`#${q}-message`)).toBe(`技术改造项目第 1 项：${message}`);
    expect(mp.text(`#${q}-message`)).toBe(schemaMessage(text));
    expect(classes(q)).toContain('amount-input--error');
    // The text stays exactly as typed, on screen and in storage.
    expect(mp.value(`#${q}-input`)).toBe(text);
    const projects = storedDraft().projects as Record<string, { texts: Record<string, string> }[]>;
    expect(projects['m08.upgrade'][0].texts.investment).toBe(text);
    // Results are not shown while a field is wrong.
    await tap('#next-button');
    expect(mp.text('#blocked-message')).toBe('还有 1 处需要修改（已标红），改好后再看结果');
    expect(mp.callsOf('navigateTo').map((o) => o.url)).toEqual(['/pages/questionnaire/index?entity=enterprise']);
    expect(routes()).toEqual([HOME, QUESTIONNAIRE]);
  });

  it('a fixed field loses its message: full-width digits with a thousands separator are read as the number', async () => {
    const q = await toInvestmentField();
    await type(q, '-5');
    expect(mp.has(`${q}-message`)).toBe(true);
    await type(q, '２,５００');
    expect(mp.has(`${q}-message`)).toBe(false);
    expect(mp.value(`#${q}-input`)).toBe('２,５００');
    await tap('#next-button');
    await resultsConfirmed();
    // （八）2500万元 ≥ 2000万元; 产业链 not answered → the engine says what it needs.
    const profile = { version: 1, entity: 'enterprise', topics: ['investment'], projects: { 'm08.upgrade': [{ facts: { investment: '2500' } }] } };
    expect(sentProfile()).toEqual(parsed(profile));
    const expected = engine(profile);
    expect(cardsIn('eligible', expected)).toEqual(groupIds(expected, 'eligible'));
    expect(cardsIn('needsInfo', expected)).toEqual(groupIds(expected, 'needsInfo'));
  });

  // One questionnaire with the three fields of the table (万元, 人, 吨 in a project entry).
  const TYPED_DRAFT = {
    v: 1,
    step: 'questions',
    entity: 'enterprise',
    topics: ['craftsmen', 'digital', 'resources'],
    values: {},
    texts: {},
    projects: { 'm18.water-saving': [{ key: 'e1', name: '', values: {}, texts: {} }] },
    nextKey: 2,
  };
  it.each(TYPED_AMOUNTS)('typed amounts (test/support/typed-amounts.ts): $what, $typed', async (row) => {
    mp.storage.set(DRAFT_KEY, TYPED_DRAFT);
    await mp.reLaunch(`/${QUESTIONNAIRE}`);
    const q = domId(AMOUNT_FIELDS[row.field].path);
    await type(q, row.typed);
    expect(mp.value(`#${q}-input`)).toBe(row.typed);
    if (row.message !== undefined) expect(mp.text(`#${q}-message`)).toBe(row.message);
    else expect(mp.has(`${q}-message`)).toBe(false);
  });

  // Issue 22, item 1: the page says 没有的可以跳过, so a number typed and then cleared is a skipped
  // answer — no red, nothing sent for it, 查看结果 opens the results — also after a reload.
  const TYPED_DRAFT_SENT = { version: 1, entity: 'enterprise', topics: ['craftsmen', 'digital', 'resources'], projects: { 'm18.water-saving': [{ facts: {} }] } };
  it.each(CLEARED_AMOUNTS)('a number typed and then cleared is skipped and the results open: $what', async (row) => {
    mp.storage.set(DRAFT_KEY, TYPED_DRAFT);
    await mp.reLaunch(`/${QUESTIONNAIRE}`);
    const q = domId(AMOUNT_FIELDS[row.field].path);
    await type(q, '60');
    await type(q, row.typed);
    expect(mp.has(`${q}-message`)).toBe(false);
    expect(classes(q)).not.toContain('amount-input--error');
    expect(storedDraft()).toEqual(TYPED_DRAFT);
    await tap('#next-button');
    expect(mp.has('blocked-message')).toBe(false);
    await resultsConfirmed();
    expect(sentProfile()).toEqual(parsed(TYPED_DRAFT_SENT));
  });

  it.each(CLEARED_AMOUNTS)('a cleared number stored before this fix is skipped after a reload: $what', async (row) => {
    const [scope, id, , fact] = AMOUNT_FIELDS[row.field].path.split('/');
    const stored = JSON.parse(JSON.stringify(TYPED_DRAFT));
    if (scope === 'projects') stored.projects[id][0].texts[fact] = row.typed;
    else stored.texts[id] = row.typed;
    mp.storage.set(DRAFT_KEY, stored);
    await mp.reLaunch(`/${QUESTIONNAIRE}`);
    const q = domId(AMOUNT_FIELDS[row.field].path);
    expect(mp.has(`${q}-message`)).toBe(false);
    await tap('#next-button');
    expect(mp.has('blocked-message')).toBe(false);
    await resultsConfirmed();
    expect(sentProfile()).toEqual(parsed(TYPED_DRAFT_SENT));
  });

  it('（七） in WeChat: the craftsmen’s award is their own group and line, not in the enterprise total', async () => {
    // （一） 50万元 for the enterprise; （七）“大国工匠”每人 20万元 × 2 = 40万元 for the craftsmen themselves.
    mp.storage.set(DRAFT_KEY, {
      v: 1,
      step: 'questions',
      entity: 'enterprise',
      topics: ['platforms', 'craftsmen'],
      values: { 'm01.techCenter': true },
      texts: { 'm07.greatCraftsmen': '2' },
      projects: {},
      nextKey: 1,
    });
    await mp.reLaunch(`/${RESULTS}`);
    await resultsConfirmed();
    const expected = engine({ version: 1, entity: 'enterprise', topics: ['platforms', 'craftsmen'], facts: { 'm01.techCenter': true, 'm07.greatCraftsmen': '2' } });
    expect([expected.total.max, expected.peopleTotal.max]).toEqual(['500000.00', '400000.00']);
    expect(mp.text('#results-total')).toBe('50');
    expect(mp.text('#results-people')).toBe('本企业工匠个人可获 40万元（发给个人，不计入企业合计）');
    expect(cardsIn('eligible', expected)).toEqual(['m01.tech-center']);
    expect(cardsIn('people', expected)).toEqual(['m07.great-craftsman']);
    expect(mp.text(`#${card('m07.great-craftsman')}-figure`)).toBe('40万元');
  });

  it('a park: its only topic is chosen for it, and its place is asked without the （八） hint', async () => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-park');
    expect(mp.text('#q-region')).toContain('园区在哪个旗县区');
    expect(mp.text('#q-region')).not.toContain('（八）');
    await tap('#next-button');
    expect(classes('topic-park')).toContain('topic-chip--selected');
    await tap('#topic-park'); // cannot be dropped
    expect(classes('topic-park')).toContain('topic-chip--selected');
    await tap('#next-button');
    expect(mp.has('blocked-message')).toBe(false);
    expect(mp.has('q-facts-m30-strongPark')).toBe(true);
  });

  // -------------------------------------------------------------------------------------------

  it.each([
    ['WeChat’s back button (to the home page)', () => mp.back()],
    ['the mini-program opened again (reLaunch home)', async () => void (await mp.reLaunch(`/${HOME}`))],
  ])('answers are kept after leaving mid-questionnaire by %s: home offers to resume at the same step', async (_how, leave) => {
    const q = await toInvestmentField();
    await type(q, '-5');
    await type(q, '3000');
    const saved = storedDraft();
    expect(saved).toMatchObject({ step: 'questions', entity: 'enterprise', topics: ['investment'] });

    await leave();
    expect(routes()).toEqual([HOME]);
    expect(mp.text('#resume-button')).toBe('继续上次的测算');
    expect(mp.text('#resume-note')).toBe('已保存在本机：企业 · 第 3 步「具体情况」');
    expect(mp.has('start-button')).toBe(false);
    expect(mp.has('last-results')).toBe(true);
    expect(storedDraft()).toEqual(saved);

    await tap('#resume-button');
    expect(routes()).toEqual([HOME, QUESTIONNAIRE]);
    expect(mp.page().query).toEqual({});
    expect(mp.text('#progress')).toContain('第 3 步，共 3 步');
    expect(mp.value(`#${q}-input`)).toBe('3000');
    expect(mp.has(`${q}-message`)).toBe(false);
    expect(classes('topic-section-investment')).toContain('q-topic');
  });

  it('the resumed questionnaire keeps a wrong text and its message too', async () => {
    const q = await toInvestmentField();
    await type(q, '-5');
    await mp.reLaunch(`/${HOME}`);
    await tap('#resume-button');
    expect(mp.value(`#${q}-input`)).toBe('-5');
    expect(mp.text(`#${q}-message`)).toContain('不能为负数');
  });

  it('重新开始 on the questionnaire asks first: 取消 keeps everything, 清除 empties storage and the page', async () => {
    const q = await toInvestmentField();
    await type(q, '3000');
    const saved = storedDraft();

    mp.answers.modals = [false];
    await tap('#restart-button');
    expect(mp.callsOf('showModal')).toEqual([
      { title: '重新开始', content: '清除本机保存的全部答案，从第一步重新填写？', confirmText: '清除', cancelText: '取消' },
    ]);
    expect(storedDraft()).toEqual(saved);
    expect(mp.text('#progress')).toContain('第 3 步，共 3 步');
    expect(mp.value(`#${q}-input`)).toBe('3000');

    mp.answers.modals = [true];
    await tap('#restart-button');
    expect(mp.callsOf('showModal')).toHaveLength(2);
    expect(mp.storage.has(DRAFT_KEY)).toBe(false);
    expect(routes()).toEqual([HOME, QUESTIONNAIRE]);
    expect(mp.text('#progress')).toContain('第 1 步，共 3 步');
    expect(selectedChips('q-entity')).toEqual([]);
    expect(mp.has('q-sme')).toBe(false);

    // Home (back) no longer offers to resume.
    await mp.back();
    expect(mp.has('resume-button')).toBe(false);
    expect(mp.text('#start-button')).toBe('企业开始测算');
  });

  it('重新开始 on the home page asks first: 取消 keeps the saved answers, 清除 removes them', async () => {
    await toInvestmentField();
    await mp.back();
    const saved = storedDraft();
    expect(mp.has('resume-button')).toBe(true);

    mp.answers.modals = [false];
    await tap('#home-restart');
    expect(mp.callsOf('showModal')).toEqual([{ title: '重新开始', content: '清除本机保存的全部答案？', confirmText: '清除', cancelText: '取消' }]);
    expect(storedDraft()).toEqual(saved);
    expect(mp.has('resume-button')).toBe(true);

    mp.answers.modals = [true];
    await tap('#home-restart');
    expect(mp.storage.has(DRAFT_KEY)).toBe(false);
    expect(mp.has('resume-button')).toBe(false);
    expect(mp.text('#start-button')).toBe('企业开始测算');
    await tap('#start-button');
    expect(mp.text('#progress')).toContain('第 1 步，共 3 步');
    expect(selectedChips('q-entity').map((el) => mp.text(el))).toEqual(['✓ 企业']);
    expect(mp.has('q-region-poverty-opt-yes')).toBe(true);
    expect(selectedChips('q-region-poverty')).toEqual([]);
  });

  it('重新开始 on the results page clears the answers and leaves no page behind that still shows them', async () => {
    await toInvestmentField();
    await type('q-projects-m08-upgrade-0-investment', '3000');
    await tap('#q-projects-m08-upgrade-0-chain-opt-yes');
    await tap('#next-button');
    await resultsConfirmed();
    expect(routes()).toEqual([HOME, QUESTIONNAIRE, RESULTS]);

    mp.answers.modals = [true];
    await tap('#results-restart');
    expect(mp.callsOf('showModal')[0]).toMatchObject({ content: '清除本机保存的全部答案，从第一步重新填写？' });
    expect(mp.storage.has(DRAFT_KEY)).toBe(false);
    expect(mp.page().route).toBe(QUESTIONNAIRE);
    expect(mp.text('#progress')).toContain('第 1 步，共 3 步');
    expect(selectedChips('q-entity')).toEqual([]);
    // WeChat's back button must not lead to a page that still shows the cleared answers (a tap
    // there would save them again).
    await mp.back();
    expect(mp.has('q-projects-m08-upgrade-0-investment')).toBe(false);
    expect(mp.page().text()).not.toContain('已添加 1 项');
    expect(mp.storage.has(DRAFT_KEY)).toBe(false);
  });

  it('去填写 from 查看上次结果 (no questionnaire below) opens the questionnaire in place of the results, at that question', async () => {
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button');
    await tap('#next-button');
    await tap('#topic-investment');
    await tap('#next-button');
    await tap('#entries-m08-robots-add');
    await tap('#q-projects-m08-robots-0-hazardous-opt-unknown');
    await type('q-projects-m08-robots-0-robotCost', '800');
    await mp.reLaunch(`/${HOME}`);
    await tap('#last-results');
    await resultsConfirmed();
    expect(routes()).toEqual([HOME, RESULTS]);
    // （八）机器换人 800万元: 高危环节 不确定 → 0 or 800 × 20% = 160万元.
    const profile = { version: 1, entity: 'enterprise', topics: ['investment'], projects: { 'm08.robots': [{ facts: { hazardous: 'unknown', robotCost: '800' } }] } };
    const expected = engine(profile);
    expect(sentProfile()).toEqual(parsed(profile));
    expect(cardsIn('needsInfo', expected)).toEqual(['m08.robots']);
    expect(mp.text('#results-pending')).toBe('补充信息后可能再增加 0–160万元');

    await tap(`#${card('m08.robots')}-question-0`);
    expect(mp.callsOf('redirectTo').map((o) => String(o.url).replace(/[?&]__key_=\d+/, ''))).toEqual([
      `/${QUESTIONNAIRE}?focus=${encodeURIComponent('projects/m08.robots/0/hazardous')}`,
    ]);
    expect(routes()).toEqual([HOME, QUESTIONNAIRE]);
    expect(mp.text('#progress')).toContain('第 3 步，共 3 步');
    expect(classes('q-projects-m08-robots-0-hazardous')).toContain('question--highlight');
    expect(groupIds(expected, 'needsInfo')).toEqual(['m08.robots']);
  });

  it('offline, the results page shows the on-device result and says so quietly', async () => {
    mp.cloudOffline = true;
    await mp.reLaunch(`/${HOME}`);
    await tap('#start-button');
    await tap('#next-button');
    await tap('#topic-green');
    await tap('#next-button');
    await tap('#q-facts-m21-regionalGreen-opt-yes');
    await tap('#next-button');
    await cloudSays('云端暂不可用，显示本机结果');
    // （二十一）自治区级绿色工厂… 50万元, shown from the device.
    const expected = engine({ version: 1, entity: 'enterprise', topics: ['green'], facts: { 'm21.regionalGreen': true } });
    expect(expected.total).toEqual({ min: '500000.00', max: '500000.00' });
    expect(mp.text('#cloud-status')).toBe('云端暂不可用，显示本机结果');
    expect(mp.text('#results-total')).toBe('50');
    expect(cardsIn('eligible', expected)).toEqual(groupIds(expected, 'eligible'));
    expect(mp.callsOf('cloud.callFunction').some((o) => o.name === 'calculate')).toBe(true);
  });
});
