/**
 * The calculate handler's wiring, with the engine replaced: what it passes to the engine and how it
 * maps a schema failure. (calculate.test.ts runs the same handler against the real engine.)
 */
jest.mock('../../../shared/policy/engine', () => ({ parseProfile: jest.fn(), evaluate: jest.fn(), versionStamp: () => ({ app: '0.1.0+abc1234', catalog: 'c0ffee00' }) }));

import * as policy from '../../../shared/policy/engine';
import { calculate } from '../../../shared/cloud/handlers/calculate';
import { fakeContext } from './fakes';

const parseProfile = policy.parseProfile as jest.Mock;
const evaluate = policy.evaluate as jest.Mock;

beforeEach(() => {
  parseProfile.mockReset();
  evaluate.mockReset();
});

it('evaluates the profile the schema returns, not the raw input', async () => {
  const raw = { version: 1, entity: 'enterprise', extra: 'dropped by the schema' };
  const parsed = { version: 1, entity: 'enterprise' };
  const result = { items: [{ id: 'm01.a' }] };
  parseProfile.mockReturnValue({ ok: true, profile: parsed });
  evaluate.mockReturnValue(result);
  const env = await calculate({ profile: raw }, fakeContext());
  expect(parseProfile).toHaveBeenCalledWith(raw);
  expect(evaluate).toHaveBeenCalledTimes(1);
  expect(evaluate.mock.calls[0][0]).toBe(parsed);
  // The reply carries the version that made the figure (issue 26, item 6).
  expect(env).toEqual({ ok: true, data: { ...result, version: { app: '0.1.0+abc1234', catalog: 'c0ffee00' } } });
});

it('answers INVALID_INPUT with the first issue as message and all issues as fields', async () => {
  const issues = [
    { field: 'entity', message: '主体类型应为企业或园区' },
    { field: 'facts.m08.upgrade.investment', message: '投资额应为不超过 1000000 万元的数' },
  ];
  parseProfile.mockReturnValue({ ok: false, issues });
  const env = await calculate({ profile: { version: 1, entity: 'x' } }, fakeContext());
  expect(evaluate).not.toHaveBeenCalled();
  expect(env).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: issues[0].message, fields: issues } });
});

it('falls back to the generic message when the schema gives no issue', async () => {
  parseProfile.mockReturnValue({ ok: false, issues: [] });
  const env = await calculate({}, fakeContext());
  expect(env).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '输入有误' } });
});

it('passes undefined when the request has no profile (the schema decides)', async () => {
  parseProfile.mockReturnValue({ ok: false, issues: [{ field: 'profile', message: '缺少企业信息' }] });
  await calculate({}, fakeContext());
  expect(parseProfile).toHaveBeenCalledWith(undefined);
});
