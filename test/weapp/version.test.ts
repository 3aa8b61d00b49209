/**
 * A version on every figure (issue 26, item 6), in the WeChat build: the results page says which app
 * version and which catalog made its figures ('测算版本 … · 政策数据 …'), the same stamp the cloud's
 * `calculate` answered with and the 测算单 prints. The harness's cloud is our real handlers, answering
 * with the version this build was made with (read back from the build: test/support/built-version.ts),
 * as a cloud deployed with the build would; the catalog's hash is the build's own, computed on the
 * device, and must equal this process's. A cloud of another version is said on the page, in words for
 * the owner; a cloud deployed before versions (no `version` in its reply) still confirms, with no note.
 */
import { catalogVersion, versionText, type VersionStamp } from '../../shared/policy/engine';
import type { Envelope } from '../../shared/cloud/api';
import { handlers } from '../../shared/cloud/handlers';
import type { CalculateResponse } from '../../shared/cloud/api';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { builtAppVersion } from '../support/built-version';
import { draftOf } from '../support/drafts';
import { LARGE_ENTERPRISE } from '../support/personas';
import { DIST, launch } from './harness';

const mp = launch();
const g = globalThis as { __APP_VERSION__?: string };
const BUILT = builtAppVersion(DIST);
const realCalculate = handlers.calculate;
beforeEach(() => mp.reset());
afterEach(() => {
  handlers.calculate = realCalculate;
  g.__APP_VERSION__ = BUILT;
  expect(mp.errors).toEqual([]);
});

/** This build's stamp: the version the build put in, and the catalog's hash. */
const device = (): VersionStamp => ({ app: BUILT!, catalog: catalogVersion() });

/** The cloud's `calculate` answers through `change` (another deployment than this build's). */
function cloudAnswers(change: (data: CalculateResponse) => CalculateResponse): void {
  handlers.calculate = async (request, ctx) => {
    const env = (await realCalculate(request, ctx)) as Envelope<CalculateResponse>;
    return env.ok ? { ok: true, data: change(env.data) } : env;
  };
}

/** The results page for the large enterprise (636万元), once the cloud has answered. */
async function openResults(cloudLine: string): Promise<void> {
  mp.storage.set(DRAFT_KEY, draftOf(LARGE_ENTERPRISE));
  await mp.reLaunch('/pages/results/index');
  await mp.waitFor(() => mp.has('results-total') && mp.text('#cloud-status') === cloudLine, `the results, the cloud line "${cloudLine}"`);
}

/** The version the last `calculate` call was answered with. */
function answeredVersion(): unknown {
  const calls = mp.calls.filter((c) => c.api === 'cloud.callFunction' && c.options.name === 'calculate');
  expect(calls.length).toBeGreaterThan(0);
  const answer = calls[calls.length - 1].answer as { result: Envelope<CalculateResponse> };
  return answer.result.ok ? answer.result.data.version : undefined;
}

async function sheetTexts(): Promise<string[]> {
  await mp.tap('#sheet-open');
  await mp.waitFor(() => mp.has('sheet-save'), 'the 测算单');
  const [path] = mp.exportsOf('sheet-canvas');
  return mp.textsIn(path);
}

it('the build carries an app version (package.json + commit)', () => {
  expect(BUILT).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{7}(\.dirty)?$/);
});

describe('the same version on device, cloud and 测算单', () => {
  it.each<[string, () => Promise<unknown>]>([
    ['the results page shows this build’s version and the catalog’s hash, under the disclaimer', async () => mp.text('#results-version')],
    ['the cloud’s calculate answered with the same stamp', async () => versionText(answeredVersion() as VersionStamp)],
    ['the 测算单 prints it', async () => (await sheetTexts()).find((t) => t.startsWith('测算版本'))],
  ])('%s', async (_, read) => {
    await openResults('已核对');
    expect(await read()).toBe(versionText(device()));
    expect(mp.has('results-version-cloud')).toBe(false);
    // The first opens the results page cold (its WXML compiled): more than jest's 5 s here.
  }, 30000);
});

describe('a cloud of another version', () => {
  it.each<[string, () => void, string, string]>([
    [
      'another app version, the same figures: the page names the cloud’s version and says the figures agree',
      () => (g.__APP_VERSION__ = '0.0.9+0abcdef'),
      '已核对',
      `云端测算版本不同：云端为测算版本 0.0.9+0abcdef · 政策数据 ${catalogVersion()}。两边算出的金额相同。`,
    ],
    [
      'another catalog with a reworded item: the page shows the cloud’s figures and says so',
      () =>
        cloudAnswers((d) => ({
          ...d,
          items: d.items.map((r, i) => (i === 0 ? { ...r, title: `${r.title}（新）` } : r)),
          version: { app: d.version!.app, catalog: 'ffffffff' },
        })),
      '已按云端结果更新',
      `云端测算版本不同：云端为测算版本 ${BUILT} · 政策数据 ffffffff。上面的金额按云端结果显示。`,
    ],
  ])('%s', async (_, cloud, line, note) => {
    cloud();
    await openResults(line);
    expect(mp.text('#results-version')).toBe(versionText(device()));
    expect(mp.text('#results-version-cloud')).toBe(note);
  });

  it('the 测算单 of the cloud’s figures prints the cloud’s version', async () => {
    cloudAnswers((d) => ({ ...d, items: d.items.map((r, i) => (i === 0 ? { ...r, title: `${r.title}（新）` } : r)), version: { app: d.version!.app, catalog: 'ffffffff' } }));
    await openResults('已按云端结果更新');
    expect((await sheetTexts()).find((t) => t.startsWith('测算版本'))).toBe(versionText({ app: BUILT!, catalog: 'ffffffff' }));
  });

  it('a cloud deployed before versions (no version in its reply) still confirms, with no note', async () => {
    cloudAnswers(({ version: _version, ...d }) => d);
    await openResults('已核对');
    expect(answeredVersion()).toBeUndefined();
    expect(mp.text('#results-version')).toBe(versionText(device()));
    expect(mp.has('results-version-cloud')).toBe(false);
  });
});
