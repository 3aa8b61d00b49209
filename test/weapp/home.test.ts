/**
 * The home page in the WeChat build, for a returning user (issue 22): 我的提醒 is one tap away.
 */
import { launch } from './harness';

const mp = launch();
beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

describe('from home to 我的提醒 (issue 22, item 3)', () => {
  it.each([
    ['a first-time user (nothing saved)', false],
    ['a user with saved answers', true],
  ])('%s reaches 我的提醒 with one tap', async (_who, saved) => {
    if (saved) mp.storage.set('policy-abacus:answers:v1', { v: 1, step: 'questions', entity: 'enterprise', topics: ['investment'], values: {}, texts: {}, projects: {}, nextKey: 1 });
    await mp.reLaunch('/pages/index/index');
    await mp.tap('#home-reminders');
    expect(mp.stack().map((p) => p.route)).toEqual(['pages/index/index', 'pages/reminders/index']);
    // Nobody has subscribed yet: the page says so (it loaded the caller's list).
    await mp.waitFor(() => mp.has('reminders-empty'), 'the empty reminders list');
  });
});
