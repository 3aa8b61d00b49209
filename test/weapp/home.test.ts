/**
 * The home page in the WeChat build, for a returning user (issue 22): 我的提醒 is one tap away, and
 * deadline batches published since the last visit that are for an item of the saved result are
 * announced with the user's figure — matched on the device against what the results page kept.
 */
import { adminsRepo } from '../../shared/cloud/repos';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { catalog2022 } from '../../shared/policy/engine';
import { UPGRADE_2100_DRAFT } from '../support/drafts';
import { launch } from './harness';
import { findByClass } from './query';

const mp = launch();
beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

/** Where the app keeps its answers and the last visit (src/state/storage.ts, src/state/last-visit.ts). */
const DRAFT_KEY = 'policy-abacus:answers:v1';
const LAST_VISIT_KEY = 'policy-abacus:last-visit:v1';
const ADMIN = 'admin-openid';

describe('from home to 我的提醒 (issue 22, item 3)', () => {
  it.each([
    ['a first-time user (nothing saved)', false],
    ['a user with saved answers', true],
  ])('%s reaches 我的提醒 with one tap', async (_who, saved) => {
    if (saved) mp.storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT);
    await mp.reLaunch('/pages/index/index');
    await mp.tap('#home-reminders');
    expect(mp.stack().map((p) => p.route)).toEqual(['pages/index/index', 'pages/reminders/index']);
    // Nobody has subscribed yet: the page says so (it loaded the caller's list).
    await mp.waitFor(() => mp.has('reminders-empty'), 'the empty reminders list');
  });
});

describe('a batch on home opens its own batch (issue 22, item 2)', () => {
  it.each([
    ['the earlier', 0],
    ['the later', 1],
  ])('tapping %s of two open （八） batches opens the detail page at that batch', async (_which, index) => {
    const ids = [
      await publish(BEFORE, 'm08', '2026 年度技术改造申报（第一批）'),
      await publish(BEFORE, 'm08', '2026 年度技术改造申报（第二批）', undefined, '2027-02-28'),
    ];
    await openHome();
    const buttons = mp.byClass('home__deadline');
    expect(buttons.map((b) => mp.text(b).split('2027')[0])).toEqual(['（八）2026 年度技术改造申报（第一批）', '（八）2026 年度技术改造申报（第二批）']);
    const id = ids[index];
    await mp.tap(buttons[index]);
    expect(mp.page().route).toBe('pages/policy/detail/index');
    expect(mp.page().query).toEqual({ id: 'm08', deadline: encodeURIComponent(id) });
    await mp.waitFor(() => mp.has('deadline-focus'), 'the batch marked');
    expect(mp.text('#deadline-focus')).toContain(index === 0 ? '（第一批）' : '（第二批）');
  });
});

// ---- new batches that match the saved result ------------------------------------------------------

/** The previous visit: 2026-12-01 08:00 Beijing time. */
const LAST_VISIT = '2026-12-01T00:00:00.000Z';
const BEFORE = new Date('2026-11-28T02:00:00Z');
const AFTER = new Date('2026-12-03T02:00:00Z');
/** The cloud's today when home lists the batches. */
const TODAY = new Date('2026-12-05T02:00:00Z');
const UPGRADE = catalog2022.measures.find((m) => m.id === 'm08')!.items.find((i) => i.id === 'm08.upgrade')!;

/** An admin publishes a batch at `at` (the cloud's clock then): its createdAt. */
async function publish(at: Date, measureId: string, batchTitle: string, itemIds?: string[], closesOn = '2027-01-15'): Promise<string> {
  mp.now = () => at;
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: at.toISOString(), addedBy: 'bootstrap' }).catch(() => undefined);
  const deadline = { measureId, batchTitle, opensOn: '2026-12-01', closesOn, issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/notice/2026-12', ...(itemIds ? { itemIds } : {}) };
  const env = await mp.callCloud('deadlines', { action: 'create', deadline }, ADMIN);
  if (!env.ok) throw new Error(`create failed: ${JSON.stringify(env)}`);
  return (env.data as { deadline: { id: string } }).deadline.id;
}

/** Answers saved (one 技术改造 project of 2100万元 in the chain) and the results seen (the results page keeps what home needs). */
async function resultSeen() {
  mp.storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT);
  await mp.reLaunch('/pages/results/index');
  await mp.waitFor(() => mp.has('results-total'), 'the results');
}

/** Home opens (the cloud's today is TODAY) and has listed the published batches. */
async function openHome() {
  mp.now = () => TODAY;
  await mp.reLaunch('/pages/index/index');
  // The upcoming list (its own call) has answered once the batches are there.
  await mp.waitFor(() => mp.has('home-deadlines'), 'the upcoming deadlines');
  await mp.settle();
}

