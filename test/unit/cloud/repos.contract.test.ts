/**
 * One contract, two implementations: the DocumentStore operations the reminder feature relies on
 * (range queries for keyset paging, compare-and-set, transactions) and every repository, run
 * against NeDB for real and against the WeChat adapter over the in-memory fake of wx-server-sdk.
 */
import type { DocumentStore } from '../../../shared/cloud/context';
import { DuplicateIdError } from '../../../shared/cloud/errors';
import {
  COLLECTIONS,
  type DeadlineDoc,
  repos,
  type Repos,
  type SendLogDoc,
  sendLogId,
  subscriptionId,
  MAX_CREDITS,
} from '../../../shared/cloud/repos';
import { BACKENDS, type Backend } from './backends';

interface Row {
  _id: string;
  group: string;
  n: number;
  s?: string;
  nested?: { a?: number; b?: number };
}

const AT = '2022-06-01T01:00:00.000Z';

function deadline(id: string, measureId: string, closesOn: string): DeadlineDoc {
  return {
    _id: id,
    measureId,
    batchTitle: `批次 ${id}`,
    opensOn: '2022-01-01',
    closesOn,
    issuer: '自治区工业和信息化厅',
    sourceUrl: 'https://example.gov.cn/notice',
    sample: false,
    createdAt: AT,
    createdBy: 'o-admin',
    updatedAt: AT,
    updatedBy: 'o-admin',
  };
}

