/**
 * screenMappingsRepo and screenMappingId: the `screenMappings` collection — the column mappings a
 * person confirmed on 园区批量测算 (issue 27, item 2), one per owner and header row, so the next
 * register with the same headers is read the same way without asking. Header texts and column ids
 * only: nothing of the enterprises.
 */
import type { DocumentStore } from '../context';
import { COLLECTIONS, type ScreenMappingDoc } from './docs';
import { putRecord } from './put-record';

/** One record per owner and normalised header row (headerKey: 32 hex digits). */
export function screenMappingId(owner: string, headerKey: string): string {
  return `${headerKey}.${owner}`;
}

export function screenMappingsRepo(db: DocumentStore) {
  const col = db.collection<ScreenMappingDoc>(COLLECTIONS.screenMappings);
  return {
    get: (id: string) => col.get(id),
    /** Writes the record (created on first confirmation, replaced on the next). */
    put: (doc: ScreenMappingDoc) => putRecord(col, doc),
  };
}
