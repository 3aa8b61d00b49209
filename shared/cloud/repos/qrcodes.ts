/**
 * qrcodesRepo: the `qrcodes` collection (the 小程序码 made so far, one per cache key).
 */
import type { DocumentStore } from '../context';
import { COLLECTIONS, type QrcodeDoc } from './docs';
import { putRecord } from './put-record';

/** The 小程序码 made so far (one record per cache key; see handlers/qrcode.ts). */
export function qrcodesRepo(db: DocumentStore) {
  const col = db.collection<QrcodeDoc>(COLLECTIONS.qrcodes);
  return {
    get: (id: string) => col.get(id),
    /** Writes the record (created on first use, replaced when the code was made again). */
    put: (doc: QrcodeDoc) => putRecord(col, doc),
  };
}
