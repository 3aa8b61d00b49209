/**
 * A part: the screening of one chunk of rows, as `chunk` stores it in the job's folder and `finish`
 * reads it back (UTF-8 JSON of the pipeline's ScreenPart). Exports encodePart and readPart, which
 * refuses anything that is not what chunk wrote.
 */
import * as v from 'valibot';
import type { ScreenPart } from '../../../policy/screening';
import type { HandlerContext } from '../../context';
import { CloudFailure } from '../../errors';
import { SCREEN_LOG } from './messages';

/** A part as chunk stores it (readPart reads it back). */
export function encodePart(part: ScreenPart): Buffer {
  return Buffer.from(JSON.stringify(part), 'utf8');
}

const SumSchema = v.object({ min: v.string(), max: v.string() });
/** A row's lines of 按措施名单 (ListedItem): the writer refuses an item the catalog lacks. */
const ListedSchema = v.object({ item: v.string(), might: v.optional(v.literal(true)), amount: v.string(), confirm: v.optional(v.string()) });
const PartSchema = v.object({
  from: v.number(),
  rows: v.number(),
  lines: v.array(v.object({ row: v.number(), name: v.string(), entity: v.string(), summary: v.looseObject({ listed: v.array(ListedSchema) }) })),
  refused: v.array(v.object({ row: v.number(), name: v.string(), messages: v.array(v.string()) })),
  totals: v.object({
    measures: v.array(
      v.object({ id: v.string(), qualifying: v.number(), awards: SumSchema, people: SumSchema, savings: SumSchema, setByDepartment: v.number(), needsInfo: v.number(), nearMiss: v.number() }),
    ),
  }),
});

export function readPart(ctx: HandlerContext, bytes: Uint8Array): ScreenPart {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    json = undefined;
  }
  if (!v.is(PartSchema, json)) {
    ctx.log.error(SCREEN_LOG.badPart);
    throw new CloudFailure('INTERNAL');
  }
  return json as unknown as ScreenPart;
}
