/**
 * 园区批量测算 in the local cloud, over real HTTP: POST /upload stands in for wx.cloud.uploadFile —
 * only into the caller's own folder, at most SCREEN_MAX_FILE_BYTES — and the `screen` function runs
 * on the same folder: the template and the result are served at /files/ (never cached), and a
 * deleted result is gone (404).
 */
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCREEN_MAX_FILE_BYTES } from '../../../shared/cloud/api';
import { SCREEN_MESSAGES, TEMPLATE_PATH } from '../../../shared/cloud/handlers/screen';
import { createServer, UPLOAD_MESSAGES, type LocalCloud } from '../../../server';
import { catalog2022 } from '../../../shared/policy/engine';
import { screenColumns, writeTableCsv } from '../../../shared/policy/screening';
import { capturingLogger } from '../cloud/fakes';
import { postJson, request } from './http';
import { tempDir } from './tmp';

const ADMIN = 'dev-admin';
let tmp: ReturnType<typeof tempDir>;
let cloud: LocalCloud;

beforeAll(async () => {
  tmp = tempDir('screen');
  const staticDir = path.join(tmp.dir, 'dist-h5');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>政策算盘</title>');
  cloud = createServer({ port: 0, dataDir: path.join(tmp.dir, 'data'), staticDir, log: capturingLogger(), env: {}, admins: [ADMIN] });
  await cloud.listen();
});
afterAll(async () => {
  await cloud.close();
  tmp.cleanup();
});

const call = (req: Record<string, unknown>, openid = ADMIN) => postJson(`${cloud.url}/cloud/screen`, req, { 'x-dev-openid': openid });
const upload = (cloudPath: string, body: Buffer, openid = ADMIN) =>
  request(`${cloud.url}/upload`, { method: 'POST', headers: { 'x-dev-openid': openid, 'x-cloud-path': cloudPath, 'content-type': 'application/octet-stream' }, body });

it('template → upload → open → chunk → finish → the result served, then deleted', async () => {
  const template = (await call({ action: 'template' })).json();
  expect(template.ok).toBe(true);
  const t = await request(template.data.url);
  expect([t.status, t.headers['content-type'], t.headers['cache-control']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'no-store']);

  const file = path.join(tmp.dir, '名单.csv');
  await writeTableCsv(file, screenColumns(catalog2022), [['甲公司', '企业'], ['乙园区', '园区']]);
  const bytes = readFileSync(file);
  const start = (await call({ action: 'start', fileName: '名单.csv', size: bytes.length })).json().data;
  const up = await upload(start.cloudPath, bytes);
  expect(up.status).toBe(200);
  const fileID = up.json().data.fileID;
  const jobId = start.job.jobId;
  expect((await call({ action: 'open', jobId, fileID })).json().data.job).toMatchObject({ rows: 2, chunks: 1 });
  expect((await call({ action: 'chunk', jobId, index: 0 })).json().data.job).toMatchObject({ screened: 2 });
  const done = (await call({ action: 'finish', jobId })).json().data;
  expect(done.job).toMatchObject({ state: 'done', rows: 2, refused: 0, resultName: '名单-测算结果.xlsx' });
  const result = await request(done.url);
  expect([result.status, result.headers['cache-control'], result.body.subarray(0, 2).toString()]).toEqual([200, 'no-store', 'PK']);
  // The uploaded register is gone once the result is written.
  expect((await request(`${cloud.url}/files/${fileID.slice('local:'.length)}`)).status).toBe(404);

  expect((await call({ action: 'delete', jobId })).json().data.removed).toBe(true);
  expect((await request(done.url)).status).toBe(404);
});

it.each([
  ['another user’s folder', `screen/someone-else/0123/input.csv`],
  ['a path out of the folder', `screen/${ADMIN}/../someone-else/input.csv`],
  ['outside screen/', `qrcode/x.png`],
])('POST /upload refuses %s (FORBIDDEN)', async (_case, cloudPath) => {
  const res = await upload(cloudPath, Buffer.from('x'));
  expect(res.status).toBe(403);
  expect(res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: UPLOAD_MESSAGES.path } });
});

it('POST /upload refuses a file over the limit (413) and anything but POST', async () => {
  const big = await upload(`screen/${ADMIN}/0123/input.csv`, Buffer.alloc(SCREEN_MAX_FILE_BYTES + 1));
  expect(big.status).toBe(413);
  expect(big.json().error.message).toBe(SCREEN_MESSAGES.tooBig);
  expect((await request(`${cloud.url}/upload`)).status).toBe(405);
});

it('a dev user called “template” cannot replace the template: it lies outside every user’s folder', async () => {
  const url: string = (await call({ action: 'template' })).json().data.url;
  expect(url.endsWith(`/${TEMPLATE_PATH}`)).toBe(true);
  const fake = Buffer.from('not the template');
  // Their own folder takes the upload; the template's place does not.
  expect((await upload('screen/template/screening-template.xlsx', fake, 'template')).status).toBe(200);
  expect((await upload(TEMPLATE_PATH, fake, 'template')).status).toBe(403);
  const t = await request(url);
  expect([t.status, t.body.subarray(0, 2).toString()]).toEqual([200, 'PK']);
  // What they uploaded is a register, never served.
  expect((await request(url.replace(TEMPLATE_PATH, 'screen/template/screening-template.xlsx'))).status).toBe(404);
});

it('a user who is not an admin is refused by the function', async () => {
  const res = await call({ action: 'list' }, 'dev-user-a');
  expect(res.status).toBe(403);
  expect(res.json().error.message).toBe(SCREEN_MESSAGES.forbidden);
});
