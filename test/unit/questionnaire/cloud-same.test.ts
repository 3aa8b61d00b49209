/**
 * The results page shows the device's own figures at once and asks the `calculate` cloud function to
 * confirm them: `sameResult(cloud, device)` → '已核对', otherwise the cloud's answer replaces
 * the device's ('已按云端结果更新'). Here the two sides are really apart:
 *
 *  - device: what the H5 page computes — the draft through `draftProfile`, then `evaluate` from
 *    '@policy/engine/evaluate', the very imports of src/pages/results;
 *  - cloud: the local cloud (`server/main.ts`, as `npm start` runs it) in a process of its own, with
 *    its own copy of the engine and a temp store, reached by the page's own confirmation step
 *    (`confirmOnCloud` in src/pages/results/confirm.ts) over its H5 transport (`callCloud` in
 *    src/services/cloud.ts: fetch POST /cloud/calculate, the body parsed from the HTTP response).
 *
 * The comparison is the page's (`sameResult`). The last tests show it fails when the answer differs:
 * one figure changed in the HTTP response, anywhere in it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { evaluate, type EvaluateResult, type Profile } from '@policy/engine';
import { sameResult } from '@policy/view';
import { parseProfile, Dec } from '../../../shared/policy/engine';
import { confirmOnCloud } from '../../../src/pages/results/confirm';
import { addEntry, draftProfile, emptyDraft, renameEntry, setAnswer, setText, toggleTopic, type Draft } from '../../../src/state/draft';
import { parsed } from '../../support/engine';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE, SMALL_SPECIALIZED } from '../../support/personas';
import { profileArb } from '../policy/arbitraries';
import { tempDir } from '../server/tmp';

// The H5 transport never touches Taro (only the WeChat one does).
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const ROOT = path.resolve(__dirname, '../../..');

// ---------------------------------------------------------------------------------------------
// The cloud: server/main.ts in its own process, on a free port, with a temp store.

let tmp: ReturnType<typeof tempDir>;
let child: ChildProcess;
let cloudUrl = '';
let serverOutput = '';
const realFetch = globalThis.fetch;
/** Requests that reached the cloud over HTTP. */
let calls = 0;
/** Changes the parsed HTTP body before the page's transport reads it (the tamper tests). */
let tamper: ((body: { ok: boolean; data?: EvaluateResult }) => void) | undefined;

beforeAll(async () => {
  tmp = tempDir('cloud-same');
  child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOCAL_CLOUD_DIR: tmp.dir, STATIC_DIR: path.join(tmp.dir, 'no-h5'), LOCAL_SAMPLES: '0', LOCAL_ADMINS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (serverOutput += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (serverOutput += c.toString('utf8')));
  const serverFile = path.join(tmp.dir, 'server.json');
  const deadline = Date.now() + 20_000;
  while (!existsSync(serverFile) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(serverFile)) throw new Error(`the local cloud did not start:\n${serverOutput}`);
  cloudUrl = (JSON.parse(readFileSync(serverFile, 'utf8')) as { url: string }).url;

  // The page's transport fetches '/cloud/<name>' from its own origin, the local cloud.
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await realFetch(new URL(String(input), cloudUrl), init);
    calls += 1;
    if (!tamper) return res;
    const body = (await res.json()) as { ok: boolean; data?: EvaluateResult };
    tamper(body);
    return new Response(JSON.stringify(body), { status: res.status, headers: { 'content-type': 'application/json' } });
  };
}, 30_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  tmp?.cleanup();
});

afterEach(() => {
  tamper = undefined;
});

/** What the results page does with a prepared profile: its own figures, then the page's own confirmation step. */
async function confirm(profile: Profile) {
  const device = evaluate(profile);
  return { device, ...(await confirmOnCloud(profile, device)) };
}

// ---------------------------------------------------------------------------------------------
// The personas of test/support/personas.ts, entered as the questionnaire enters them.

function entry(d: Draft, item: string, answers: Record<string, boolean | string>, texts: Record<string, string> = {}, name = ''): Draft {
  d = addEntry(d, item);
  const key = d.projects[item][d.projects[item].length - 1].key;
  if (name) d = renameEntry(d, item, key, name);
  for (const [id, v] of Object.entries(answers)) d = setAnswer(d, id, v, item, key);
  for (const [id, t] of Object.entries(texts)) d = setText(d, id, t, item, key);
  return d;
}

const personas: [string, Draft, unknown][] = [];
{
  let d: Draft = { ...emptyDraft('enterprise'), sme: false, cityCode: '150200', countyCode: '150203', poverty: false, oldRevolutionary: false };
  d = toggleTopic(toggleTopic(d, 'investment'), 'digital');
  d = entry(d, 'm08.upgrade', { chain: true }, { investment: '3000' }, '2 号线技改');
  d = entry(d, 'm08.robots', { hazardous: 'unknown' }, { robotCost: '800' });
  d = setAnswer(setText(d, 'm14.cloudCost', '180'), 'm13.level', '3A');
  personas.push(['LARGE_ENTERPRISE', d, LARGE_ENTERPRISE]);
}
{
  let d: Draft = { ...emptyDraft('enterprise'), sme: true, cityCode: '150400', countyCode: '150429', poverty: 'unknown', oldRevolutionary: true };
  d = toggleTopic(toggleTopic(d, 'platforms'), 'investment');
  d = setAnswer(d, 'm06.recognition', 'specialized');
  d = entry(d, 'm08.upgrade', { chain: true }, { investment: '1200' });
  personas.push(['SMALL_SPECIALIZED', d, SMALL_SPECIALIZED]);
}
{
  let d: Draft = { ...emptyDraft('park'), cityCode: '150600', countyCode: '150622' };
  d = toggleTopic(d, 'park');
  for (const [id, v] of [['m16.parkPlatform', true], ['m20.demoPark', true], ['m30.strongPark', false], ['m30.excellentPark', true]] as const) d = setAnswer(d, id, v);
  personas.push(['INDUSTRIAL_PARK', d, INDUSTRIAL_PARK]);
}

