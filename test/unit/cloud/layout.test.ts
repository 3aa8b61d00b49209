/**
 * The shape of shared/cloud (issue 23, items 1, 3 and 4), read from the files themselves: each
 * concept has a file of its own (a repository, a contract of the cloud API, a part of the screen
 * function), the test fakes live under test/fakes where no production code reaches them, src
 * reaches the cloud contract through its one entry (@cloud-api), and the openid pattern is written
 * once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
  if (!existsSync(path.join(ROOT, dir))) return [];
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.name === 'node_modules') return [];
    return e.isDirectory() ? files(rel) : /\.(ts|tsx|mjs|js)$/.test(e.name) && !rel.endsWith('/index.js') ? [rel] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|require\(\s*'([^']+)'\s*\)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Where a name is defined: [name, the file that defines it]. */
const HOMES: [string, string][] = [
  // Test fakes (item 1): under test/, not in the production folders.
  ['FakeWxDatabase', 'test/fakes/fake-wx-db.ts'],
  ['FakeWeChat', 'test/fakes/fake-wechat.ts'],
  ['simulateDispatch', 'test/fakes/simulate.ts'],
  ['rng', 'test/fakes/simulate.ts'],
  // One repository per file (item 3); repos/index.ts builds them.
  ['deadlinesRepo', 'shared/cloud/repos/deadlines.ts'],
  ['adminsRepo', 'shared/cloud/repos/admins.ts'],
  ['listStatusRepo', 'shared/cloud/repos/list-status.ts'],
  ['auditRepo', 'shared/cloud/repos/audit.ts'],
  ['subscriptionsRepo', 'shared/cloud/repos/subscriptions.ts'],
  ['sendLogRepo', 'shared/cloud/repos/send-log.ts'],
  ['runsRepo', 'shared/cloud/repos/runs.ts'],
  ['outboxRepo', 'shared/cloud/repos/outbox.ts'],
  ['qrcodesRepo', 'shared/cloud/repos/qrcodes.ts'],
  ['screenJobsRepo', 'shared/cloud/repos/screen-jobs.ts'],
  ['auditedEdit', 'shared/cloud/repos/audited.ts'],
  ['repos', 'shared/cloud/repos/index.ts'],
  // The screen function, one concept per file (item 3).
  ['screen', 'shared/cloud/handlers/screen/index.ts'],
  ['SCREEN_MESSAGES', 'shared/cloud/handlers/screen/messages.ts'],
  ['FileNameSchema', 'shared/cloud/handlers/screen/schemas.ts'],
  ['TEMPLATE_PATH', 'shared/cloud/handlers/screen/storage-paths.ts'],
  ['ownsCloudPath', 'shared/cloud/handlers/screen/storage-paths.ts'],
  ['encodePart', 'shared/cloud/handlers/screen/parts.ts'],
  ['readPart', 'shared/cloud/handlers/screen/parts.ts'],
  ['saveIf', 'shared/cloud/handlers/screen/job-state.ts'],
  ['deleteJob', 'shared/cloud/handlers/screen/job-state.ts'],
  // The cloud API, one file per contract, limits, dev headers, labels (item 3).
  ['CloudFunctions', 'shared/cloud/api/functions.ts'],
  ['Envelope', 'shared/cloud/api/functions.ts'],
  ['CalculateRequest', 'shared/cloud/api/calculate.ts'],
  ['DeadlinesRequest', 'shared/cloud/api/deadlines.ts'],
  ['SubscriptionsRequest', 'shared/cloud/api/subscriptions.ts'],
  ['RemindRunSummary', 'shared/cloud/api/remind.ts'],
  ['ListStatusRequest', 'shared/cloud/api/list-status.ts'],
  ['QrcodeRequest', 'shared/cloud/api/qrcode.ts'],
  ['ScreenRequest', 'shared/cloud/api/screen.ts'],
  ['MAX_REQUEST_BYTES', 'shared/cloud/api/limits.ts'],
  ['DEV_OPENID_HEADER', 'shared/cloud/api/dev-headers.ts'],
  ['LIST_STATE_LABELS', 'shared/cloud/api/labels.ts'],
  ['OPENID_RE', 'shared/cloud/api/openid.ts'],
];

