/**
 * Reminders end to end, in Chromium at 390×844 on the local cloud: a user subscribes on H5 (the
 * simulated WeChat sheet) before any deadline is known, another refuses; a non-admin is turned away
 * from the admin pages (and by the server); the admin imports the deadline from a file and
 * publishes the list's status (shown on home, a measure page and the results); the timer runs at
 * 2022-06-23 (twice: the admin's run log says the rerun found today's reminder sent) and 2022-06-29 →
 * exactly one message per due reminder in the outbox; 我的提醒 shows
 * them sent; a second subscription is cancelled there.
 */
import type { Page } from 'playwright-core';
import { REMINDER_TEMPLATES } from '../../shared/cloud/templates';
import { shot, startHarness, type Harness } from './harness';

jest.setTimeout(180_000);

const ADMIN = 'e2e-admin';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: [ADMIN] }); // the local bootstrap of the first admin (README, "Admins")
});
afterAll(async () => {
  await h?.close();
});

async function open(openid: string, route: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, context } = await h.newPage({ openid });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}/#${route}`);
  return { page, errors, close: () => context.close() };
}

async function outbox(): Promise<{ message: { touser: string; templateId: string; data: Record<string, { value: string }> } }[]> {
  const res = await fetch(`${h.url}/dev/outbox?limit=200`);
  return (await res.json()).data.messages;
}

