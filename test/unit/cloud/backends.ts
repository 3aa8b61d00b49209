/**
 * The two DocumentStore implementations the contract suites run against: the local cloud's NeDB
 * store (for real, on a temp folder) and the WeChat adapter over the in-memory fake of the SDK.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentStore } from '../../../shared/cloud/context';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { wxDocumentStore } from '../../../shared/cloud/wx-db';
import { NedbStore } from '../../../server/store';
import { repos } from '../../../shared/cloud/repos';

export interface Backend {
  store: DocumentStore;
  /** The fake SDK (WeChat backend only), to inspect the calls made. */
  fake?: FakeWxDatabase;
  close(): Promise<void>;
}

export const BACKENDS: [string, () => Backend][] = [
  [
    'NeDB (local cloud)',
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'abacus-contract-'));
      const store = new NedbStore(dir);
      return {
        store,
        async close() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'WeChat adapter over the fake SDK',
    () => {
      const fake = new FakeWxDatabase();
      return { store: wxDocumentStore(() => fake), fake, close: async () => {} };
    },
  ],
];

/**
 * Each test of the calling describe gets a fresh store of this back end (handed to `use`) holding
 * these admins — the functions check the `admins` collection — and closes it afterwards.
 */
export function useStoreWithAdmins(make: () => Backend, at: Date, use: (store: DocumentStore) => void, admins: string[] = ['o-admin']): void {
  let b: Backend;
  beforeEach(async () => {
    b = make();
    use(b.store);
    for (const id of admins) await repos(b.store).admins.add({ _id: id, addedAt: at.toISOString(), addedBy: 'bootstrap' });
  });
  afterEach(() => b.close());
}
