/**
 * A screening job's record and its states — uploading → screening → done, or deleting from any of
 * them: view (the job as its owner sees it), ownJob (the caller's own job, or one refusal),
 * saveIf (moves a job on only from the state it was read in), deleteJob (marked, then every file,
 * then the record) and ABANDONED_AFTER_MS.
 */
import { type ScreenJob, SCREEN_CHUNK_ROWS } from '../../api';
import type { FileStore, HandlerContext } from '../../context';
import { screenJobsRepo, type ScreenJobDoc } from '../../repos';
import { invalid } from '../common';
import { SCREEN_MESSAGES } from './messages';
import { field, JobIdSchema } from './schemas';
import { jobFiles, resultName } from './storage-paths';

/** An unfinished job untouched this long was abandoned (the page was killed): `list` deletes it. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** The job as its owner sees it: counts and names, nothing of the enterprises' figures. */
export function view(doc: ScreenJobDoc): ScreenJob {
  const done = doc.state === 'done';
  const chunksDone = done ? doc.chunks : doc.parts.length;
  return {
    jobId: doc._id,
    fileName: doc.fileName,
    state: doc.state,
    rows: doc.rows,
    screened: done ? doc.rows : Math.min(doc.rows, chunksDone * SCREEN_CHUNK_ROWS),
    refused: done ? doc.refused : doc.partRefused.reduce((a, b) => a + b, 0),
    chunks: doc.chunks,
    chunksDone,
    unknownColumns: doc.unknownColumns,
    createdAt: doc.createdAt,
    ...(done ? { resultName: resultName(doc.fileName) } : {}),
  };
}

/** The caller's job, or the same refusal whether it does not exist or is another's. */
export async function ownJob(ctx: HandlerContext, owner: string, rawId: unknown): Promise<ScreenJobDoc> {
  const jobId = field(JobIdSchema, rawId, 'jobId', SCREEN_MESSAGES.jobId);
  const doc = await screenJobsRepo(ctx.db).get(jobId);
  if (!doc || doc.owner !== owner) throw invalid('jobId', SCREEN_MESSAGES.gone);
  return doc;
}

/**
 * Marked first (a chunk or finish still running then fails its compare-and-set and removes what it
 * wrote itself), then every file, then the record — which stays, marked, if removing files fails,
 * and is swept again.
 */
export async function deleteJob(ctx: HandlerContext, files: FileStore, doc: ScreenJobDoc): Promise<void> {
  const repo = screenJobsRepo(ctx.db);
  await repo.update(doc._id, { state: 'deleting', updatedAt: ctx.now().toISOString() });
  await files.remove(jobFiles(doc));
  await repo.remove(doc._id);
}

/**
 * Saves `patch` if the job is still in `state`; false when it is not (deleted meanwhile). A store
 * may count an update that changes nothing as 0 (WeChat counts modified records): the job is read
 * again before it is taken for gone.
 */
export async function saveIf(ctx: HandlerContext, jobId: string, state: ScreenJobDoc['state'], patch: Partial<Omit<ScreenJobDoc, '_id'>>): Promise<boolean> {
  const repo = screenJobsRepo(ctx.db);
  if (await repo.updateIf(jobId, state, patch)) return true;
  return (await repo.get(jobId))?.state === state;
}
