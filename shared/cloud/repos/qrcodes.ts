/**
 * qrcodesRepo: the `qrcodes` collection (the 小程序码 made so far, one per cache key).
 */
import type { DocumentStore } from '../context';
import { DuplicateIdError } from '../errors';
import { COLLECTIONS, type QrcodeDoc } from './docs';

/** The 小程序码 made so far (one record per cache key; see handlers/qrcode.ts). */
export function qrcodesRepo(db: DocumentStore) {
  const col = db.collection<QrcodeDoc>(COLLECTIONS.qrcodes);
  return {
    get: (id: string) => col.get(id),
    /** Writes the record (created on first use, replaced when the code was made again). */
    async put(doc: QrcodeDoc): Promise<void> {
      const { _id, ...fields } = doc;
      const { updated } = await col.update(_id, fields);
      if (updated > 0) return;
      try {
        await col.add(doc);
      } catch (err) {
        // Two first calls for the same code at once: the other's add won. Both uploaded the same
        // picture to the same path, so either record is right; ours is the later write.
        if (!(err instanceof DuplicateIdError)) throw err;
        await col.update(_id, fields);
      }
    },
  };
}
