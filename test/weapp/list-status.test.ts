/**
 * The list's status in the WeChat build (dist/, or WEAPP_DIST): home, results and a detail page
 * show the one line the cloud function `listStatus` (our real handler) gives — 状态未核实 until an
 * admin sets it — the device keeps the last status with its fetch time, and offline the kept copy
 * is shown with that time in Beijing time (dayjs tz inside the mini-program's bundle).
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { adminsRepo } from '../../shared/cloud/repos';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { launch } from './harness';
import { UPGRADE_2100_DRAFT } from '../support/drafts';

dayjs.extend(utc);
dayjs.extend(timezone);

const mp = launch();
beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

const ADMIN = 'admin-openid';
const KEY = 'listStatus';
const DRAFT_KEY = 'policy-abacus:answers:v1';
const NOTICE = '2023 年清单已发布，本清单措施以新清单为准';
const SOURCE = 'https://gxt.nmg.gov.cn/notice/2023-list';
/** One 技术改造 project: the results page has figures to show. */
const DRAFT = UPGRADE_2100_DRAFT;

async function setStatus(status: Record<string, unknown>) {
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: mp.now().toISOString(), addedBy: 'bootstrap' }).catch(() => undefined);
  const env = await mp.callCloud('listStatus', { action: 'set', status }, ADMIN);
  if (!env.ok) throw new Error(`set failed: ${JSON.stringify(env)}`);
}

async function lineOn(url: string, id: string): Promise<string> {
  await mp.reLaunch(url);
  await mp.waitFor(() => mp.has(`${id}-text`) && !mp.text(`#${id}-text`).includes('正在获取'), id);
  return mp.text(`#${id}-text`);
}

it('before any admin sets it: 状态未核实（尚未核对） on home, results and detail; the disclaimers say so', async () => {
  expect(await lineOn('/pages/index/index', 'home-list-status')).toBe('依据 2022 年清单 · 状态未核实（尚未核对）');
  expect(mp.text('#disclaimer')).toContain('清单现行状态未经核实。');
  expect(mp.text()).not.toContain('在执行');
  mp.storage.set(DRAFT_KEY, DRAFT);
  expect(await lineOn('/pages/results/index', 'results-list-status')).toBe('依据 2022 年清单 · 状态未核实（尚未核对）');
  expect(mp.text('#results-disclaimer')).toContain('清单现行状态未经核实。');
  expect(await lineOn('/pages/policy/detail/index?id=m08', 'detail-list-status')).toBe('依据 2022 年清单 · 状态未核实（尚未核对）');
  const kept = mp.storage.get(KEY) as { v: number; status: { state: string }; fetchedAt: string };
  expect(kept.v).toBe(1);
  expect(kept.status.state).toBe('unverified');
});

it('an admin sets 在执行, later 已有后续清单: every page follows; the link is copied', async () => {
  await setStatus({ state: 'inForce', notice: '', sourceUrl: SOURCE, checkedOn: '2026-11-20' });
  expect(await lineOn('/pages/index/index', 'home-list-status')).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）');
  expect(mp.text('#disclaimer')).not.toMatch(/未经核实|仅供了解/);

  await setStatus({ state: 'superseded', notice: NOTICE, sourceUrl: SOURCE, checkedOn: '2026-11-21' });
  expect(await lineOn('/pages/policy/detail/index?id=m17', 'detail-list-status')).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-21）：${NOTICE}`);
  expect(mp.text()).toContain('该清单已有后续清单，本测算仅供了解。');
  await mp.tap('#detail-list-status-copy');
  expect(mp.callsOf('setClipboardData')).toEqual([expect.objectContaining({ data: SOURCE })]);
  expect(mp.callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '已复制依据链接' }));
  mp.storage.set(DRAFT_KEY, DRAFT);
  expect(await lineOn('/pages/results/index', 'results-list-status')).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-21）：${NOTICE}`);
});

it('offline: the kept copy, with when this device fetched it (Beijing time); damaged storage shows 状态未核实', async () => {
  await setStatus({ state: 'repealed', notice: '已由 2024 年第 3 号公告废止', sourceUrl: SOURCE, checkedOn: '2026-11-20' });
  expect(await lineOn('/pages/index/index', 'home-list-status')).toBe('依据 2022 年清单 · 已废止（最后核对 2026-11-20）：已由 2024 年第 3 号公告废止');
  const { fetchedAt } = mp.storage.get(KEY) as { fetchedAt: string };
  const beijing = dayjs(fetchedAt).tz('Asia/Shanghai');
  const when = beijing.year() === dayjs().tz('Asia/Shanghai').year() ? beijing.format('M月D日 HH:mm') : beijing.format('YYYY年M月D日 HH:mm');

  mp.cloudOffline = true;
  expect(await lineOn('/pages/policy/detail/index?id=m08', 'detail-list-status')).toBe(
    `依据 2022 年清单 · 已废止（最后核对 2026-11-20，本机 ${when} 获取）：已由 2024 年第 3 号公告废止`,
  );
  expect(mp.text()).toContain('该清单已废止，本测算仅供了解。');

  mp.storage.set(KEY, { v: 1, status: { state: 'inForce', checkedOn: 'soon' }, fetchedAt });
  expect(await lineOn('/pages/index/index', 'home-list-status')).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）');
  expect(mp.text()).not.toContain('在执行');
});
