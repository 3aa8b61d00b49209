/**
 * 园区批量测算's template for the topics a person picks, in the WeChat build (issue 27, item 1): the
 * admin taps the questionnaire's topic chips and how many projects per item, opens the template;
 * the file WeChat's viewer opens is the one the `screen` function stored for that choice, whose
 * columns are that choice's (Chinese headers, the 说明 sheet second). Nothing picked: every topic.
 */
import ExcelJS from 'exceljs';
import { TEMPLATE_PATH } from '../../shared/cloud/handlers/screen';
import { adminsRepo } from '../../shared/cloud/repos';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { catalog2022, type TopicId } from '../../shared/policy/engine';
import { NOTES_SHEET, screenColumns } from '../../shared/policy/screening';
import { launch } from './harness';

const mp = launch();
const ADMIN = 'admin-openid';
const ROUTE = '/pages/admin/screen/index';

beforeEach(async () => {
  await mp.reset();
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: new Date().toISOString(), addedBy: 'bootstrap' });
  mp.openid = ADMIN;
  await mp.reLaunch(ROUTE);
  await mp.waitFor(() => mp.has('screen-template-open') && mp.has('topic-investment'), 'the page');
});
afterEach(() => expect(mp.errors).toEqual([]));

async function sheets(bytes: Uint8Array): Promise<{ headers: string[]; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { headers: (wb.worksheets[0].getRow(1).values as string[]).slice(1), names: wb.worksheets.map((w) => w.name) };
}

it.each([
  ['投资与技术改造 and 数字化…, 2 projects per item', ['investment', 'digital'] as TopicId[], '2', 'screen-template/screening-template-investment-digital-2.xlsx'],
  ['nothing picked: every topic, 1 project per item', [] as TopicId[], '1', TEMPLATE_PATH],
])('%s: the template opened is the one stored for that choice, with its columns', async (_what, topics, projects, path) => {
  for (const t of topics) await mp.tap(`#topic-${t}`);
  if (projects !== '1') await mp.tap(`#screen-projects-${projects}`);
  for (const t of topics) expect(mp.text(`#topic-${t}`)).toMatch(/^✓/);
  await mp.tap('#screen-template-open');
  await mp.waitFor(() => mp.callsOf('openDocument').length === 1, 'the viewer');
  const [call] = mp.callsOf('cloud.callFunction').filter((c) => (c.data as { action: string }).action === 'template');
  expect(call.data).toEqual({ action: 'template', ...(topics.length ? { topics } : {}), projects: Number(projects) });
  const stored = [...mp.files.values()].find((f) => f.cloudPath === path)!;
  expect(stored).toBeDefined();
  const opened = mp.tempFiles.get(String(mp.callsOf('openDocument')[0].filePath));
  expect(opened?.kind === 'url' && Buffer.from(opened.bytes).equals(Buffer.from(stored.content))).toBe(true);
  const { headers, names } = await sheets(stored.content);
  expect(headers).toEqual(screenColumns(catalog2022, { ...(topics.length ? { topics } : {}), projects: Number(projects) }).map((c) => c.header));
  expect(names[1]).toBe(NOTES_SHEET);
}, 60000);
