/**
 * The WeChat database adapter, against a fake of the SDK's query builder that records each call.
 */
import { DuplicateIdError } from '../../../shared/cloud/errors';
import { isDuplicateKeyError, wxDocumentStore, type WxDatabase } from '../../../shared/cloud/wx-db';

type Call = [string, ...unknown[]];

function fakeDb(results: { get?: unknown[]; addError?: unknown; updated?: number; removed?: number } = {}) {
  const calls: Call[] = [];
  const query = (): Record<string, unknown> => {
    const q: Record<string, unknown> = {
      where: (c: unknown) => (calls.push(['where', c]), q),
      orderBy: (f: string, d: string) => (calls.push(['orderBy', f, d]), q),
      skip: (n: number) => (calls.push(['skip', n]), q),
      limit: (n: number) => (calls.push(['limit', n]), q),
      get: async () => (calls.push(['get']), { data: results.get ?? [] }),
      doc: (id: string) => ({
        update: async (o: unknown) => (calls.push(['doc.update', id, o]), { stats: { updated: results.updated ?? 1 } }),
        remove: async () => (calls.push(['doc.remove', id]), { stats: { removed: results.removed ?? 1 } }),
      }),
      add: async (o: { data: Record<string, unknown> }) => {
        calls.push(['add', o]);
        if (results.addError) throw results.addError;
        return { _id: (o.data._id as string) ?? 'generated-id' };
      },
    };
    return q;
  };
  const db = {
    collection: (name: string) => (calls.push(['collection', name]), query()),
    command: { set: (v: unknown) => ({ $set: v }) },
  } as unknown as WxDatabase;
  return { db, calls };
}

describe('wxDocumentStore', () => {
  it('get: where _id + limit 1 (doc().get() throws on a missing document), null when absent', async () => {
    const { db, calls } = fakeDb({ get: [] });
    const got = await wxDocumentStore(() => db).collection('plans').get('p1');
    expect(got).toBeNull();
    expect(calls).toEqual([['collection', 'plans'], ['where', { _id: 'p1' }], ['limit', 1], ['get']]);
  });

  it('get returns the document', async () => {
    const { db } = fakeDb({ get: [{ _id: 'p1', n: 2 }] });
    expect(await wxDocumentStore(() => db).collection('plans').get('p1')).toEqual({ _id: 'p1', n: 2 });
  });

  it('add passes a given _id and maps a duplicate to DuplicateIdError', async () => {
    const dup = new Error('errCode: -502001 | errMsg: [FailedOperation] E11000 duplicate key error collection');
    const { db, calls } = fakeDb({ addError: dup });
    const col = wxDocumentStore(() => db).collection('sends');
    await expect(col.add({ _id: 'send-1', at: 1 })).rejects.toBeInstanceOf(DuplicateIdError);
    expect(calls[1]).toEqual(['add', { data: { _id: 'send-1', at: 1 } }]);
  });

  it('add without _id lets the database choose; other errors pass through', async () => {
    const { db } = fakeDb();
    expect(await wxDocumentStore(() => db).collection('x').add({ a: 1 })).toEqual({ _id: 'generated-id' });
    const other = fakeDb({ addError: new Error('network down') });
    await expect(wxDocumentStore(() => other.db).collection('x').add({ _id: 'k' })).rejects.toThrow('network down');
  });

  it('update replaces nested objects (command.set) instead of merging, and skips undefined', async () => {
    const { db, calls } = fakeDb({ updated: 1 });
    const res = await wxDocumentStore(() => db)
      .collection<{ _id: string; a: number; o: { x: number }; list: number[]; u?: number }>('x')
      .update('id1', { a: 2, o: { x: 1 }, list: [1], u: undefined });
    expect(res).toEqual({ updated: 1 });
    expect(calls[1]).toEqual(['doc.update', 'id1', { data: { a: 2, o: { $set: { x: 1 } }, list: [1] } }]);
  });

  it('update refuses to change _id', async () => {
    const { db } = fakeDb();
    await expect(
      wxDocumentStore(() => db).collection('x').update('id1', { _id: 'other' } as never),
    ).rejects.toThrow(/_id/);
  });

  it('find chains where, orderBy, skip, limit', async () => {
    const { db, calls } = fakeDb({ get: [{ _id: 'a' }] });
    const docs = await wxDocumentStore(() => db)
      .collection('x')
      .find({ where: { owner: 'o1', 'plan.active': true }, orderBy: [{ field: 'at', direction: 'desc' }], skip: 20, limit: 10 });
    expect(docs).toEqual([{ _id: 'a' }]);
    expect(calls.slice(1)).toEqual([
      ['where', { owner: 'o1', 'plan.active': true }],
      ['orderBy', 'at', 'desc'],
      ['skip', 20],
      ['limit', 10],
      ['get'],
    ]);
  });

  it.each([0, 1001, 1.5, NaN])('find refuses limit %p', async (limit) => {
    const { db } = fakeDb();
    await expect(wxDocumentStore(() => db).collection('x').find({ limit })).rejects.toThrow(/limit/);
  });

  it('find refuses operator-like field names and object values', async () => {
    const { db } = fakeDb();
    const col = wxDocumentStore(() => db).collection('x');
    await expect(col.find({ where: { $where: 'x' }, limit: 1 })).rejects.toThrow();
    await expect(col.find({ where: { a: { $gt: 1 } as never }, limit: 1 })).rejects.toThrow();
  });

  it('refuses bad collection names', () => {
    const { db } = fakeDb();
    expect(() => wxDocumentStore(() => db).collection('../etc')).toThrow();
    expect(() => wxDocumentStore(() => db).collection('')).toThrow();
  });

  it('isDuplicateKeyError recognises WeChat’s E11000 text only', () => {
    expect(isDuplicateKeyError(new Error('E11000 duplicate key error'))).toBe(true);
    expect(isDuplicateKeyError({ errCode: -502001, errMsg: 'duplicate key' })).toBe(true);
    expect(isDuplicateKeyError(new Error('timeout'))).toBe(false);
  });
});