describe('subscribe → admin adds the deadline → timer → outbox', () => {
  it('runs the whole flow in the browser', async () => {
    // 1. User A subscribes to m01 while no deadline is known.
    const a = await open('e2e-user-a', '/pages/outbox/index');
    const button = a.page.locator('.subscribe-button[data-measure="m01"]');
    await button.locator('.subscribe-button__none').waitFor();
    expect(await button.locator('.subscribe-button__none').textContent()).toContain('暂未公布申报截止时间');
    expect(await button.locator('.subscribe-button__date').count()).toBe(0); // no invented date
    await shot(a.page, 'reminders-1-no-deadline');
    await button.locator('.subscribe-button__tap').click();
    await a.page.locator('#subscribe-sheet').waitFor();
    await shot(a.page, 'reminders-2-sheet');
    await a.page.locator('#subscribe-sheet-allow').click();
    const notice = button.locator('.subscribe-button__notice--ok');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('已订阅：该措施暂未公布申报截止时间');
    expect(await button.locator('.subscribe-button__subscribed').textContent()).toContain('截止前 7 天、截止前 1 天');
    await shot(a.page, 'reminders-3-subscribed');

    // 2. User B refuses in the sheet: told so, nothing recorded.
    const b = await open('e2e-user-b', '/pages/outbox/index');
    const bButton = b.page.locator('.subscribe-button[data-measure="m01"]');
    await bButton.locator('.subscribe-button__tap').click();
    await b.page.locator('#subscribe-sheet-reject').click();
    await bButton.locator('.subscribe-button__notice--warn').waitFor();
    expect(await bButton.locator('.subscribe-button__notice--warn').textContent()).toContain('你拒绝了提醒');
    await shot(b.page, 'reminders-4-refused');

    // 3. B is no admin: the page says so, and the server refuses a write anyway.
    await b.page.goto(`${h.url}/#/pages/admin/index`);
    await b.page.locator('#admin-denied').waitFor();
    await shot(b.page, 'reminders-5-admin-denied');
    const forced = await fetch(`${h.url}/cloud/deadlines`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': 'e2e-user-b' },
      body: JSON.stringify({ action: 'create', openid: ADMIN, deadline: { measureId: 'm01', batchTitle: 'x', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: 'x', sourceUrl: 'https://a.cn' } }),
    });
    expect(forced.status).toBe(403);
    await b.close();

    // 4. The admin imports the deadline from a file (管理 → 导入): a file with a bad row names it and
    //    imports nothing; the good file is previewed row by row, then imported.
    const admin = await open(ADMIN, '/pages/admin/index');
    await admin.page.locator('#admin-new').waitFor();
    await admin.page.locator('#admin-import').click();
    await admin.page.locator('#import-pick').waitFor();
    const header = '措施编号,批次名称,开始日期,截止日期,发布机关,来源链接';
    const row = 'm01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/notice/2022-tech-center';
    const pickFile = async (name: string, text: string) => {
      const [chooser] = await Promise.all([admin.page.waitForEvent('filechooser'), admin.page.locator('#import-pick').click()]);
      await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    };
    await pickFile('截止时间（有错）.csv', [header, row, 'm01,另一批次,2022-06-01,2022-02-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/2'].join('\n'));
    await admin.page.locator('#import-errors').waitFor();
    expect(await admin.page.locator('#import-errors').textContent()).toContain('第 3 行「截止日期」“2022-02-30”不是有效日期');
    expect(await admin.page.locator('#import-confirm').count()).toBe(0);
    await shot(admin.page, 'reminders-6-import-refused');
    await pickFile('截止时间.csv', [header, row].join('\n'));
    await admin.page.locator('#import-confirm').waitFor();
    expect(await admin.page.locator('#import-row-1').textContent()).toContain('2022 年度自治区级企业技术中心认定');
    await shot(admin.page, 'reminders-6-import-preview');
    await admin.page.locator('#import-confirm').click();
    await admin.page.locator('#import-done').waitFor();
    await admin.page.goto(`${h.url}/#/pages/admin/index`);
    // The local cloud's clock is today's: a 2022 window is listed under 已截止.
    await admin.page.locator('#admin-tab-closed').click();
    await admin.page.locator('[id^="admin-deadline-dl-m01-"]').waitFor();
    await shot(admin.page, 'reminders-6-admin-added');
    // The log names the import.
    await admin.page.goto(`${h.url}/#/pages/admin/log/index`);
    await admin.page.locator('.log-entry').first().waitFor();
    expect(await admin.page.locator('.log-entry').first().textContent()).toContain('导入新增截止时间');

    // 4b. The admin publishes the list's status; home, a measure page and the results show it.
    await admin.page.goto(`${h.url}/#/pages/admin/status/index`);
    await admin.page.locator('#status-save').waitFor();
    await admin.page.locator('#status-state-inForce').click();
    await admin.page.locator('#status-sourceUrl input').fill('https://gxt.nmg.gov.cn/zfxxgk/2022-list');
    await admin.page.locator('#status-save').click();
    await admin.page.locator('#status-current-label').filter({ hasText: '在执行' }).waitFor();
    await shot(admin.page, 'reminders-6-status-published');
    await admin.close();
    for (const [route, id] of [
      ['/pages/index/index', 'home-list-status'],
      ['/pages/policy/detail/index?id=m01', 'detail-list-status'],
    ] as const) {
      const viewer = await open('e2e-user-c', route);
      await viewer.page.locator(`#${id}[data-fresh="true"]`).waitFor();
      expect(await viewer.page.locator(`#${id}`).textContent()).toMatch(/依据 2022 年清单 · 在执行（最后核对 \d{4}-\d{2}-\d{2}）/);
      await shot(viewer.page, `reminders-6-status-${id}`);
      await viewer.close();
    }
    // Results: after the quick path (it needs answers).
    const r = await open('e2e-user-c', '/pages/index/index');
    await r.page.locator('#start-button').click();
    await r.page.locator('#next-button').click();
    await r.page.locator('#topic-platforms').click();
    await r.page.locator('#next-button').click();
    await r.page.locator('#q-facts-m01-techCenter-opt-yes').click();
    await r.page.locator('#next-button').click();
    await r.page.locator('#results-list-status[data-fresh="true"]').waitFor();
    expect(await r.page.locator('#results-list-status').textContent()).toContain('在执行（最后核对');
    expect(await r.page.locator('#results-disclaimer').textContent()).not.toContain('未经核实');
    await shot(r.page, 'reminders-6-status-results');
    expect(r.errors).toEqual([]);
    await r.close();

    // 5. The timer at 09:00 on 2022-06-23 (7 days before) from the outbox page, then again, then on 06-29.
    await a.page.reload();
    await a.page.locator('#outbox-date input').waitFor();
    const runAt = async (date: string) => {
      await a.page.locator('#outbox-date input').fill(date);
      await a.page.locator('#outbox-run').click();
      await a.page.locator('#outbox-last').waitFor();
      const text = (await a.page.locator('#outbox-last').textContent()) ?? '';
      await a.page.locator('#outbox-date input').fill('');
      return text;
    };
    expect(await runAt('2022-06-23')).toContain('发送 1');
    await a.page.locator('.outbox__message').first().waitFor();
    await shot(a.page, 'reminders-7-outbox');
    expect(await runAt('2022-06-23')).toContain('发送 0');
    expect(await runAt('2022-06-29')).toContain('发送 1');
    const messages = await outbox();
    expect(messages.map((m) => [m.message.touser, m.message.templateId]).sort()).toEqual(
      [
        ['e2e-user-a', REMINDER_TEMPLATES.day.id],
        ['e2e-user-a', REMINDER_TEMPLATES.week.id],
      ].sort(),
    );
    const week = messages.find((m) => m.message.templateId === REMINDER_TEMPLATES.week.id)!;
    expect(week.message.data.date2.value).toBe('2022年06月30日');
    expect(Array.from(week.message.data.thing1.value).length).toBeLessThanOrEqual(20);

    // 5b. The admin's run log gives the rerun on 06-23 its reason (issue 22, item 12).
    const log = await open(ADMIN, '/pages/admin/log/index');
    await log.page.locator('#log-tab-runs').click();
    await log.page.locator('.log-run').nth(2).waitFor();
    const rerun = log.page.locator('.log-run').filter({ hasText: '今天的提醒已发送过' });
    expect(await rerun.count()).toBe(1);
    expect(await rerun.textContent()).toContain('2022-06-23');
    await rerun.scrollIntoViewIfNeeded();
    await shot(log.page, 'reminders-7-admin-log-rerun');
    expect(log.errors).toEqual([]);
    await log.close();

    // 6. A subscribes to m05 too, then sees both rows on 我的提醒 and cancels m05.
    await a.page.locator('#outbox-measure input').fill('m05');
    const m05 = a.page.locator('.subscribe-button[data-measure="m05"]');
    await m05.locator('.subscribe-button__tap').click();
    await a.page.locator('#subscribe-sheet-allow').click();
    await m05.locator('.subscribe-button__notice--ok').waitFor();
    await a.page.goto(`${h.url}/#/pages/reminders/index`);
    const sent = a.page.locator('.reminder[data-key^="m01."]');
    await sent.waitFor();
    expect(await sent.locator('[data-state="sent"]').count()).toBe(2);
    const pending = a.page.locator('.reminder[data-key="m05.next"]');
    expect(await pending.locator('[data-state="waiting"]').count()).toBe(2);
    await shot(a.page, 'reminders-8-my-reminders');
    await pending.locator('.reminder__cancel').click();
    await a.page.locator('.taro-model__confirm').click();
    await pending.locator('[data-state="cancelled"]').first().waitFor();
    expect(await pending.locator('[data-state="cancelled"]').count()).toBe(2);
    await shot(a.page, 'reminders-9-cancelled');
    expect(a.errors).toEqual([]);
    await a.close();

    // Nothing more is due: the outbox holds exactly the two messages.
    expect((await outbox()).length).toBe(2);
  });
});
