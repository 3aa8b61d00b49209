/** npm run calc: the table, --json, --list, and clear Chinese errors with exit code 2. */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { catalog2022, evaluate, parseProfile, versionStamp, versionText } from '../../../shared/policy/engine';
import { appVersion } from '../../../scripts/app-version.cjs';
import { profileDoc } from '../../../shared/policy/cli/profile-doc';
import { run } from '../../../shared/policy/cli';

const root = join(__dirname, '../../..');
const example = (name: string) => join(root, 'shared/policy/examples', name);

function call(argv: string[], files: Record<string, string | Buffer> = {}) {
  let out = '';
  let err = '';
  const code = run(argv, {
    readFile: (p) => {
      if (p in files) return files[p];
      return readFileSync(p, 'utf8');
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}

describe('npm run calc', () => {
  it('--json prints the engine result for the shipped example, unchanged, with the version that made it', () => {
    const r = call([example('large-enterprise.json'), '--json']);
    expect(r.code).toBe(0);
    const profile = parseProfile(JSON.parse(readFileSync(example('large-enterprise.json'), 'utf8')));
    if (!profile.ok) throw new Error('example must be valid');
    expect(JSON.parse(r.out)).toEqual({ ...evaluate(profile.profile), version: versionStamp() });
    // 50 (技术中心) + 500 (技改, capped) + 240 (数字化车间 1200 × 20%) + 100 (3A) + 36 (上云 180 × 20%) + 100 (国家级绿色) = 1026万元
    expect(JSON.parse(r.out).total).toEqual({ min: '10260000.00', max: '10260000.00' });
  });

  it('prints a readable Chinese table with the total and the near misses', () => {
    const r = call([example('large-enterprise.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('合计可申请：1026万元');
    expect(r.out).toContain('差一点');
    expect(r.out).toContain('再增加 200吨标准煤');
  });

  // Issue 26, item 6: the figures say which app and catalog made them, as the calculate function's reply does.
  it.each([
    ['--json carries the version stamp beside the result', ['--json'], (out: string) => JSON.parse(out).version, versionStamp()],
    ['the table ends with the version line', [], (out: string) => out.trimEnd().split('\n').pop(), versionText(versionStamp())],
  ])('%s', (_, flags, read, expected) => {
    const r = call([example('large-enterprise.json'), ...(flags as string[])]);
    expect(r.code).toBe(0);
    expect(read(r.out)).toEqual(expected);
  });

  it('npm run calc, run from source, stamps the app version from package.json and git (not dev)', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'shared/policy/cli/calc.ts', example('small-specialized.json'), '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).version).toEqual({ app: appVersion(), catalog: versionStamp().catalog });
    expect(appVersion()).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{7}(\.dirty)?$/);
  }, 30000);

  it.each(['small-specialized.json', 'industrial-park.json'])('accepts the shipped example %s', (name) => {
    expect(call([example(name)]).code).toBe(0);
  });

  it('--list prints every item id with its measure and title', () => {
    const r = call(['--list']);
    const ids = catalog2022.measures.flatMap((m) => m.items.map((i) => i.id));
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(ids);
    expect(lines[0]).toBe('m01.national-innovation-center\t（一）\t国家级制造业创新中心研发经费补助\tfixed');
  });

  it.each([
    ['no file', [], '用法'],
    ['a missing file', ['/nonexistent.json'], '找不到文件：/nonexistent.json'],
    ['bad JSON', ['bad.json'], '不是有效的 JSON'],
    ['an invalid profile', ['invalid.json'], '「设备上云上平台的实际费用」不能为负数'],
    ['an unknown option', ['--frobnicate'], '未知选项'],
  ])('refuses %s with exit code 2 and a Chinese message, no stack trace', (_, argv, text) => {
    const r = call(argv as string[], {
      'bad.json': '{ nope',
      'invalid.json': JSON.stringify({ version: 1, entity: 'enterprise', facts: { 'm14.cloudCost': -5 } }),
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    ['a BOM before the JSON', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(example('large-enterprise.json'))]), 0, ''],
    ['-0 in a money field (read as 0)', Buffer.from('{"version": 1, "entity": "enterprise", "facts": {"m14.cloudCost": -0}}'), 0, ''],
    [
      'a syntax error',
      Buffer.from('{\n  "version": 1\n  "entity": "enterprise"\n}\n'),
      2,
      '文件不是有效的 JSON：p.json\n  第 3 行第 3 列：缺少逗号或右括号「}」\n',
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('{"version": 1, "entity": "enterprise", "region": {"cityName": "'), Buffer.from([0xb3, 0xe0]), Buffer.from('"}}')]),
      2,
      '文件不是有效的 JSON：p.json\n  文件不是 UTF-8 编码（可能是 GBK），从第 1 行第 64 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」\n',
    ],
    ['an empty file', Buffer.alloc(0), 2, '文件不是有效的 JSON：p.json\n  内容为空\n'],
  ])('reads the file as bytes: %s', (_, bytes, code, err) => {
    const r = call(['p.json', '--json'], { 'p.json': bytes });
    expect(r.err).toBe(err);
    expect(r.code).toBe(code);
  });

  it('npm run calc reads bytes from disk: a BOM file is accepted, a GBK file is refused at its first bad byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-abacus-calc-'));
    try {
      const bom = join(dir, 'bom.json');
      writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(example('small-specialized.json'))]));
      const ok = spawnSync('npx', ['tsx', 'shared/policy/cli/calc.ts', bom, '--json'], { cwd: root, encoding: 'utf8' });
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      // 赤峰市 in GBK: read as UTF-8 this used to become U+FFFD and pass as a city name.
      const gbk = join(dir, 'gbk.json');
      writeFileSync(gbk, Buffer.concat([Buffer.from('{"version": 1, "entity": "enterprise",\n "region": {"cityName": "'), Buffer.from([0xb3, 0xe0, 0xb7, 0xe5, 0xca, 0xd0]), Buffer.from('"}}')]));
      const bad = spawnSync('npx', ['tsx', 'shared/policy/cli/calc.ts', gbk], { cwd: root, encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toBe(`文件不是有效的 JSON：${gbk}\n  文件不是 UTF-8 编码（可能是 GBK），从第 2 行第 26 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30000);

  // Issue 25, item 5: npm runs the script in the project root; INIT_CWD is where the command was typed.
  it.each([
    ['from where npm was run (INIT_CWD)', { INIT_CWD: join(root, 'shared/policy/examples') }, 0, ''],
    ['and names a missing one in Chinese', { INIT_CWD: tmpdir() }, 2, `找不到文件：small-specialized.json\n`],
  ])('finds a relative path %s', (_, env, code, stderr) => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'shared/policy/cli/calc.ts', 'small-specialized.json', '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(r.stderr).toBe(stderr);
    expect(r.status).toBe(code);
  }, 30000);

  it('runs as the real npm script, with exit code 2 on a bad profile', () => {
    const ok = execFileSync('npx', ['tsx', 'shared/policy/cli/calc.ts', '--list'], { cwd: root, encoding: 'utf8' });
    expect(ok.split('\n')[0]).toMatch(/^m01\./);
    const bad = spawnSync('npx', ['tsx', 'shared/policy/cli/calc.ts', '/nonexistent.json'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('找不到文件：/nonexistent.json');
  }, 30000);
});

describe('docs/profile.md', () => {
  it('is what `npm run docs:profile` generates from the catalog (run it after changing the catalog)', () => {
    expect(readFileSync(join(root, 'docs/profile.md'), 'utf8')).toBe(profileDoc(catalog2022));
  });
});
