/**
 * The screen function's request fields (valibot: each refusal names its field in Chinese): the
 * schemas FileNameSchema, SizeSchema, JobIdSchema, IndexSchema, FileIdSchema, the template's
 * TopicsSchema and ProjectsSchema (issue 27, item 1), and field(), which reads one field or refuses
 * it with the field's name.
 */
import * as v from 'valibot';
import { MAX_ENTRIES, TOPICS } from '../../../policy/engine';
import { textFault } from '../../stored-text';
import { invalid } from '../common';

const JOB_ID_RE = /^[0-9a-f]{32}$/;
const MAX_FILE_NAME = 100;

export const FileNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_FILE_NAME), v.regex(/\.(xlsx|csv)$/i), v.check((s) => !/[\\/]/.test(s) && textFault(s) === null));
export const SizeSchema = v.pipe(v.number(), v.integer(), v.minValue(1));
export const JobIdSchema = v.pipe(v.string(), v.regex(JOB_ID_RE));
export const IndexSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
export const FileIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
/** The questionnaire's topics a template is for (each at most once). */
export const TopicsSchema = v.pipe(v.array(v.picklist(TOPICS.map((t) => t.id))), v.maxLength(TOPICS.length), v.check((ts) => new Set(ts).size === ts.length));
/** Project slots per repeated item in a template. */
export const ProjectsSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ENTRIES));

export function field<T>(schema: v.GenericSchema<unknown, T>, value: unknown, name: string, message: string): T {
  const r = v.safeParse(schema, value);
  if (!r.success) throw invalid(name, message);
  return r.output;
}
