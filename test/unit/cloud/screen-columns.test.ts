/**
 * The `screen` function with a park's own register (issue 27, item 2): `open` answers the preview
 * (each column → what it is read as, unmatched columns) and the job waits in `confirming`; `map`
 * stores the confirmed mapping (owner checked, compare-and-set: of two confirmations at once one
 * runs) and remembers it in screenMappings for the caller; chunks read rows with it; the next
 * register with the same headers is read with the remembered mapping without asking. The result is
 * the CLI's for the same mapping, 统一社会信用代码 beside each name.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Envelope, ScreenResponse } from '../../../shared/cloud/api';
import type { FileStore, HandlerContext } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { screen, SCREEN_MESSAGES } from '../../../shared/cloud/handlers/screen';
import { adminsRepo, screenJobsRepo, screenMappingId, screenMappingsRepo } from '../../../shared/cloud/repos';
import { wxDocumentStore } from '../../../shared/cloud/wx-db';
import { catalog2022 } from '../../../shared/policy/engine';
import { headerKey, matchHeader, screenFile, SHEETS } from '../../../shared/policy/screening';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { PARK_HEADER, parkRecords, writeParkRegister } from '../../fixtures/park-register';
import { tempDir } from '../screen/support';
import { capturingLogger } from './fakes';
import { sheetRows } from '../../support/sheet-rows';

const ADMIN = 'oAdmin0000000000000000000001';
const OTHER_ADMIN = 'oAdmin0000000000000000000002';
const PREFIX = 'cloud://env-1.7465/';

function fakeFiles(): FileStore & { stored: Map<string, Uint8Array> } {
  const stored = new Map<string, Uint8Array>();
  return {
    stored,
    async put(cloudPath, content) {
      stored.set(cloudPath, Uint8Array.from(content));
      return { fileID: `${PREFIX}${cloudPath}` };
    },
    async urlOf(fileID) {
      return stored.has(fileID.slice(PREFIX.length)) ? `https://7465.tcb.qcloud.la/${fileID.slice(PREFIX.length)}` : null;
    },
    async get(fileID) {
      return stored.get(fileID.slice(PREFIX.length)) ?? null;
    },
    async remove(fileIDs) {
      for (const id of fileIDs) stored.delete(id.slice(PREFIX.length));
    },
  };
}

type Data<A extends ScreenResponse['action']> = Extract<ScreenResponse, { action: A }>;


describe('screen: a park’s own register', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const register = join(tmp.dir, '园区企业名录.xlsx');
  let bytes: Buffer;
  beforeAll(async () => {
    await writeParkRegister(register);
    bytes = readFileSync(register);
  }, 30000);

  let db: FakeWxDatabase;
  let files: ReturnType<typeof fakeFiles>;
  beforeEach(async () => {
    db = new FakeWxDatabase();
    files = fakeFiles();
    for (const id of [ADMIN, OTHER_ADMIN]) await adminsRepo(wxDocumentStore(() => db)).add({ _id: id, addedAt: '2026-11-01T00:00:00Z', addedBy: 'console' });
  });
  const ctx = (openid: string): HandlerContext => ({ openid, now: () => new Date('2026-12-06T08:00:00Z'), db: wxDocumentStore(() => db), log: capturingLogger(), files });
  const call = (openid: string, req: Record<string, unknown>) => runHandler('screen', screen, req, ctx(openid)) as Promise<Envelope<ScreenResponse>>;
  async function data<A extends ScreenResponse['action']>(openid: string, req: Record<string, unknown> & { action: A }): Promise<Data<A>> {
    const res = await call(openid, req);
    if (!res.ok) throw new Error(`${req.action}: ${res.error.message}`);
    return res.data as Data<A>;
  }
  async function opened(openid: string) {
    const started = await data(openid, { action: 'start', fileName: '园区企业名录.xlsx', size: bytes.byteLength });
    const { fileID } = await files.put(started.cloudPath, bytes, 'application/octet-stream');
    return data(openid, { action: 'open', jobId: started.job.jobId, fileID });
  }
  const autoMapping = () => matchHeader([...PARK_HEADER], catalog2022).mapping;

  it('open answers the preview and the job waits for confirmation; no chunk runs before', async () => {
    const o = await opened(ADMIN);
    expect(o.job).toMatchObject({ state: 'confirming', rows: 200 });
    expect(o.preview).toMatchObject({ entityAssumed: true, needsConfirmation: true, remembered: false });
    expect(o.preview!.columns.slice(0, 5)).toEqual([
      { index: 0, header: '序号', readAs: null, how: null },
      { index: 1, header: '企业名称', readAs: '名称', how: 'synonym' },
      { index: 2, header: '统一社会信用代码', readAs: '统一社会信用代码', how: 'template' },
      { index: 3, header: '所属盟市', readAs: 'region/cityName', how: 'synonym' },
      { index: 4, header: '所属旗县区', readAs: 'region/countyName', how: 'synonym' },
    ]);
    expect(o.preview!.columns[6]).toMatchObject({ header: '是否专精特新', readAs: null, note: expect.stringMatching(/^清单/) });
    expect(o.preview!.choices[0]).toEqual({ id: '统一社会信用代码', label: '统一社会信用代码' });
    const res = await call(ADMIN, { action: 'chunk', jobId: o.job.jobId, index: 0 });
    expect(!res.ok && res.error.message).toBe(SCREEN_MESSAGES.notScreening);
  });

  it('open → map → chunks → finish gives the CLI’s result for the same mapping, each code beside its name', async () => {
    const o = await opened(ADMIN);
    const mapped = await data(ADMIN, { action: 'map', jobId: o.job.jobId, mapping: autoMapping() });
    expect(mapped.job.state).toBe('screening');
    let job = mapped.job;
    for (let i = 0; i < job.chunks; i++) job = (await data(ADMIN, { action: 'chunk', jobId: job.jobId, index: i })).job;
    const done = await data(ADMIN, { action: 'finish', jobId: job.jobId });
    expect(done.job).toMatchObject({ state: 'done', rows: 200, refused: 0 });
    const result = files.stored.get(done.url.slice('https://7465.tcb.qcloud.la/'.length))!;
    const cli = join(tmp.dir, 'cli.xlsx');
    await screenFile(register, cli, { mapping: autoMapping() });
    const [cloudRows, cliRows] = [await sheetRows(result, SHEETS.rows), await sheetRows(cli, SHEETS.rows)];
    expect(cloudRows.slice(1)).toEqual(cliRows.slice(1));
    const first = parkRecords(1)[0];
    expect(cloudRows[1].slice(0, 4)).toEqual([2, first.name, first.code, '企业']);
  });

  it('a confirmed mapping is remembered: the same headers open straight to screening, said as remembered', async () => {
    const o = await opened(ADMIN);
    const mapping = autoMapping();
    mapping[8] = null; // 是否中小企业 set aside
    await data(ADMIN, { action: 'map', jobId: o.job.jobId, mapping });
    const stored = await screenMappingsRepo(wxDocumentStore(() => db)).get(screenMappingId(ADMIN, headerKey([...PARK_HEADER])));
    expect(stored?.mapping).toEqual(mapping);
    const again = await opened(ADMIN);
    expect(again.job.state).toBe('screening');
    expect(again.preview).toMatchObject({ needsConfirmation: false, remembered: true });
    expect(again.preview!.columns[8]).toMatchObject({ header: '是否中小企业', readAs: null, how: 'remembered' });
  });

  it('a mapping is remembered for its owner only: another admin’s same headers still ask', async () => {
    const o = await opened(ADMIN);
    await data(ADMIN, { action: 'map', jobId: o.job.jobId, mapping: autoMapping() });
    const other = await opened(OTHER_ADMIN);
    expect(other.job.state).toBe('confirming');
  });

  it('two confirmations at once: one moves the job on, the other is refused', async () => {
    const o = await opened(ADMIN);
    const both = await Promise.all([call(ADMIN, { action: 'map', jobId: o.job.jobId, mapping: autoMapping() }), call(ADMIN, { action: 'map', jobId: o.job.jobId, mapping: autoMapping() })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok).map((r) => !r.ok && r.error.message)).toEqual([SCREEN_MESSAGES.confirmedAlready]);
    expect((await screenJobsRepo(wxDocumentStore(() => db)).get(o.job.jobId))?.state).toBe('screening');
  });

  it('another user’s job is refused as gone, and stays waiting', async () => {
    const o = await opened(ADMIN);
    const res = await call(OTHER_ADMIN, { action: 'map', jobId: o.job.jobId, mapping: autoMapping() });
    expect(!res.ok && res.error.message).toBe(SCREEN_MESSAGES.gone);
    expect((await screenJobsRepo(wxDocumentStore(() => db)).get(o.job.jobId))?.state).toBe('confirming');
    expect(await screenMappingsRepo(wxDocumentStore(() => db)).get(screenMappingId(OTHER_ADMIN, headerKey([...PARK_HEADER])))).toBeNull();
  });

  it.each([
    ['not a list', () => '名称', SCREEN_MESSAGES.mapping],
    ['a list of another width', () => ['名称'], SCREEN_MESSAGES.mapping],
    ['two columns read as one', () => autoMapping().map((id, i) => (i === 0 ? '名称' : id)), '第 1 行（表头）第 1 列和第 2 列都是「名称」，无法判断用哪一列：请把其中一列改为「不使用」'],
    ['a column the table does not have', () => autoMapping().map((id, i) => (i === 0 ? 'facts/m99.nothing' : id)), '列的对应已不适用于当前的政策清单，请重新确认：请把其中一列改为「不使用」'],
  ])('a mapping that is %s is refused naming the field, and the job still waits', async (_, mapping, message) => {
    const o = await opened(ADMIN);
    const res = await call(ADMIN, { action: 'map', jobId: o.job.jobId, mapping: mapping() });
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message, fields: [{ field: 'mapping', message }] } });
    expect((await screenJobsRepo(wxDocumentStore(() => db)).get(o.job.jobId))?.state).toBe('confirming');
  });
});
