/**
 * screenMappingsRepo and screenMappingId: the `screenMappings` collection — the column mappings a
 * person confirmed on 园区批量测算 (issue 27, item 2), one per owner and header row, so the next
 * register with the same headers is read the same way without asking. Header texts and column ids
 * only: nothing of the enterprises.
 */
import type { DocumentStore } from '../context';
import { DuplicateIdError } from '../errors';
import { COLLECTIONS, type ScreenMappingDoc } from './docs';

/** One record per owner and normalised header row (headerKey: 32 hex digits). */
export function screenMappingId(owner: string, headerKey: string): string {
  return `${headerKey}.${owner}`;
}

export function screenMappingsRepo(db: DocumentStore) {
  const col = db.collection<ScreenMappingDoc>(COLLECTIONS.screenMappings);
  return {
    get: (id: string) => col.get(id),
    /** Writes the record (created on first confirmation, replaced on the next). */
    async put(doc: ScreenMappingDoc): Promise<void> {
      const { _id, ...fields } = doc;
      const { updated } = await col.update(_id, fields);
      if (updated > 0) return;
      try {
        await col.add(doc);
      } catch (err) {
        // The same person confirming the same headers twice at once: either record is theirs.
        if (!(err instanceof DuplicateIdError)) throw err;
        await col.update(_id, fields);
      }
    },
  };
}
