/**
 * The screen function's `template` action for a choice (issue 27, item 1): the topics picked and the
 * projects per item decide the columns of the stored template; each choice has its own place in
 * storage (two people downloading different choices never get each other's file), outside every
 * user's folder; a bad choice is refused naming its field in Chinese.
 */
import ExcelJS from 'exceljs';
import { MAX_ENTRIES, catalog2022, type TopicId } from '../../../shared/policy/engine';
import type { Envelope, ScreenResponse } from '../../../shared/cloud/api';
import type { FileStore, HandlerContext } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { isTemplatePath, ownsCloudPath, screen, SCREEN_MESSAGES, TEMPLATE_FILE_NAME, TEMPLATE_PATH } from '../../../shared/cloud/handlers/screen';
import { adminsRepo } from '../../../shared/cloud/repos';
import { wxDocumentStore } from '../../../shared/cloud/wx-db';
import { NOTES_SHEET, screenColumns } from '../../../shared/policy/screening';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { capturingLogger, CJK } from './fakes';

const ADMIN = 'oAdmin0000000000000000000001';
const PREFIX = 'cloud://env-1.7465/';

describe('screen › template for a choice', () => {
  const stored = new Map<string, Uint8Array>();
  const files: FileStore = {
    async put(cloudPath, content) {
      stored.set(cloudPath, Uint8Array.from(content));
      return { fileID: `${PREFIX}${cloudPath}` };
    },
    async urlOf(fileID) {
      return `https://7465.tcb.qcloud.la/${fileID.slice(PREFIX.length)}?sign=x`;
    },
    async get(fileID) {
      return stored.get(fileID.slice(PREFIX.length)) ?? null;
    },
    async remove(fileIDs) {
      for (const id of fileIDs) stored.delete(id.slice(PREFIX.length));
    },
  };
  let db: FakeWxDatabase;
  beforeEach(async () => {
    stored.clear();
    db = new FakeWxDatabase();
    await adminsRepo(wxDocumentStore(() => db)).add({ _id: ADMIN, addedAt: '2026-11-26T08:00:00.000Z', addedBy: 'bootstrap' });
  });
  const ctx = (): HandlerContext => ({ openid: ADMIN, now: () => new Date('2026-11-26T08:00:00Z'), db: wxDocumentStore(() => db), log: capturingLogger(), files });
  const call = (req: Record<string, unknown>) => runHandler('screen', screen, req, ctx()) as Promise<Envelope<ScreenResponse>>;

  async function headers(path: string): Promise<{ first: string[]; sheets: string[] }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(stored.get(path)!) as unknown as ArrayBuffer);
    return { first: (wb.worksheets[0].getRow(1).values as string[]).slice(1), sheets: wb.worksheets.map((w) => w.name) };
  }

  it.each([
    ['no choice: every topic, one project per item, at TEMPLATE_PATH', {}, undefined, 1, TEMPLATE_PATH],
    ['投资与技术改造', { topics: ['investment'] }, ['investment'], 1, 'screen-template/screening-template-investment-1.xlsx'],
    ['two topics in any order, 2 projects', { topics: ['digital', 'investment'], projects: 2 }, ['investment', 'digital'], 2, 'screen-template/screening-template-investment-digital-2.xlsx'],
    ['every topic, 3 projects', { projects: 3 }, undefined, 3, 'screen-template/screening-template-all-3.xlsx'],
  ])('%s', async (_what, req, topics, projects, path) => {
    const res = await call({ action: 'template', ...req });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toEqual({ action: 'template', fileName: TEMPLATE_FILE_NAME, url: `https://7465.tcb.qcloud.la/${path}?sign=x` });
    expect([...stored.keys()]).toEqual([path]);
    const { first, sheets } = await headers(path);
    expect(first).toEqual(screenColumns(catalog2022, { topics: topics as TopicId[] | undefined, projects }).map((c) => c.header));
    expect(sheets[1]).toBe(NOTES_SHEET);
    expect(isTemplatePath(path)).toBe(true);
    expect(path.startsWith('screen/')).toBe(false);
    expect(ownsCloudPath('screen-template', path)).toBe(false);
  });

  it.each([
    [{ topics: ['rockets'] }, 'topics', SCREEN_MESSAGES.topics],
    [{ topics: 'investment' }, 'topics', SCREEN_MESSAGES.topics],
    [{ topics: ['investment', 'investment'] }, 'topics', SCREEN_MESSAGES.topics],
    [{ projects: 0 }, 'projects', SCREEN_MESSAGES.projects],
    [{ projects: MAX_ENTRIES + 1 }, 'projects', SCREEN_MESSAGES.projects],
    [{ projects: 1.5 }, 'projects', SCREEN_MESSAGES.projects],
    [{ projects: '2' }, 'projects', SCREEN_MESSAGES.projects],
  ])('%j → INVALID_INPUT naming %s, and nothing stored', async (req, fieldName, message) => {
    const res = await call({ action: 'template', ...req });
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message, fields: [{ field: fieldName, message }] } });
    expect(message).toMatch(CJK);
    expect(stored.size).toBe(0);
  });

  it('the topic message names the topics in Chinese', () => {
    expect(SCREEN_MESSAGES.topics).toContain('「主题」只能是问卷里的主题（创新平台与资质认定、');
    expect(SCREEN_MESSAGES.projects).toBe(`「每种条目的项数」应为 1 到 ${MAX_ENTRIES} 之间的整数`);
  });

  it.each([
    ['screen-template/screening-template.xlsx', true],
    ['screen-template/screening-template-green-1.xlsx', true],
    ['screen-template/../screen/x/result.xlsx', false],
    ['screen-template/other.xlsx', false],
    ['screen/oAdmin/screening-template-all-1.xlsx', false],
  ])('isTemplatePath(%s) is %s', (path, yes) => {
    expect(isTemplatePath(path)).toBe(yes);
  });
});
