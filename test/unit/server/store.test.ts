/**
 * The local cloud's NeDB store: the DocumentStore contract, and persistence across a restart.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuplicateIdError } from '../../../shared/cloud/errors';
import { NedbStore } from '../../../server/store';
import { tempDir } from './tmp';

interface Plan {
  _id: string;
  owner: string;
  n: number;
  meta?: { a?: number; b?: number };
  tags?: string[];
}

let tmp: ReturnType<typeof tempDir>;
let store: NedbStore;

beforeEach(() => {
  tmp = tempDir('store');
  store = new NedbStore(path.join(tmp.dir, 'data'));
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

it('add/get with a given _id and with a generated one', async () => {
  const plans = store.collection<Plan>('plans');
  expect(await plans.add({ _id: 'p1', owner: 'a', n: 1 })).toEqual({ _id: 'p1' });
  const { _id } = await plans.add({ owner: 'b', n: 2 });
  expect(typeof _id).toBe('string');
  expect(_id.length).toBeGreaterThan(0);
  expect(await plans.get('p1')).toEqual({ _id: 'p1', owner: 'a', n: 1 });
  expect(await plans.get(_id)).toEqual({ _id, owner: 'b', n: 2 });
  expect(await plans.get('missing')).toBeNull();
});

it('add with an existing _id throws DuplicateIdError and keeps the first document', async () => {
  const plans = store.collection<Plan>('plans');
  await plans.add({ _id: 'p1', owner: 'a', n: 1 });
  await expect(plans.add({ _id: 'p1', owner: 'z', n: 9 })).rejects.toBeInstanceOf(DuplicateIdError);
  expect(await plans.get('p1')).toEqual({ _id: 'p1', owner: 'a', n: 1 });
});

it('a returned document is a copy', async () => {
  const plans = store.collection<Plan>('plans');
  await plans.add({ _id: 'p1', owner: 'a', n: 1, tags: ['x'] });
  const doc = (await plans.get('p1'))!;
  doc.tags!.push('mutated');
  expect((await plans.get('p1'))!.tags).toEqual(['x']);
});

it('update replaces the given top-level fields only (nested objects are replaced, not merged)', async () => {
  const plans = store.collection<Plan>('plans');
  await plans.add({ _id: 'p1', owner: 'a', n: 1, meta: { a: 1, b: 2 } });
  expect(await plans.update('p1', { n: 5, meta: { a: 7 } })).toEqual({ updated: 1 });
  expect(await plans.get('p1')).toEqual({ _id: 'p1', owner: 'a', n: 5, meta: { a: 7 } });
  expect(await plans.update('missing', { n: 1 })).toEqual({ updated: 0 });
  await expect(plans.update('p1', { _id: 'x' } as never)).rejects.toThrow(/_id/);
});

it('remove', async () => {
  const plans = store.collection<Plan>('plans');
  await plans.add({ _id: 'p1', owner: 'a', n: 1 });
  expect(await plans.remove('p1')).toEqual({ removed: 1 });
  expect(await plans.remove('p1')).toEqual({ removed: 0 });
  expect(await plans.get('p1')).toBeNull();
});

it('find: where (incl. dotted paths), orderBy, skip, limit', async () => {
  const plans = store.collection<Plan>('plans');
  for (let i = 0; i < 12; i++) {
    await plans.add({ _id: `p${String(i).padStart(2, '0')}`, owner: i % 2 ? 'odd' : 'even', n: i, meta: { a: i % 3 } });
  }
  const evens = await plans.find({ where: { owner: 'even' }, orderBy: [{ field: 'n', direction: 'desc' }], limit: 100 });
  expect(evens.map((d) => d.n)).toEqual([10, 8, 6, 4, 2, 0]);
  const page2 = await plans.find({ orderBy: [{ field: 'n', direction: 'asc' }], skip: 5, limit: 5 });
  expect(page2.map((d) => d.n)).toEqual([5, 6, 7, 8, 9]);
  const dotted = await plans.find({ where: { 'meta.a': 0, owner: 'odd' }, orderBy: [{ field: 'n', direction: 'asc' }], limit: 10 });
  expect(dotted.map((d) => d.n)).toEqual([3, 9]);
  // A string that looks like an operator is compared as a string.
  expect(await plans.find({ where: { owner: '$ne' }, limit: 10 })).toEqual([]);
  await expect(plans.find({ limit: 0 })).rejects.toThrow(/limit/);
  await expect(plans.find({ where: { $or: 'x' } as never, limit: 1 })).rejects.toThrow();
});

it('one datafile per collection, and bad names are refused', async () => {
  await store.collection('plans').add({ _id: 'a' });
  await store.collection('sends').add({ _id: 'b' });
  expect(existsSync(path.join(store.dataDir, 'plans.db'))).toBe(true);
  expect(existsSync(path.join(store.dataDir, 'sends.db'))).toBe(true);
  expect(readFileSync(path.join(store.dataDir, 'sends.db'), 'utf8')).toContain('"_id":"b"');
  expect(() => store.collection('../escape')).toThrow();
  expect(() => store.collection('a/b')).toThrow();
});

it('data survives closing the store and opening a new one on the same directory', async () => {
  const dir = store.dataDir;
  const plans = store.collection<Plan>('plans');
  await plans.add({ _id: 'keep', owner: 'a', n: 1 });
  await plans.add({ _id: 'gone', owner: 'a', n: 2 });
  await plans.update('keep', { n: 42 });
  await plans.remove('gone');
  await store.close();
  await expect(plans.get('keep')).rejects.toThrow(/closed/);

  store = new NedbStore(dir);
  const again = store.collection<Plan>('plans');
  expect(await again.get('keep')).toEqual({ _id: 'keep', owner: 'a', n: 42 });
  expect(await again.get('gone')).toBeNull();
  await expect(again.add({ _id: 'keep', owner: 'b', n: 0 })).rejects.toBeInstanceOf(DuplicateIdError);
});
