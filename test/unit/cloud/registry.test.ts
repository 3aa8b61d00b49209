/**
 * The function names agree everywhere: the api map's runtime list, the handler map, the
 * cloudfunctions/ folders, and each folder's deployable files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../../shared/cloud/api';

// The handler map imports the engine; only its keys matter here. The engine's entry also carries
// the catalog, which shared/cloud/measures.ts reads when it loads: that part stays real.
jest.mock('../../../shared/policy/engine', () => ({ ...jest.requireActual('../../../shared/policy/engine'), parseProfile: jest.fn(), evaluate: jest.fn() }));
import { handlers } from '../../../shared/cloud/handlers';

const root = path.resolve(__dirname, '../../..');
const fnDir = path.join(root, 'cloudfunctions');

it('FUNCTION_NAMES, the handler map and cloudfunctions/ list the same functions', () => {
  const folders = readdirSync(fnDir).filter((d) => existsSync(path.join(fnDir, d, 'index.ts'))).sort();
  expect([...FUNCTION_NAMES].sort()).toEqual(Object.keys(handlers).sort());
  expect(folders).toEqual([...FUNCTION_NAMES].sort());
});

describe.each([...FUNCTION_NAMES])('cloudfunctions/%s', (name) => {
  const dir = path.join(fnDir, name);

  it('package.json: main index.js, only wx-server-sdk 4.0.2', () => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe(name);
    expect(pkg.main).toBe('index.js');
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
  });

  it('config.json declares its openapi permissions', () => {
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(Array.isArray(config.permissions?.openapi)).toBe(true);
  });

  it('index.ts is a thin shell over its own handler', () => {
    const src = readFileSync(path.join(dir, 'index.ts'), 'utf8');
    expect(src).toContain(`makeCloudMain('${name}', ${name}, cloud)`);
    expect(src).toContain(`shared/cloud/handlers/${name}'`);
    // Importing the whole handler map would bundle every function's code into each function.
    expect(src).not.toMatch(/shared\/cloud\/handlers'/);
    expect(src).not.toMatch(/event\.(openid|OPENID|userInfo)/);
  });
});

it('README › Collections gives every collection the cloud functions use its permission in WeChat', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { COLLECTIONS } = require('../../../shared/cloud/repos/docs') as { COLLECTIONS: Record<string, string> };
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  // The functions create them on first write (issue 26); the console still sets permission and indexes.
  const names = [...readme.matchAll(/^\| `(\w+)` \| [^|]+ \| 仅管理端可读写 \|/gm)].map((m) => m[1]).sort();
  // outbox is the local cloud's stand-in for WeChat's sender: never in the WeChat database.
  expect(names).toEqual(Object.values(COLLECTIONS).filter((c) => c !== 'outbox').sort());
});
