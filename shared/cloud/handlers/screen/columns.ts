/**
 * How the screen function reads a park's own register's columns (issue 27, item 2): previewOf (the
 * ScreenPreview `open` answers: each column → what it is read as, and what it may be read as),
 * readOnce (the mapping `open` stores rows with while one must still be confirmed), MappingSchema
 * (the `map` action's mapping, checked against the stored header) and HEADER_TEXT_MAX.
 */
import * as v from 'valibot';
import { catalog2022 } from '../../../policy/engine';
import { mappingChoices, type ColumnMapping, type HeaderReading } from '../../../policy/screening';
import type { ScreenPreview } from '../../api';

/** A header cell as the job keeps it (the preview shows it; a cell longer than this is cut). */
export const HEADER_TEXT_MAX = 200;

/** A column id (the screening table's: '名称', 'facts/m13.level', 'projects/m08.upgrade/0/investment'…) or null for 不使用. */
export const MappingSchema = v.array(v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(HEADER_TEXT_MAX))));

/** What `open` answers of a header reading. */
export function previewOf(reading: HeaderReading): ScreenPreview {
  const choices = mappingChoices(catalog2022).map((c) => ({ id: c.id, label: c.header }));
  // A column read as one beyond the choices (a template's second project, say) is offered too.
  for (const m of reading.matches) if (m.column && !choices.some((c) => c.id === m.column!.id)) choices.push({ id: m.column.id, label: m.column.header });
  return {
    columns: reading.matches.map((m) => ({
      index: m.index,
      header: m.header.slice(0, HEADER_TEXT_MAX),
      readAs: m.column?.id ?? null,
      how: m.how ?? null,
      ...(m.aside ? { note: m.aside } : {}),
    })),
    width: reading.mapping.length,
    entityAssumed: reading.entityAssumed,
    needsConfirmation: reading.needsConfirmation || reading.problem !== undefined,
    remembered: reading.matches.some((m) => m.how === 'remembered'),
    ...(reading.problem ? { problem: `${reading.problem}：请把其中一列改为「不使用」` } : {}),
    choices,
  };
}

/** The mapping rows are stored with while the person still confirms: of two columns read as one, the first (the rows are only stored, not screened). */
export function readOnce(mapping: ColumnMapping): ColumnMapping {
  const seen = new Set<string>();
  return mapping.map((id) => {
    if (id === null || seen.has(id)) return null;
    seen.add(id);
    return id;
  });
}
