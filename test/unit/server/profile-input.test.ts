/**
 * One reading of a profile, three doors: the same bytes given to the CLI (`npm run calc`), to the
 * local cloud over HTTP (POST /cloud/calculate) and to the calculate handler (via runHandler, the
 * way WeChat delivers it: already parsed) are accepted with the same result, or refused with the
 * same Chinese message — naming the line and column for bytes that are not JSON, the field for a
 * profile that does not fit the schema.
 *
 * Over HTTP a profile travels inside the request, `{"profile": …}` ("wrapped"); the file's bytes
 * are also sent as the whole body ("raw") where they are not JSON: the body is read by the same
 * reader, so its message is the file's, word for word.
 */
import path from 'node:path';
import { calculate } from '../../../shared/cloud/handlers/calculate';
import { runHandler } from '../../../shared/cloud/handler';
import { MESSAGES } from '../../../shared/cloud/errors';
import { evaluate, parseProfile, versionStamp } from '../../../shared/policy/engine';
import { run } from '../../../shared/policy/cli';
import { createServer, type LocalCloud } from '../../../server';
import { capturingLogger, fakeContext } from '../cloud/fakes';
import { request } from './http';
import { tempDir } from './tmp';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (s: string) => Buffer.from(s, 'utf8');

const VALID = `{
  "version": 1,
  "entity": "enterprise",
  "sme": true,
  "region": { "cityName": "赤峰市" },
  "facts": { "m14.cloudCost": 180, "m01.nationalInnovationCenter": true }
}
`;

type Verdict =
  /** Accepted: the result equals the engine's for `same` (default: the file's own profile). */
  | { accept: true; same?: unknown }
  /** Refused by the schema: these field messages, in this order, everywhere. */
  | { accept: false; issues: { field: string; message: string }[] }
  /**
   * Not JSON: the CLI and the raw body give `message`; the wrapped body gives `wrapped` (its own
   * line and column — the same words unless the wrapping changes what is wrong). The handler is
   * not reachable: WeChat delivers a parsed object, and bytes that are not JSON never become one.
   */
  | { accept: false; message: string; wrapped: string };

const CASES: [string, Buffer, Verdict][] = [
  ['a valid profile', utf8(VALID), { accept: true }],
  ['a valid profile after a UTF-8 BOM', Buffer.concat([BOM, utf8(VALID)]), { accept: true }],
  [
    '-0 in a money field (read as 0)',
    utf8(VALID.replace('"m14.cloudCost": 180', '"m14.cloudCost": -0')),
    { accept: true, same: JSON.parse(VALID.replace('"m14.cloudCost": 180', '"m14.cloudCost": 0')) },
  ],
  [
    '"-0.00" as text in a money field (read as "0.00")',
    utf8(VALID.replace('"m14.cloudCost": 180', '"m14.cloudCost": "-0.00"')),
    { accept: true, same: JSON.parse(VALID.replace('"m14.cloudCost": 180', '"m14.cloudCost": "0.00"')) },
  ],
  [
    'a negative amount',
    utf8(VALID.replace('"m14.cloudCost": 180', '"m14.cloudCost": -5')),
    { accept: false, issues: [{ field: 'facts/m14.cloudCost', message: '「设备上云上平台的实际费用」不能为负数' }] },
  ],
  ['an array', utf8('[1, 2]\n'), { accept: false, issues: [{ field: '', message: '档案必须是一个对象' }] }],
  ['a number', utf8('42'), { accept: false, issues: [{ field: '', message: '档案必须是一个对象' }] }],
  [
    'a trailing comma',
    utf8('{\n  "version": 1,\n  "entity": "enterprise",\n}\n'),
    { accept: false, message: '第 3 行第 25 列：多余的逗号：最后一项后面不能有逗号', wrapped: '第 3 行第 25 列：多余的逗号：最后一项后面不能有逗号' },
  ],
  [
    'a missing comma',
    utf8('{\n  "version": 1\n  "entity": "enterprise"\n}\n'),
    { accept: false, message: '第 3 行第 3 列：缺少逗号或右括号「}」', wrapped: '第 3 行第 3 列：缺少逗号或右括号「}」' },
  ],
  [
    'a missing closing quote',
    utf8('{\n  "version": 1,\n  "entity": "enterprise\n}\n'),
    {
      accept: false,
      message: '第 3 行第 24 列：字符串缺少结束的双引号（字符串不能跨行）',
      wrapped: '第 3 行第 24 列：字符串缺少结束的双引号（字符串不能跨行）',
    },
  ],
  [
    'an unterminated file',
    utf8('{\n  "version": 1,\n  "entity": "enterprise"\n'),
    { accept: false, message: '第 4 行第 1 列：内容意外结束，缺少右括号「}」', wrapped: '第 4 行第 2 列：内容意外结束，缺少右括号「}」' },
  ],
  [
    'a Chinese comma',
    utf8('{"version": 1，"entity": "enterprise"}'),
    { accept: false, message: '第 1 行第 14 列：使用了中文标点「，」，请改为英文的「,」', wrapped: '第 1 行第 25 列：使用了中文标点「，」，请改为英文的「,」' },
  ],
  ['an empty file', Buffer.alloc(0), { accept: false, message: '内容为空', wrapped: '第 1 行第 12 列：此处缺少值' }],
  [
    'invalid UTF-8 bytes',
    Buffer.concat([utf8('{\n  "version": 1,\n  "entity": "enterprise",\n  "region": { "cityName": "呼和浩特'), Buffer.from([0xff]), utf8('" }\n}\n')]),
    {
      accept: false,
      // readText's one message (issue 25, item 5): the same for the file and the request that wraps it.
      message: '文件不是 UTF-8 编码（可能是 GBK），从第 4 行第 32 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」',
      wrapped: '文件不是 UTF-8 编码（可能是 GBK），从第 4 行第 32 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」',
    },
  ],
];

