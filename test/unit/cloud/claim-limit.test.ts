/**
 * Issue 25, item 6: the bootstrap code answered 200 wrong guesses in 2.6 s with no limit. Now each
 * caller has 5 tries an hour and everybody together 50 a day; a try beyond either is refused —
 * even with the right code — by a message that says the limit and when it frees. The tries come
 * at once (Promise.all): the count holds across concurrent calls, on both back ends.
 */
import type { DeadlinesResponse, Envelope } from '../../../shared/cloud/api';
import type { DocumentStore } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { repos } from '../../../shared/cloud/repos';
import { CLAIM_TRIES_PER_CALLER_HOUR, CLAIM_TRIES_PER_DAY } from '../../../shared/cloud/repos/claim-tries';
import { BACKENDS, type Backend } from './backends';
import { fakeContext } from './fakes';

const CODE = 'k7-Trust-Me-2026-long';
/** 09:20 in Beijing. */
const NOW = new Date('2022-06-23T01:20:00.000Z');
const HOUR = 3_600_000;
const WRONG = { field: 'code', message: '口令不正确' };
const CALLER_LIMIT = '试口令的次数过多：每位用户每小时最多试 5 次，请在北京时间 10:00 后再试';
const DAY_LIMIT = '今天试口令的次数已达上限（所有用户每天共 50 次），请在 2022年06月24日（北京时间）再试';

type Answer = string | { field: string; message: string }[] | undefined;
/** What a claim answered: 'added', the field messages of a wrong code, or the refusal's message. */
function answer(env: Envelope<DeadlinesResponse>): Answer {
  if (env.ok) return 'added';
  return env.error.fields ?? `${env.error.code}: ${env.error.message}`;
}

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  beforeEach(() => {
    b = make();
    db = b.store;
  });
  afterEach(() => b.close());

  const claim = (openid: string, code: string, now = NOW) =>
    runHandler('deadlines', deadlines, { action: 'claimAdmin', code }, fakeContext({ openid, db, now: () => now, env: { ADMIN_BOOTSTRAP_CODE: CODE } })) as Promise<Envelope<DeadlinesResponse>>;
  const wrongAtOnce = (openids: string[]) => Promise.all(openids.map((o, i) => claim(o, `wrong-guess-number-${i}`)));

  it.each([
    ['one caller guessing 5 times at once', 5],
    ['one caller guessing 40 times at once', 40],
  ])('%s: 5 are answered 口令不正确, the rest and then the right code are refused with the hourly limit', async (_title, n) => {
    const answers = (await wrongAtOnce(Array.from({ length: n }, () => 'o-guesser'))).map(answer);
    expect(answers.filter((a) => Array.isArray(a))).toEqual(Array.from({ length: CLAIM_TRIES_PER_CALLER_HOUR }, () => [WRONG]));
    expect(answers.filter((a) => !Array.isArray(a))).toEqual(Array.from({ length: n - CLAIM_TRIES_PER_CALLER_HOUR }, () => `FORBIDDEN: ${CALLER_LIMIT}`));
    expect(answer(await claim('o-guesser', CODE))).toBe(`FORBIDDEN: ${CALLER_LIMIT}`);
    expect(await repos(db).admins.none()).toBe(true);
  });

  it('the hourly limit is the caller\'s: another caller with the right code is made admin', async () => {
    await wrongAtOnce(Array.from({ length: 10 }, () => 'o-guesser'));
    expect(answer(await claim('o-owner', CODE))).toBe('added');
  });

  it('the hourly limit frees at the next hour: the same caller with the right code is made admin', async () => {
    await wrongAtOnce(Array.from({ length: 10 }, () => 'o-owner'));
    expect(answer(await claim('o-owner', CODE, new Date(NOW.getTime() + 40 * 60_000)))).toBe('added');
  });

  it('the right code within the limit still works: 4 wrong codes, then the right one', async () => {
    await wrongAtOnce(Array.from({ length: CLAIM_TRIES_PER_CALLER_HOUR - 1 }, () => 'o-owner'));
    expect(answer(await claim('o-owner', ` ${CODE} `))).toBe('added');
    expect((await repos(db).admins.list()).map((a) => a._id)).toEqual(['o-owner']);
  });

  it.each([
    ['50 callers guessing once each at once', 50, 1],
    ['30 callers guessing 3 times each at once', 30, 3],
  ])('%s: 50 tries in all are answered, then another caller\'s right code is refused with the daily limit', async (_title, callers, each) => {
    const openids = Array.from({ length: callers }, (_, i) => Array.from({ length: each }, () => `o-guess-${i}`)).flat();
    const answers = (await wrongAtOnce(openids)).map(answer);
    expect(answers.filter((a) => Array.isArray(a))).toHaveLength(Math.min(CLAIM_TRIES_PER_DAY, callers * each));
    expect(answers.filter((a) => !Array.isArray(a))).toEqual(Array.from({ length: callers * each - CLAIM_TRIES_PER_DAY }, () => `FORBIDDEN: ${DAY_LIMIT}`));
    expect(answer(await claim('o-owner', CODE))).toBe(`FORBIDDEN: ${DAY_LIMIT}`);
    expect(answer(await claim('o-owner', CODE, new Date(NOW.getTime() + 5 * HOUR)))).toBe(`FORBIDDEN: ${DAY_LIMIT}`);
    expect(await repos(db).admins.none()).toBe(true);
  });

  it('the daily limit frees on the next Beijing day: the right code is made admin', async () => {
    await wrongAtOnce(Array.from({ length: CLAIM_TRIES_PER_DAY }, (_, i) => `o-guess-${i}`));
    // 00:00 in Beijing on the 24th.
    expect(answer(await claim('o-owner', CODE, new Date('2022-06-23T16:00:00.000Z')))).toBe('added');
  });
});