describe('each concept in its own file', () => {
  it.each(HOMES)('%s is defined in %s', (name, file) => {
    expect(existsSync(path.join(ROOT, file))).toBe(true);
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect(text).toMatch(new RegExp(`\\bexport (async )?(function\\*?|const|let|class|type|interface) ${name}\\b`));
  });

  it.each(files('shared/cloud/repos').filter((f) => !f.endsWith('/index.ts')))('%s holds at most one repository', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect((text.match(/\bexport function \w+Repo\(/g) ?? []).length).toBeLessThanOrEqual(1);
  });

  it('shared/cloud/repos/index.ts defines no repository, only builds them', () => {
    const text = readFileSync(path.join(ROOT, 'shared/cloud/repos/index.ts'), 'utf8');
    expect(text.match(/\bexport function \w+\(/g)).toEqual(['export function repos(']);
  });
});

describe('test fakes stay out of production code', () => {
  const PRODUCTION = ['shared', 'src', 'cloudfunctions'];

  it.each(PRODUCTION)('no file under %s/ is a fake or a simulation', (dir) => {
    expect(files(dir).filter((f) => /\/(fake-[^/]*|simulate)\.ts$/.test(f))).toEqual([]);
  });

  it.each(PRODUCTION)('no file under %s/ imports anything under test/', (dir) => {
    const reaching = files(dir).flatMap((f) => specifiers(f).filter((s) => /(^|\/)test\/|fake-wx-db|fake-wechat|\/simulate$/.test(s)).map((s) => `${f}: ${s}`));
    expect(reaching).toEqual([]);
  });
});

describe('src reaches the cloud through one entry', () => {
  it('no file under src/ imports a file inside shared/cloud (only @cloud-api, its index.ts)', () => {
    const deep = files('src').flatMap((f) => specifiers(f).filter((s) => /^@cloud-api\/|(^|\/)shared\/cloud(\/|$)/.test(s)).map((s) => `${f}: ${s}`));
    expect(deep).toEqual([]);
  });

  it.each(['shared/cloud/index.ts', 'shared/cloud/api/index.ts'])('%s is an entry: it only re-exports', (file) => {
    const statements = readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '').split('\n').filter((l) => l.trim() !== '');
    expect(statements.filter((l) => !/^export (type )?(\*|\{[^}]*\}) from '\.\/[\w-]+';$/.test(l))).toEqual([]);
  });
});

describe('one openid pattern (item 4)', () => {
  const PRODUCTION = ['shared', 'server', 'src', 'scripts', 'cloudfunctions'].flatMap(files);
  const lines = (pattern: RegExp) =>
    PRODUCTION.flatMap((f) => readFileSync(path.join(ROOT, f), 'utf8').split('\n').flatMap((l, i) => (pattern.test(l) ? [`${f}:${i + 1}`] : [])));

  it('the pattern is written once, in shared/cloud/api/openid.ts', () => {
    expect(lines(/OPENID_RE\s*=|openid.*\{1,64\}/i).map((l) => l.split(':')[0])).toEqual(['shared/cloud/api/openid.ts']);
  });

  it('the rule is worded once (the refusals use OPENID_RULE)', () => {
    expect(lines(/1–64 位/).map((l) => l.split(':')[0])).toEqual(['shared/cloud/api/openid.ts']);
  });

  it.each(['shared/cloud/handlers/common.ts', 'shared/cloud/handlers/deadlines.ts', 'server/dev-headers.ts', 'server/bootstrap.ts', 'server/outbox.ts', 'scripts/admin.ts'])(
    '%s checks an openid with OPENID_RE from the api',
    (file) => {
      expect(readFileSync(path.join(ROOT, file), 'utf8')).toMatch(/\bOPENID_RE\b[^;]*\} from '[./]*(shared\/cloud\/)?api'/);
    },
  );

  it('the admins page caps the typed openid at OPENID_MAX_LENGTH', () => {
    const page = readFileSync(path.join(ROOT, 'src/pages/admin/admins/index.tsx'), 'utf8');
    expect(page).toMatch(/maxlength=\{OPENID_MAX_LENGTH\}/);
  });
});
