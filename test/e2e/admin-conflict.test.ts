/**
 * Issue 25, item 2 in H5 at 390×844: an admin edits a deadline while another admin saves it; the
 * save is refused with the conflict message, the page shows what is saved now and keeps the typed
 * text. Screenshot in test/artifacts/admin-conflict-1.png.
 */
import { addDays, todayIn } from '../../shared/cloud/dates';
import { shot, startHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const ADMIN = 'e2e-conflict-admin';
const TODAY = todayIn(new Date());
const BATCH = { measureId: 'm09', batchTitle: '先进制造业投资贴息', opensOn: addDays(TODAY, -2), closesOn: addDays(TODAY, 20), issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/9' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: [ADMIN] }); // the local bootstrap of the first admin (README, "Admins")
});
afterAll(async () => {
  await h?.close();
});

const cloud = async (body: unknown) => {
  const res = await fetch(`${h.url}/cloud/deadlines`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': ADMIN }, body: JSON.stringify(body) });
  return res.json();
};

it('a save after another admin saved the same deadline: 已被其他管理员修改, what is saved now, and the typed text kept', async () => {
  const created = await cloud({ action: 'create', deadline: BATCH });
  const { id, revision } = created.data.deadline;
  const { page, context } = await h.newPage({ openid: ADMIN });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}/#/pages/admin/deadline/index?id=${encodeURIComponent(id)}`);
  await page.locator('#admin-issuer input').waitFor();
  await page.locator('#admin-issuer input').fill('自治区发展和改革委员会');
  const moved = addDays(TODAY, 35);
  expect((await cloud({ action: 'update', id, revision, deadline: { ...BATCH, closesOn: moved } })).ok).toBe(true);
  await page.locator('#admin-save').click();
  await page.locator('#deadline-theirs').waitFor();
  expect(await page.locator('#deadline-error').textContent()).toContain('这条截止时间已被其他管理员修改，请刷新后再改');
  expect(await page.locator('#deadline-theirs').textContent()).toContain(moved);
  expect(await page.locator('#admin-issuer input').inputValue()).toBe('自治区发展和改革委员会');
  await page.locator('#deadline-error').scrollIntoViewIfNeeded();
  await shot(page, 'admin-conflict-1');
  expect(errors).toEqual([]);
  await context.close();
});