function prepared(d: Draft): Profile {
  const p = draftProfile(d);
  if (!p.ok) throw new Error(JSON.stringify(p.messages));
  return p.profile;
}

describe('device and cloud agree', () => {
  it.each(personas)('%s: the draft gives the persona profile the e2e suites walk', (_name, draft, persona) => {
    // Key order aside: the draft's profile is the persona's.
    expect(JSON.parse(JSON.stringify(prepared(draft)))).toEqual(parsed(persona));
  });

  it.each(personas)('%s: the cloud, over HTTP, answers what the device computed', async (_name, draft) => {
    const before = calls;
    const { state, device, cloud } = await confirm(prepared(draft));
    expect(calls).toBe(before + 1);
    if (state !== 'same') expect(cloud).toEqual(device); // shows the difference
    expect(state).toBe('same');
    expect(device.total.max).not.toBe('0.00');
  });

  it.each(personas)("%s: a reply from a calculate function deployed before issue 23 (each item's amount kind sent as `kind`) reads as the same result", async (_name, draft) => {
    tamper = (body) => {
      for (const r of body.data!.items as unknown as Record<string, unknown>[]) {
        r.kind = r.amountKind;
        delete r.amountKind;
      }
    };
    const { state, device, cloud } = await confirm(prepared(draft));
    expect(cloud).toEqual(device);
    expect(state).toBe('same');
  });

  it('random valid profiles: the cloud answers what the device computed', async () => {
    const before = calls;
    let withFigures = 0;
    await fc.assert(
      fc.asyncProperty(profileArb, async (p) => {
        // The page sends the profile the schema accepted (draftProfile); so do we.
        const read = parseProfile(JSON.parse(JSON.stringify(p)));
        if (!read.ok) throw new Error(`generated profile refused: ${JSON.stringify(read.issues)}`);
        const { state, device, cloud } = await confirm(read.profile);
        if (state !== 'same') expect(cloud).toEqual(device);
        expect(state).toBe('same');
        if (device.items.some((r) => r.amount.max !== '0.00')) withFigures += 1;
      }),
      { numRuns: 60 },
    );
    expect(calls - before).toBeGreaterThanOrEqual(60);
    // Most compared results carry figures, not only "not for you" and "not answered".
    expect(withFigures).toBeGreaterThanOrEqual(40);
  });

  it('the persona totals are the ones the e2e tests expect', async () => {
    const totals = await Promise.all(personas.map(async ([, d]) => (await confirm(prepared(d))).cloud?.total));
    expect(totals).toEqual([
      { min: '6360000.00', max: '6360000.00' },
      { min: '2900000.00', max: '2900000.00' },
      { min: '5000000.00', max: '25000000.00' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The comparison can fail.

/** Paths of every money figure ('123.45') in a result: item amounts, entries, stages, alternatives, totals. */
function figurePaths(x: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof x === 'string') return /^\d+\.\d\d$/.test(x) ? [at] : [];
  if (Array.isArray(x)) return x.flatMap((v, i) => figurePaths(v, [...at, i]));
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => figurePaths(v, [...at, k]));
  return [];
}

/** One 分 more at `at`. */
function bump(root: unknown, at: (string | number)[]): void {
  const parent = at.slice(0, -1).reduce((o: any, k) => o[k], root); // eslint-disable-line @typescript-eslint/no-explicit-any
  const k = at[at.length - 1];
  parent[k] = new Dec(parent[k]).plus('0.01').toFixed(2);
}

describe('the comparison sees a difference', () => {
  it.each(personas)('%s: one figure changed in the HTTP response → the page would update, not confirm', async (_name, draft) => {
    tamper = (body) => bump(body.data, ['total', 'max']);
    const { state, device, cloud } = await confirm(prepared(draft));
    expect(state).toBe('updated');
    expect(cloud!.total.max).not.toBe(device.total.max);
  });

  it('a figure changed deep in an item (a stage of the working) → updated', async () => {
    const profile = prepared(personas[0][1]);
    tamper = (body) => {
      const i = body.data!.items.findIndex((r) => r.stages.some((s) => s.step === 'rate'));
      const s = body.data!.items[i].stages.findIndex((st) => st.step === 'rate');
      bump(body.data, ['items', i, 'stages', s, 'value']);
    };
    expect((await confirm(profile)).state).toBe('updated');
  });

  it.each(personas)('%s: every single figure of the answer, changed by 0.01 元, is seen', async (_name, draft) => {
    const { state, device, cloud } = await confirm(prepared(draft));
    expect(state).toBe('same');
    const paths = figurePaths(cloud);
    expect(paths.length).toBeGreaterThan(20);
    const unseen = paths.filter((at) => {
      const copy = JSON.parse(JSON.stringify(cloud));
      bump(copy, at);
      return sameResult(copy, device);
    });
    expect(unseen).toEqual([]);
  });

  it('key order is not a difference (the cloud may serialise in another order)', async () => {
    const reverse = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(reverse) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reverse(v)])) : x;
    tamper = (body) => {
      body.data = reverse(body.data) as EvaluateResult;
    };
    expect((await confirm(prepared(personas[0][1]))).state).toBe('same');
  });
});