function logDoc(deadlineIdValue: string, openid: string, subId: string, over: Partial<SendLogDoc> = {}): SendLogDoc {
  return {
    _id: sendLogId(deadlineIdValue, 'week', openid),
    deadlineId: deadlineIdValue,
    kind: 'week',
    openid,
    subId,
    measureId: 'm01',
    closesOn: '2022-06-30',
    state: 'claimed',
    runId: 'run-1',
    leaseUntil: 1000,
    attempts: 0,
    claimedAt: AT,
    ...over,
  };
}

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let store: DocumentStore;
  let r: Repos;
  beforeEach(() => {
    b = make();
    store = b.store;
    r = repos(store);
  });
  afterEach(() => b.close());

  describe('store contract', () => {
    async function seed(n: number) {
      const col = store.collection<Row>('rows');
      for (let i = 0; i < n; i++) {
        await col.add({ _id: `r${String(i).padStart(3, '0')}`, group: i % 2 ? 'odd' : 'even', n: i, s: String.fromCharCode(97 + (i % 26)) });
      }
      return col;
    }

    it('range: gt/gte/lt/lte on numbers and strings, with where and orderBy', async () => {
      const col = await seed(20);
      const nums = await col.find({ where: { group: 'even' }, range: { n: { gte: 4, lt: 12 } }, orderBy: [{ field: 'n', direction: 'desc' }], limit: 100 });
      expect(nums.map((d) => d.n)).toEqual([10, 8, 6, 4]);
      const strs = await col.find({ range: { s: { gt: 'c', lte: 'e' } }, orderBy: [{ field: 'n', direction: 'asc' }], limit: 100 });
      expect(strs.map((d) => d.s)).toEqual(['d', 'e']);
      const ids = await col.find({ range: { _id: { gt: 'r017' } }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 100 });
      expect(ids.map((d) => d._id)).toEqual(['r018', 'r019']);
    });

    it('refuses bad ranges the same way', async () => {
      const col = await seed(1);
      await expect(col.find({ range: { n: {} }, limit: 1 })).rejects.toThrow(/empty/);
      await expect(col.find({ range: { n: { ne: 1 } as never }, limit: 1 })).rejects.toThrow(/gt\/gte/);
      await expect(col.find({ range: { n: { gt: 'a', lt: 3 } }, limit: 1 })).rejects.toThrow(/mixes/);
      await expect(col.find({ where: { n: 1 }, range: { n: { gt: 0 } }, limit: 1 })).rejects.toThrow(/both/);
      await expect(col.find({ range: { n: { gt: { $x: 1 } as never } }, limit: 1 })).rejects.toThrow();
    });

    it('keyset paging by _id visits every document once while the documents change under it', async () => {
      const col = await seed(25);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const pageDocs = await col.find({ where: { group: 'even' }, range: after ? { _id: { gt: after } } : undefined, orderBy: [{ field: '_id', direction: 'asc' }], limit: 4 });
        if (pageDocs.length === 0) break;
        for (const d of pageDocs) {
          seen.push(d._id);
          // Leaving the result set while paging (what the reminder timer does to used credits).
          await col.update(d._id, { group: 'done' });
        }
        after = pageDocs[pageDocs.length - 1]._id;
      }
      expect(seen).toEqual(Array.from({ length: 13 }, (_, i) => `r${String(i * 2).padStart(3, '0')}`));
    });

    it('updateIf: a compare-and-set on one document', async () => {
      const col = await seed(2);
      expect(await col.updateIf('r000', { group: 'even', n: 0 }, { n: 100 })).toEqual({ updated: 1 });
      expect(await col.updateIf('r000', { group: 'even', n: 0 }, { n: 200 })).toEqual({ updated: 0 });
      expect(await col.updateIf('missing', { group: 'even' }, { n: 1 })).toEqual({ updated: 0 });
      expect((await col.get('r000'))!.n).toBe(100);
      expect((await col.get('r001'))!.n).toBe(1);
      await expect(col.updateIf('r000', { _id: 'x' }, { n: 1 })).rejects.toThrow(/_id/);
      await expect(col.updateIf('r000', { n: { $gt: 1 } as never }, { n: 1 })).rejects.toThrow();
    });

    it('updateIf replaces nested objects like update', async () => {
      const col = store.collection<Row>('rows');
      await col.add({ _id: 'x', group: 'g', n: 1, nested: { a: 1, b: 2 } });
      await col.updateIf('x', { n: 1 }, { nested: { a: 9 } });
      expect((await col.get('x'))!.nested).toEqual({ a: 9 });
    });

    it('transaction: all writes or none', async () => {
      const col = await seed(3);
      const out = await store.transaction(async (tx) => {
        const t = tx.collection<Row>('rows');
        const d = await t.get('r001');
        await t.update('r001', { n: d!.n + 10 });
        await t.add({ _id: 'new', group: 'g', n: 7 });
        await t.remove('r002');
        return 'ok';
      });
      expect(out).toBe('ok');
      expect((await col.get('r001'))!.n).toBe(11);
      expect(await col.get('new')).not.toBeNull();
      expect(await col.get('r002')).toBeNull();

      await expect(
        store.transaction(async (tx) => {
          const t = tx.collection<Row>('rows');
          await t.update('r001', { n: 999 });
          await t.add({ _id: 'new2', group: 'g', n: 1 });
          await t.remove('r000');
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect((await col.get('r001'))!.n).toBe(11);
      expect(await col.get('new2')).toBeNull();
      expect(await col.get('r000')).not.toBeNull();
    });

    it('transaction: a duplicate _id is a DuplicateIdError and undoes the other writes', async () => {
      const col = await seed(2);
      await expect(
        store.transaction(async (tx) => {
          const t = tx.collection<Row>('rows');
          await t.update('r001', { n: 50 });
          await t.add({ _id: 'r000', group: 'dup', n: 0 });
        }),
      ).rejects.toBeInstanceOf(DuplicateIdError);
      expect((await col.get('r001'))!.n).toBe(1);
      expect((await col.get('r000'))!.group).toBe('even');
    });

    it('transaction: get of a missing document is null', async () => {
      expect(await store.transaction((tx) => tx.collection('rows').get('nope'))).toBeNull();
    });

    it('concurrent transactions on one document do not lose an update', async () => {
      const col = store.collection<Row>('rows');
      await col.add({ _id: 'counter', group: 'c', n: 0 });
      await Promise.all(
        Array.from({ length: 2 }, () =>
          store.transaction(async (tx) => {
            const t = tx.collection<Row>('rows');
            const d = await t.get('counter');
            await t.update('counter', { n: d!.n + 1 });
          }),
        ),
      );
      expect((await col.get('counter'))!.n).toBe(2);
    });
  });

  describe('deadlines repository', () => {
    it('current: not yet closed, soonest first (optionally one measure); closed: latest first; closingBetween', async () => {
      await r.deadlines.add(deadline('d1', 'm01', '2022-06-30'));
      await r.deadlines.add(deadline('d2', 'm02', '2022-06-24'));
      await r.deadlines.add(deadline('d3', 'm01', '2022-06-10'));
      await r.deadlines.add(deadline('d4', 'm01', '2022-06-23'));
      await r.deadlines.add(deadline('d5', 'm03', '2022-05-01'));
      expect((await r.deadlines.current('2022-06-23')).map((d) => d._id)).toEqual(['d4', 'd2', 'd1']);
      expect((await r.deadlines.current('2022-06-23', { measureId: 'm01' })).map((d) => d._id)).toEqual(['d4', 'd1']);
      expect((await r.deadlines.current('2022-06-23', { limit: 1, skip: 1 })).map((d) => d._id)).toEqual(['d2']);
      expect((await r.deadlines.closed('2022-06-23')).map((d) => d._id)).toEqual(['d3', 'd5']);
      expect((await r.deadlines.closingBetween('2022-06-24', '2022-06-30')).map((d) => d._id)).toEqual(['d2', 'd1']);
      await expect(r.deadlines.add(deadline('d1', 'm09', '2022-01-02'))).rejects.toBeInstanceOf(DuplicateIdError);
    });
  });

  describe('admins and audit', () => {
    it('admins: add once, check, list, remove', async () => {
      expect(await r.admins.isAdmin('o-a')).toBe(false);
      expect(await r.admins.isAdmin(null)).toBe(false);
      expect(await r.admins.add({ _id: 'o-a', addedAt: AT, addedBy: 'bootstrap' })).toBe(true);
      expect(await r.admins.add({ _id: 'o-a', addedAt: AT, addedBy: 'x' })).toBe(false);
      expect(await r.admins.isAdmin('o-a')).toBe(true);
      expect((await r.admins.list()).map((a) => [a._id, a.addedBy])).toEqual([['o-a', 'bootstrap']]);
      expect(await r.admins.remove('o-a')).toBe(true);
      expect(await r.admins.remove('o-a')).toBe(false);
      expect(await r.admins.isAdmin('o-a')).toBe(false);
    });

    it('audit: newest first, keyset-paged: an entry written between pages does not shift the next page', async () => {
      for (let i = 0; i < 5; i++) {
        await r.audit.append({ at: `2022-06-0${i + 1}T00:00:00.000Z`, actor: 'o-a', action: 'deadline.create', target: `d${i}`, summary: '新增' });
      }
      const first = await r.audit.list({ limit: 2 });
      expect(first.map((e) => e.target)).toEqual(['d4', 'd3']);
      await r.audit.append({ at: '2022-06-09T00:00:00.000Z', actor: 'o-a', action: 'deadline.create', target: 'new', summary: '新增' });
      const second = await r.audit.list({ limit: 2, beforeId: first[1]._id });
      expect(second.map((e) => e.target)).toEqual(['d2', 'd1']);
      expect((await r.audit.list({ limit: 2, beforeId: second[1]._id })).map((e) => e.target)).toEqual(['d0']);
      // Several entries in the same millisecond keep the order they were written in.
      for (const target of ['s1', 's2', 's3']) await r.audit.append({ at: '2022-06-10T00:00:00.000Z', actor: 'o-a', action: 'deadline.update', target, summary: '修改' });
      expect((await r.audit.list({ limit: 3 })).map((e) => e.target)).toEqual(['s3', 's2', 's1']);
    });
  });

  describe('subscriptions repository', () => {
    const base = { measureId: 'm01', deadlineKey: 'dl-1', kind: 'week' as const, at: AT };

    it('accept: creates with one credit, adds credits up to the cap, re-activates a cancelled one', async () => {
      const a = await r.subscriptions.accept({ ...base, openid: 'o-a' });
      expect(a).toMatchObject({ _id: subscriptionId('o-a', 'm01', 'dl-1', 'week'), credits: 1, accepted: 1, active: true, status: 'active' });
      const again = await r.subscriptions.accept({ ...base, openid: 'o-a' });
      expect(again).toMatchObject({ credits: 2, accepted: 2 });
      for (let i = 0; i < 15; i++) await r.subscriptions.accept({ ...base, openid: 'o-a' });
      expect((await r.subscriptions.get(a._id))!.credits).toBe(MAX_CREDITS);
      expect(await r.subscriptions.cancel('o-a', 'm01', 'dl-1', 'week', AT)).toBe(1);
      expect(await r.subscriptions.get(a._id)).toMatchObject({ status: 'cancelled', active: false });
      expect(await r.subscriptions.accept({ ...base, openid: 'o-a' })).toMatchObject({ status: 'active', active: true });
    });

    it('own and cancel touch only the given user’s documents', async () => {
      await r.subscriptions.accept({ ...base, openid: 'o-a' });
      await r.subscriptions.accept({ ...base, kind: 'day', openid: 'o-a' });
      await r.subscriptions.accept({ ...base, openid: 'o-b' });
      expect((await r.subscriptions.own('o-a')).map((s) => s.openid)).toEqual(['o-a', 'o-a']);
      expect((await r.subscriptions.own('o-b')).length).toBe(1);
      // The id is derived from the openid given: B cancelling "A's" subscription cancels B's own or nothing.
      expect(await r.subscriptions.cancel('o-c', 'm01', 'dl-1', 'week', AT)).toBe(0);
      expect((await r.subscriptions.get(subscriptionId('o-a', 'm01', 'dl-1', 'week')))!.status).toBe('active');
    });

    it('due: active with credit for one measure, kind and deadline key, keyset-paged', async () => {
      for (const o of ['o-1', 'o-2', 'o-3', 'o-4', 'o-5']) await r.subscriptions.accept({ ...base, openid: o });
      await r.subscriptions.accept({ ...base, openid: 'o-next', deadlineKey: '' });
      await r.subscriptions.accept({ ...base, openid: 'o-day', kind: 'day' });
      await r.subscriptions.cancel('o-3', 'm01', 'dl-1', 'week', AT);
      const first = await r.subscriptions.due({ measureId: 'm01', kind: 'week', deadlineKey: 'dl-1', limit: 2 });
      expect(first.map((s) => s.openid)).toEqual(['o-1', 'o-2']);
      const rest = await r.subscriptions.due({ measureId: 'm01', kind: 'week', deadlineKey: 'dl-1', afterId: first[1]._id, limit: 10 });
      expect(rest.map((s) => s.openid)).toEqual(['o-4', 'o-5']);
      const next = await r.subscriptions.due({ measureId: 'm01', kind: 'week', deadlineKey: '', limit: 10 });
      expect(next.map((s) => s.openid)).toEqual(['o-next']);
    });

    it('holdsWeChatCredit: credits WeChat would honour, whatever our status — cancelled and dropped count, 43101 (0 credits) does not', async () => {
      const holds = (o: string, kind: 'week' | 'day' = 'week') => r.subscriptions.holdsWeChatCredit(o, kind);
      expect(await holds('o-a')).toBe(false);
      // Active.
      await r.subscriptions.accept({ ...base, openid: 'o-a' });
      expect([await holds('o-a'), await holds('o-a', 'day'), await holds('o-b')]).toEqual([true, false, false]);
      // Cancelled: our cancel keeps the credit, and so does WeChat.
      await r.subscriptions.accept({ ...base, measureId: 'm03', deadlineKey: '', openid: 'o-c' });
      await r.subscriptions.cancel('o-c', 'm03', '', 'week', AT);
      expect(await r.subscriptions.due({ measureId: 'm03', kind: 'week', deadlineKey: '', limit: 10 })).toEqual([]);
      expect(await holds('o-c')).toBe(true);
      // Dropped (40003) with a credit left: counts.
      const d = await r.subscriptions.accept({ ...base, openid: 'o-d' });
      await r.subscriptions.drop(d._id, AT);
      expect(await holds('o-d')).toBe(true);
      // 43101: WeChat holds none.
      const n = await r.subscriptions.accept({ ...base, openid: 'o-n' });
      await r.subscriptions.cancel('o-n', 'm01', 'dl-1', 'week', AT);
      await r.subscriptions.noCredit(n._id, AT);
      expect(await holds('o-n')).toBe(false);
      // Spent by a claim: none left on that subscription.
      const s = await r.subscriptions.accept({ ...base, openid: 'o-s' });
      expect(await r.sendLog.claim(logDoc('dl-1', 'o-s', s._id), AT)).toBe('claimed');
      expect(await holds('o-s')).toBe(false);
      // More acceptances than our books keep: WeChat may hold some after our credits reach 0.
      let capped = await r.subscriptions.accept({ ...base, openid: 'o-x' });
      for (let i = 0; i < MAX_CREDITS; i++) capped = await r.subscriptions.accept({ ...base, openid: 'o-x' });
      expect(capped).toMatchObject({ credits: MAX_CREDITS, accepted: MAX_CREDITS + 1 });
      await r.subscriptions.noCredit(capped._id, AT);
      expect(await holds('o-x')).toBe(true);
    });
  });

  describe('send log repository', () => {
    it('claim: record + one credit in one transaction; again → duplicate; no credit → noCredit', async () => {
      const sub = await r.subscriptions.accept({ measureId: 'm01', deadlineKey: 'dl-1', kind: 'week', openid: 'o-a', at: AT });
      expect(await r.sendLog.claim(logDoc('dl-1', 'o-a', sub._id), AT)).toBe('claimed');
      expect(await r.subscriptions.get(sub._id)).toMatchObject({ credits: 0, active: false, lastLogId: sendLogId('dl-1', 'week', 'o-a') });
      expect(await r.sendLog.claim(logDoc('dl-1', 'o-a', sub._id), AT)).toBe('duplicate');
      expect(await r.sendLog.claim(logDoc('dl-2', 'o-a', sub._id), AT)).toBe('noCredit');
      expect(await r.sendLog.get(sendLogId('dl-2', 'week', 'o-a'))).toBeNull();
    });

    it('claim of a subscription cancelled after it was listed → cancelled, nothing written', async () => {
      const sub = await r.subscriptions.accept({ measureId: 'm01', deadlineKey: 'dl-1', kind: 'week', openid: 'o-a', at: AT });
      await r.subscriptions.cancel('o-a', 'm01', 'dl-1', 'week', AT);
      expect(await r.sendLog.claim(logDoc('dl-1', 'o-a', sub._id), AT)).toBe('cancelled');
      expect(await r.sendLog.get(sendLogId('dl-1', 'week', 'o-a'))).toBeNull();
      expect(await r.subscriptions.get(sub._id)).toMatchObject({ status: 'cancelled', credits: 1 });
    });

    it('othersHoldCredit: another record of the user and kind WeChat may not have spent — every state but sent and refused', async () => {
      const states = ['claimed', 'sending', 'retry', 'unknown', 'failed', 'dataError', 'dropped', 'sent', 'refused'] as const;
      for (const [i, state] of states.entries()) {
        const o = `o-${state}`;
        await store.collection<SendLogDoc>(COLLECTIONS.sendLog).add(logDoc(`dl-${i}`, o, 'sub', { state }));
        await store.collection<SendLogDoc>(COLLECTIONS.sendLog).add(logDoc('dl-self', o, 'sub', { state: 'sending' }));
        expect([state, await r.sendLog.othersHoldCredit(o, 'week', sendLogId('dl-self', 'week', o))]).toEqual([state, state !== 'sent' && state !== 'refused']);
        // Only the same kind, and never the record itself.
        expect(await r.sendLog.othersHoldCredit(o, 'day', sendLogId('dl-self', 'week', o))).toBe(false);
      }
      await store.collection<SendLogDoc>(COLLECTIONS.sendLog).add(logDoc('dl-only', 'o-only', 'sub', { state: 'sending' }));
      expect(await r.sendLog.othersHoldCredit('o-only', 'week', sendLogId('dl-only', 'week', 'o-only'))).toBe(false);
    });

    it('claim with two credits: a second message for the same deadline is a duplicate and keeps the credit', async () => {
      const p = { measureId: 'm01', deadlineKey: 'dl-1', kind: 'week' as const, openid: 'o-a', at: AT };
      await r.subscriptions.accept(p);
      const sub = await r.subscriptions.accept(p);
      expect(await r.sendLog.claim(logDoc('dl-1', 'o-a', sub._id), AT)).toBe('claimed');
      expect(await r.sendLog.claim(logDoc('dl-1', 'o-a', sub._id), AT)).toBe('duplicate');
      expect((await r.subscriptions.get(sub._id))!.credits).toBe(1);
    });

    it('transition is a compare-and-set on state and owner; inState pages by id', async () => {
      const sub = await r.subscriptions.accept({ measureId: 'm01', deadlineKey: 'dl-1', kind: 'week', openid: 'o-a', at: AT });
      const id = sendLogId('dl-1', 'week', 'o-a');
      await r.sendLog.claim(logDoc('dl-1', 'o-a', sub._id), AT);
      expect(await r.sendLog.transition(id, { state: 'claimed', runId: 'other' }, { state: 'sending' })).toBe(false);
      expect(await r.sendLog.transition(id, { state: 'claimed', runId: 'run-1' }, { state: 'sending', attempts: 1 })).toBe(true);
      expect(await r.sendLog.transition(id, { state: 'claimed', runId: 'run-1' }, { state: 'sending' })).toBe(false);
      expect((await r.sendLog.inState('sending')).map((d) => d._id)).toEqual([id]);
      expect(await r.sendLog.inState('sending', id)).toEqual([]);
      expect((await r.sendLog.own('o-a')).map((d) => d.state)).toEqual(['sending']);
    });
  });

  it('runs and outbox: newest first', async () => {
    const summary = (id: string, startedAt: string) => ({
      _id: id, runId: id, today: '2022-06-23', startedAt, finishedAt: startedAt, durationMs: 1, budgetMs: 50000, stoppedBy: 'done' as const,
      deadlinesDue: 0, sent: 0, skipped: {}, refused: 0, dropped: 0, dataErrors: 0, retry: 0, failed: 0, unknown: 0, remaining: 0, dbCalls: 0,
    });
    await r.runs.save(summary('a', '2022-06-23T01:00:00Z'));
    await r.runs.save(summary('b', '2022-06-23T01:03:00Z'));
    expect((await r.runs.recent()).map((x) => x._id)).toEqual(['b', 'a']);
    const msg = { touser: 'o', templateId: 't', page: 'p', data: {}, miniprogramState: 'formal' as const };
    await r.outbox.add({ at: AT, seq: 1, message: msg, errCode: 0 });
    await r.outbox.add({ at: AT, seq: 2, message: { ...msg, touser: 'o2' }, errCode: 0 });
    expect((await r.outbox.recent()).map((x) => x.message.touser)).toEqual(['o2', 'o']);
    expect((await r.outbox.all()).length).toBe(2);
  });
});

