/**
 * The WeChat shell: identity comes from getWXContext() of each invocation, never from the event.
 */
import type { HandlerContext } from '../../../shared/cloud/context';
import type { Handler } from '../../../shared/cloud/handler';
import { makeCloudMain, openidOf, type WxCloud } from '../../../shared/cloud/shell';
import { capturingLogger } from './fakes';

function fakeCloud(openid: unknown): WxCloud & { openid: unknown; databaseCalls: number } {
  const cloud = {
    openid,
    databaseCalls: 0,
    getWXContext: () => (cloud.openid === undefined ? {} : { OPENID: cloud.openid }),
    database: () => {
      cloud.databaseCalls += 1;
      return {};
    },
  };
  return cloud;
}

function spyHandler() {
  const seen: { request: unknown; ctx: HandlerContext }[] = [];
  const handler: Handler<'calculate'> = async (request, ctx) => {
    seen.push({ request, ctx });
    return { ok: true, data: {} as never };
  };
  return { handler, seen };
}

describe('makeCloudMain', () => {
  it('takes the openid from getWXContext, not from the event', async () => {
    const { handler, seen } = spyHandler();
    const main = makeCloudMain('calculate', handler, fakeCloud('o-real-user'), { log: capturingLogger() });
    await main({ profile: {}, openid: 'attacker', OPENID: 'attacker', userInfo: { appId: 'wx', openId: 'attacker' } });
    expect(seen).toHaveLength(1);
    expect(seen[0].ctx.openid).toBe('o-real-user');
    expect(seen[0].request).toEqual({ profile: {}, openid: 'attacker', OPENID: 'attacker' });
    expect(seen[0].request).not.toHaveProperty('userInfo');
  });

  it('reads the context on every invocation', async () => {
    const { handler, seen } = spyHandler();
    const cloud = fakeCloud('o-first');
    const main = makeCloudMain('calculate', handler, cloud, { log: capturingLogger() });
    await main({});
    cloud.openid = 'o-second';
    await main({});
    cloud.openid = undefined; // a timer run: no user
    await main({ openid: 'attacker' });
    expect(seen.map((s) => s.ctx.openid)).toEqual(['o-first', 'o-second', null]);
  });

  it('does not open the database until a handler uses it', async () => {
    const { handler } = spyHandler();
    const cloud = fakeCloud('o');
    const main = makeCloudMain('calculate', handler, cloud, { log: capturingLogger() });
    await main({});
    expect(cloud.databaseCalls).toBe(0);
  });

  it('answers INTERNAL when the SDK itself throws', async () => {
    const { handler, seen } = spyHandler();
    const log = capturingLogger();
    const cloud: WxCloud = {
      getWXContext: () => {
        throw new Error('sdk exploded');
      },
      database: () => ({}),
    };
    const env = await makeCloudMain('calculate', handler, cloud, { log })({});
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(env)).not.toContain('sdk exploded');
    expect(seen).toHaveLength(0);
    expect(log.entries.map((e) => e.level)).toEqual(['error']);
  });
});

describe('openidOf', () => {
  it.each([
    [{ OPENID: 'oAbc_123' }, 'oAbc_123'],
    [{ OPENID: '' }, null],
    [{ OPENID: 12345 }, null], // the SDK parses numeric-looking env values to numbers
    [{}, null],
  ])('%j → %j', (ctx, expected) => {
    expect(openidOf({ getWXContext: () => ctx, database: () => ({}) })).toBe(expected);
  });
});