/** A returning user: the results seen, home visited before (at `lastVisit`); then home opens again. */
async function returningUser(lastVisit: string) {
  await resultSeen();
  mp.storage.set(LAST_VISIT_KEY, lastVisit);
  await openHome();
}

/** The batches home announces as new and matching. */
const announced = () => mp.byClass('new-deadlines__batch').map((el) => mp.text(el));

describe('home announces batches published since the last visit that match the saved result', () => {
  it('a （八） batch for the whole measure, published after the last visit: shown with the user’s figure and its own 提醒我', async () => {
    await publish(AFTER, 'm08', '2026 年度技术改造申报');
    await returningUser(LAST_VISIT);
    const box = mp.byId('home-new-deadlines');
    expect(mp.text(box)).toContain('（八）2026 年度技术改造申报');
    await mp.waitFor(() => findByClass(box, 'subscribe-button__tap')[0], 'the 提醒我 of the new batch');
    expect(mp.text(box)).toContain('申报截止：2027年1月15日');
    // Clause （八）: 2100万元 × 20% = 420万元 (under the 500万元 cap), as the results card shows it.
    expect(mp.byClass('new-deadlines__figure').map((el) => mp.text(el))).toEqual([`按你上次的测算：${UPGRADE.title} 420万元`]);
    expect(mp.byClass('subscribe-button').length).toBe(1);
  });

  it('its 提醒我 subscribes to that batch, not to an earlier-closing batch of the same measure', async () => {
    await publish(BEFORE, 'm08', '2026 年度技术改造申报（第一批）', undefined, '2026-12-20');
    const later = await publish(AFTER, 'm08', '2026 年度技术改造申报（第二批）', undefined, '2027-02-28');
    await returningUser(LAST_VISIT);
    expect(announced()).toEqual(['（八）2026 年度技术改造申报（第二批）']);
    const box = mp.byId('home-new-deadlines');
    await mp.waitFor(() => findByClass(box, 'subscribe-button__tap')[0], 'the 提醒我 of the new batch');
    await mp.tap(findByClass(box, 'subscribe-button__tap')[0]);
    const subscribed = mp.callsOf('cloud.callFunction').filter((o) => o.name === 'subscriptions' && (o.data as { action?: string }).action === 'subscribe');
    expect(subscribed.map((o) => (o.data as { deadlineId?: string }).deadlineId)).toEqual([later]);
  });

  it.each([
    ['published before the last visit', () => publish(BEFORE, 'm08', '2026 年度技术改造申报（上次来访前）')],
    ['for a measure the result has nothing for (（十七）)', () => publish(AFTER, 'm17', '2026 年度节能改造申报')],
    ['for another item of （八） only (智能工厂)', () => publish(AFTER, 'm08', '2026 年度智能工厂申报', ['m08.smart-factory'])],
  ])('a batch %s is not announced beside one that matches', async (_case, other) => {
    await other();
    await publish(AFTER, 'm08', '2026 年度技术改造申报');
    await returningUser(LAST_VISIT);
    expect(mp.byClass('home__deadline').length).toBe(2);
    expect(announced()).toEqual(['（八）2026 年度技术改造申报']);
  });

  it('a first visit announces nothing; the next visit announces what was published in between', async () => {
    await publish(AFTER, 'm08', '2026 年度技术改造申报');
    await resultSeen();
    await openHome();
    expect(mp.has('home-new-deadlines')).toBe(false);
    // Published after this first visit (the device's clock): new at the next one.
    await publish(new Date(Date.now() + 60_000), 'm08', '2026 年度技术改造申报（第二批）');
    await openHome();
    expect(announced()).toEqual(['（八）2026 年度技术改造申报（第二批）']);
  });

  it('answers changed since the results were seen: nothing announced until the results are seen again', async () => {
    await publish(AFTER, 'm08', '2026 年度技术改造申报');
    await returningUser(LAST_VISIT);
    expect(announced()).toEqual(['（八）2026 年度技术改造申报']);
    // 900万元 is under （八）'s 2000万元 threshold: the saved result no longer holds for these answers.
    mp.storage.set(DRAFT_KEY, { ...UPGRADE_2100_DRAFT, projects: { 'm08.upgrade': [{ key: 'e1', name: '', values: { chain: true }, texts: { investment: '900' } }] } });
    mp.storage.set(LAST_VISIT_KEY, LAST_VISIT);
    await openHome();
    expect(mp.has('home-new-deadlines')).toBe(false);
    // Seen again with 2100万元: announced again.
    await returningUser(LAST_VISIT);
    expect(announced()).toEqual(['（八）2026 年度技术改造申报']);
  });
});