describe('the fake SDK refuses what WeChat (or this project) refuses', () => {
  it('get() without limit(), a limit over 1000, queries inside a transaction', async () => {
    const { FakeWxDatabase } = await import('../../fakes/fake-wx-db');
    const fake = new FakeWxDatabase();
    await expect(fake.collection('x').where({ a: 1 }).get()).rejects.toThrow(/without limit/);
    expect(() => fake.collection('x').limit(1001)).toThrow(/1…1000/);
    await fake.runTransaction(async (tx) => {
      expect((tx.collection('x') as unknown as Record<string, unknown>).where).toBeUndefined();
    });
  });

  it('the WeChat adapter always names a limit and pages with where(_id > …)', async () => {
    const [, make] = BACKENDS[1];
    const b = make();
    const r = repos(b.store);
    await r.subscriptions.accept({ measureId: 'm01', deadlineKey: 'dl-1', kind: 'week', openid: 'o-a', at: AT });
    b.fake!.calls.length = 0;
    await r.subscriptions.due({ measureId: 'm01', kind: 'week', deadlineKey: 'dl-1', afterId: 'a', limit: 50 });
    expect(b.fake!.calls).toEqual(['subscriptions.where.orderBy.limit.get']);
    const sub = (await r.subscriptions.own('o-a'))[0];
    b.fake!.calls.length = 0;
    await r.sendLog.claim(logDoc('dl-1', 'o-a', sub._id), AT);
    expect(b.fake!.calls).toEqual(['runTransaction', 'tx.subscriptions.doc.get', 'tx.sendLog.add', 'tx.subscriptions.doc.update', 'commit']);
  });
});
