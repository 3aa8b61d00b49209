/**
 * The calculate handler against the real engine and schema, through runHandler as both shells call it.
 */
import { catalogVersion, evaluate, parseProfile, versionStamp } from '../../../shared/policy/engine';
import { runHandler } from '../../../shared/cloud/handler';
import { calculate } from '../../../shared/cloud/handlers/calculate';
import { CJK, fakeContext, forbiddenStore } from './fakes';

/** One fact that carries money (国家级创新中心), so the total is not zero. */
const SAMPLE = { version: 1, entity: 'enterprise', facts: { 'm01.nationalInnovationCenter': true } };

const call = (event: unknown) => runHandler('calculate', calculate, event, fakeContext({ db: forbiddenStore }));

it('a valid profile → ok with the engine’s result and the function’s version (and nothing stored)', async () => {
  const env = await call({ profile: SAMPLE });
  expect(env.ok).toBe(true);
  if (!env.ok) return;
  expect(env.data.items.length).toBeGreaterThan(0);
  expect(Number(env.data.total.min)).toBeGreaterThan(0);
  const parsed = parseProfile(SAMPLE);
  expect(parsed.ok).toBe(true);
  if (parsed.ok) expect(env.data).toEqual({ ...evaluate(parsed.profile), version: versionStamp() });
});

// Issue 26, item 6: the reply says which code and catalog made it, read where it runs (a test sets
// the global a build would define).
it.each([
  ['the app version the function was built with', '0.1.0+1c6ede6', { app: '0.1.0+1c6ede6', catalog: catalogVersion() }],
  ['dev when no build put one in', undefined, { app: 'dev', catalog: catalogVersion() }],
])('the reply carries %s and the catalog’s hash', async (_label, built, expected) => {
  const g = globalThis as { __APP_VERSION__?: string };
  g.__APP_VERSION__ = built;
  try {
    const env = await call({ profile: SAMPLE });
    expect(env.ok && env.data.version).toEqual(expected);
  } finally {
    delete g.__APP_VERSION__;
  }
});

it('a park gets a different answer from an enterprise (the profile reaches the engine)', async () => {
  const enterprise = await call({ profile: { version: 1, entity: 'enterprise' } });
  const park = await call({ profile: { version: 1, entity: 'park' } });
  expect(enterprise.ok && park.ok).toBe(true);
  if (enterprise.ok && park.ok) expect(park.data.counts).not.toEqual(enterprise.data.counts);
});

it.each([
  ['a bad entity', { version: 1, entity: 'x' }, 'entity'],
  ['a wrong version', { version: 2, entity: 'enterprise' }, 'version'],
  ['an unknown fact', { version: 1, entity: 'enterprise', facts: { 'no.such.fact': 1 } }, 'facts/no.such.fact'],
  ['a profile that is not an object', 'enterprise', ''],
  ['no profile at all', undefined, ''],
])('%s → INVALID_INPUT naming the field, in Chinese', async (_label, profile, field) => {
  const env = await call(profile === undefined ? {} : { profile });
  expect(env.ok).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('INVALID_INPUT');
  expect(env.error.message).toMatch(CJK);
  expect(env.error.fields!.map((f) => f.field)).toContain(field);
  for (const f of env.error.fields!) expect(f.message).toMatch(CJK);
  expect(env.error.message).toBe(env.error.fields![0].message);
});

it('a request that is not an object → INVALID_INPUT before the schema', async () => {
  for (const event of [null, [SAMPLE], 'x', 3]) {
    const env = await call(event);
    expect(env).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(CJK) } });
  }
});

it('an oversized request → PAYLOAD_TOO_LARGE', async () => {
  const env = await call({ profile: { ...SAMPLE, projects: { pad: 'x'.repeat(65 * 1024) } } });
  expect(env.ok).toBe(false);
  if (!env.ok) expect(env.error.code).toBe('PAYLOAD_TOO_LARGE');
});

it('WeChat’s userInfo beside the profile is dropped, not an error', async () => {
  const env = await call({ profile: SAMPLE, userInfo: { appId: 'wx1', openId: 'o1' } });
  expect(env.ok).toBe(true);
});