/** `{"profile": <file>}` — keeping the file's BOM, if any, at the start of the body. */
function wrap(bytes: Buffer): Buffer {
  const bom = bytes.subarray(0, 3).equals(BOM);
  return Buffer.concat([bom ? BOM : Buffer.alloc(0), utf8('{"profile":'), bom ? bytes.subarray(3) : bytes, utf8('}')]);
}

function cli(bytes: Buffer) {
  let out = '';
  let err = '';
  const code = run(['profile.json', '--json'], {
    readFile: () => bytes, // the file's bytes, as calc.ts reads them
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}

let tmp: ReturnType<typeof tempDir>;
let cloud: LocalCloud;

beforeAll(async () => {
  tmp = tempDir('profile-input');
  cloud = createServer({ port: 0, dataDir: path.join(tmp.dir, 'data'), staticDir: path.join(tmp.dir, 'h5'), log: capturingLogger() });
  await cloud.listen();
});

afterAll(async () => {
  await cloud.close();
  tmp.cleanup();
});

const post = (body: Buffer) => request(`${cloud.url}/cloud/calculate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** What the engine answers for a profile object (as JSON, the way every door serialises it), with the version that made it. */
function engine(profile: unknown): unknown {
  const parsed = parseProfile(profile);
  if (!parsed.ok) throw new Error(`reference profile must be valid: ${JSON.stringify(parsed.issues)}`);
  return { ...JSON.parse(JSON.stringify(evaluate(parsed.profile))), version: versionStamp() };
}

describe.each(CASES)('%s', (_label, bytes, verdict) => {
  it('the CLI, the local server and the handler agree', async () => {
    const byCli = cli(bytes);
    const byServer = await post(wrap(bytes));
    const env = byServer.json();

    if ('message' in verdict) {
      // Not JSON: the same words from the CLI and from the server reading the same bytes.
      expect(byCli.code).toBe(2);
      expect(byCli.err).toBe(`文件不是有效的 JSON：profile.json\n  ${verdict.message}\n`);
      const raw = await post(bytes);
      expect(raw.status).toBe(400);
      expect(raw.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `${MESSAGES.notJson}：${verdict.message}` } });
      expect(byServer.status).toBe(400);
      expect(env).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `${MESSAGES.notJson}：${verdict.wrapped}` } });
      return;
    }

    // Parseable: WeChat hands the handler the parsed object.
    const event = { profile: JSON.parse(new TextDecoder().decode(bytes)) };
    const byHandler = await runHandler('calculate', calculate, event, fakeContext({ openid: null }));

    if (verdict.accept) {
      const expected = engine(verdict.same ?? event.profile);
      expect(byCli.err).toBe('');
      expect(byCli.code).toBe(0);
      expect(JSON.parse(byCli.out)).toEqual(expected);
      expect(byServer.status).toBe(200);
      expect(env).toEqual({ ok: true, data: expected });
      expect(byHandler).toEqual({ ok: true, data: expected });
      return;
    }

    expect(byCli.code).toBe(2);
    expect(byCli.err).toBe(`档案有误：\n${verdict.issues.map((i) => `  ${i.field || '(档案)'}：${i.message}`).join('\n')}\n`);
    const refusal = { ok: false, error: { code: 'INVALID_INPUT', message: verdict.issues[0].message, fields: verdict.issues } };
    expect(byServer.status).toBe(400);
    expect(env).toEqual(refusal);
    expect(byHandler).toEqual(refusal);
  });
});
