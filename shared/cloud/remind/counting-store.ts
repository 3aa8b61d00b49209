/** countingStore: a DocumentStore that counts the calls made through it (the run summary's `dbCalls`). */
import type { AnyDoc, Collection, DocumentStore, StoredDoc, Transaction, TxCollection } from '../context';

export function countingStore(inner: DocumentStore): { store: DocumentStore; calls: () => number } {
  let n = 0;
  const count = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => (...args: A) => {
    n += 1;
    return fn(...args);
  };
  const wrapTx = (tx: Transaction): Transaction => ({
    collection<T extends StoredDoc = AnyDoc>(name: string): TxCollection<T> {
      const c = tx.collection<T>(name);
      return { get: count(c.get.bind(c)), add: count(c.add.bind(c)), update: count(c.update.bind(c)), remove: count(c.remove.bind(c)) };
    },
  });
  const store: DocumentStore = {
    collection<T extends StoredDoc = AnyDoc>(name: string): Collection<T> {
      const c = inner.collection<T>(name);
      return {
        get: count(c.get.bind(c)),
        add: count(c.add.bind(c)),
        update: count(c.update.bind(c)),
        remove: count(c.remove.bind(c)),
        find: count(c.find.bind(c)),
        updateIf: count(c.updateIf.bind(c)),
      };
    },
    transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
      n += 1; // begin + commit
      return inner.transaction((tx) => fn(wrapTx(tx)));
    },
  };
  return { store, calls: () => n };
}
