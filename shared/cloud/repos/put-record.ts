/**
 * putRecord(col, doc): a record written whole under its id — replaced when there, added when not —
 * for the collections keyed by what they cache or remember (qrcodes, screenMappings). Two first
 * writes of the same id at once: the other's add won (DuplicateIdError) and ours replaces it; both
 * callers wrote the same thing for that key, so either record is right.
 */
import type { Collection, Patch, StoredDoc } from '../context';
import { DuplicateIdError } from '../errors';

export async function putRecord<T extends StoredDoc>(col: Collection<T>, doc: T): Promise<void> {
  const { _id, ...fields } = doc;
  const { updated } = await col.update(_id, fields as Patch<T>);
  if (updated > 0) return;
  try {
    await col.add(doc);
  } catch (err) {
    if (!(err instanceof DuplicateIdError)) throw err;
    await col.update(_id, fields as Patch<T>);
  }
}
