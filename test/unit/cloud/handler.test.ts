import { type Handler, checkRequest, MAX_REQUEST_BYTES, runHandler } from '../../../shared/cloud/handler';
import { CloudFailure, ERROR_MESSAGES, toErrorEnvelope } from '../../../shared/cloud/errors';
import { capturingLogger, CJK, fakeContext } from './fakes';

describe('checkRequest', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"profile":{}}'],
    ['a number', 42],
    ['an array', [{ profile: {} }]],
    ['true', true],
  ])('refuses %s with INVALID_INPUT', (_label, event) => {
    const r = checkRequest(event);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.envelope.error.code).toBe('INVALID_INPUT');
      expect(r.envelope.error.message).toMatch(CJK);
    }
  });

  it('accepts an object and returns a copy without WeChat’s userInfo', () => {
    const event = { profile: { version: 1 }, userInfo: { appId: 'wx1', openId: 'o-someone' } };
    const r = checkRequest(event);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.request).toEqual({ profile: { version: 1 } });
      expect(r.request.profile).not.toBe(event.profile);
    }
    expect(event.userInfo).toBeDefined(); // the caller's object is untouched
  });

  it('accepts a request of exactly the limit and refuses one byte more', () => {
    const overhead = JSON.stringify({ s: '' }).length;
    const atLimit = { s: 'a'.repeat(MAX_REQUEST_BYTES - overhead) };
    expect(checkRequest(atLimit).ok).toBe(true);
    const over = { s: 'a'.repeat(MAX_REQUEST_BYTES - overhead + 1) };
    const r = checkRequest(over);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.envelope.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 30 000 CJK characters = 90 000 bytes: over the 64 KB limit although under 64 K characters.
    const r = checkRequest({ s: '算'.repeat(30_000) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.envelope.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a cyclic object without throwing', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    const r = checkRequest(a);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.envelope.error.code).toBe('INVALID_INPUT');
  });
});

describe('runHandler', () => {
  const echo: Handler<'calculate'> = async (request, ctx) =>
    ({ ok: true, data: { request, openid: ctx.openid } }) as never;

  it('gives the handler the checked request and the context as given', async () => {
    const ctx = fakeContext({ openid: 'o-real' });
    const env = await runHandler('calculate', echo, { profile: 1, openid: 'attacker', userInfo: { openId: 'attacker' } }, ctx);
    expect(env).toEqual({ ok: true, data: { request: { profile: 1, openid: 'attacker' }, openid: 'o-real' } });
  });

  it('does not call the handler for a bad request', async () => {
    const handler = jest.fn(echo);
    const env = await runHandler('calculate', handler, [1, 2], fakeContext());
    expect(handler).not.toHaveBeenCalled();
    expect(env.ok).toBe(false);
  });

  it('turns an unexpected throw into INTERNAL without the message or stack, and logs it', async () => {
    const log = capturingLogger();
    const boom: Handler<'calculate'> = async () => {
      throw new Error('secret table name users_v2 at line 7');
    };
    const env = await runHandler('calculate', boom, {}, fakeContext({ log }));
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(JSON.stringify(env)).not.toMatch(/secret|users_v2|\bat\b/);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0].level).toBe('error');
    expect(String(log.entries[0].meta?.stack)).toContain('secret table name');
  });

  it('keeps the code and message of a thrown CloudFailure', async () => {
    const h: Handler<'calculate'> = async () => {
      throw new CloudFailure('FORBIDDEN');
    };
    const env = await runHandler('calculate', h, {}, fakeContext());
    expect(env).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } });
  });
});

describe('error messages', () => {
  it('are all Chinese', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect([code, message]).toEqual([code, expect.stringMatching(CJK)]);
    }
  });

  it('a non-Error throw becomes INTERNAL too', () => {
    expect(toErrorEnvelope('x').error.code).toBe('INTERNAL');
    expect(toErrorEnvelope(undefined).error.code).toBe('INTERNAL');
  });
});
