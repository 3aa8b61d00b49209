/**
 * screen: 园区批量测算 — a park office's register (.xlsx or .csv, the screening template filled in)
 * screened in the cloud, with the same pipeline as `npm run screen` (shared/policy/screening/screen.ts),
 * in calls that each stay well within the function's timeout:
 *
 *   start  {fileName, size}  → a job, and the path in the caller's own folder to upload the file to
 *                              (`screen/<openid>/<jobId>/input.xlsx`); the caller's unfinished jobs
 *                              are deleted with their files.
 *   open   {jobId, fileID}   → the uploaded file (exactly the file id `start` worked out) has its
 *                              header read (readLayout) and is read once: its data rows are stored
 *                              SCREEN_CHUNK_ROWS to a file in the job's folder (row-files); a file
 *                              that cannot be screened is deleted at once, with the job.
 *   map    {jobId, mapping}  → a park's own register (issue 27, item 2): `open` answered a preview of
 *                              its columns and left the job `confirming`; the mapping the person
 *                              confirmed is stored on the job (compare-and-set: one of two at once)
 *                              and remembered for them (screenMappings), and the job screens.
 *   chunk  {jobId, index}    → data rows [index × SCREEN_CHUNK_ROWS, …), read from their own rows
 *                              file only, screened into a part (JSON: the 企业结果 lines, refused
 *                              rows, sums) in the job's folder. A job opened before rows were
 *                              stored (no rowFiles) reads them from the register, as it used to.
 *   finish {jobId}           → the parts merged into result.xlsx (the CLI's ResultWriter), uploaded
 *                              to the job's folder; the uploaded file, the rows and the parts are
 *                              deleted.
 *   list / link / delete     → the caller's results, a fresh link to one, deleting one (all files).
 *                              `list` (the page opening) also deletes the caller's unfinished jobs
 *                              untouched for ABANDONED_AFTER_MS: WeChat does not run a page's cleanup
 *                              when it kills the app, so a job left half-way is not kept until the
 *                              same person starts another.
 *   template {topics?, projects?} → the blank template (.xlsx) for the topics picked (none: every
 *                              topic) with `projects` slots per repeated item (default 1), written
 *                              from the catalog with its 说明 sheet, kept outside every user's
 *                              folder at a path of its own per choice (templatePath).
 *
 * A job deleted while one of its calls runs (the page closed): chunk, finish and open save with a
 * compare-and-set on the job's state, so a call that finds its job gone removes the file it has just
 * written and answers `gone`; deleting marks the job first and then removes every file the job can
 * have (all its predictable paths, not only those its record lists), so whichever comes first,
 * nothing is left in storage.
 *
 * Who: admins (the `admins` collection — the same rule as every admin page and deadlines' admin
 * actions); park staff are added there by an admin. A job belongs to the openid that started it
 * (WeChat's, never the request's): every action on a job checks its owner, and every file of it
 * lies under `screen/<owner>/`, so nobody reaches another's register or result.
 *
 * What is kept: the job record (file name, counts, file ids — no figures) and, once done, only the
 * result file, until its owner deletes it.
 *
 * This folder holds one concept per file: the handler (here), its messages, its request schemas,
 * where its files lie (storage-paths), how a part is stored (parts), how a chunk's rows are
 * stored (row-files) and the job's states
 * (job-state). Exports screen, and re-exports TEMPLATE_FILE_NAME, TEMPLATE_PATH, isTemplatePath, ownFolder,
 * ownsCloudPath, resultName, ABANDONED_AFTER_MS, SCREEN_MESSAGES and SCREEN_LOG for the local cloud
 * and the tests.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { catalog2022 } from '../../../policy/engine';
import {
  CODE_COLUMN,
  headerKey,
  matchHeader,
  readLayout,
  registerLayout,
  type HeaderReading,
  screenColumns, TEMPLATE_PROJECTS,
  sweepTempDirs,
  withTempDir,
  FUNCTION_LIMITS,
  type ScreenPart,
  screenPart,
  screenRows,
  splitRows,
  TableError,
  tableFormat,
  TooManyRows,
  writeResultFromParts,
  writeTemplateXlsx,
  type XlsxSheet,
} from '../../../policy/screening';
import { SCREEN_CHUNK_ROWS, SCREEN_MAX_FILE_BYTES, SCREEN_MAX_ROWS, type ScreenResponse } from '../../api';
import type { FileStore, HandlerContext } from '../../context';
import { CloudFailure } from '../../errors';
import type { Handler } from '../../handler';
import { screenJobsRepo, screenMappingId, screenMappingsRepo, type ScreenJobDoc } from '../../repos';
import { textFault } from '../../stored-text';
import { invalid, requireAction, requireAdmin } from '../common';
import { HEADER_TEXT_MAX, MappingSchema, previewOf, readOnce } from './columns';
import { ABANDONED_AFTER_MS, deleteJob, ownJob, saveIf, view } from './job-state';
import { SCREEN_LOG, SCREEN_MESSAGES } from './messages';
import { encodePart, readPart } from './parts';
import { encodeRows, readRows } from './row-files';
import { field, FileIdSchema, FileNameSchema, IndexSchema, JobIdSchema, ProjectsSchema, SizeSchema, TopicsSchema } from './schemas';
import { fileIdBeside, jobFolder, markerPath, partPath, resultPath, rowsPath, TEMPLATE_FILE_NAME, templatePath } from './storage-paths';

export { ABANDONED_AFTER_MS } from './job-state';
export { SCREEN_LOG, SCREEN_MESSAGES } from './messages';
export { isTemplatePath, ownFolder, ownsCloudPath, resultName, TEMPLATE_FILE_NAME, TEMPLATE_PATH } from './storage-paths';

const ACTIONS = ['template', 'start', 'open', 'map', 'chunk', 'finish', 'list', 'link', 'delete'] as const;

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;

/** Chunks of rows `open` stores at once while it reads on (each upload a separate storage call). */
const ROW_UPLOADS = 4;

function ok(data: ScreenResponse) {
  return { ok: true as const, data };
}

function filesOf(ctx: HandlerContext): FileStore {
  if (!ctx.files) {
    ctx.log.error(SCREEN_LOG.noFiles);
    throw new CloudFailure('INTERNAL');
  }
  return ctx.files;
}

/** A folder of its own under the function's /tmp for one call, removed afterwards (screening's temp-dir.ts). */
const withTmp = withTempDir;

/** The uploaded register, written to `dir` under its format's extension (the readers go by it). */
async function downloadInput(files: FileStore, doc: ScreenJobDoc, dir: string): Promise<string> {
  const bytes = await files.get(doc.inputFileID);
  if (!bytes) throw invalid('fileID', SCREEN_MESSAGES.uploadMissing);
  if (bytes.byteLength > SCREEN_MAX_FILE_BYTES) throw invalid('fileID', SCREEN_MESSAGES.tooBig);
  const file = path.join(dir, `input.${doc.format}`);
  await fsp.writeFile(file, bytes);
  return file;
}

async function urlOrGone(files: FileStore, fileID: string, message: string): Promise<string> {
  const url = await files.urlOf(fileID);
  if (url === null) throw invalid('jobId', message);
  return url;
}

/** A file the register could not be read as: its message, and the file and job are gone. */
async function refuseFile(ctx: HandlerContext, files: FileStore, doc: ScreenJobDoc, message: string): Promise<never> {
  await deleteJob(ctx, files, doc);
  throw invalid('fileID', message);
}

/** Chunk `index` from the rows `open` stored for it: no other row of the register is read. */
async function screenStoredRows(ctx: HandlerContext, files: FileStore, doc: ScreenJobDoc, index: number): Promise<ScreenPart> {
  const id = doc.rowFiles?.[index];
  const bytes = id ? await files.get(id) : null;
  if (!bytes) throw invalid('jobId', SCREEN_MESSAGES.partMissing);
  const stored = readRows(ctx, bytes);
  if (stored.from !== index * SCREEN_CHUNK_ROWS) {
    ctx.log.error(SCREEN_LOG.badRows, { index, from: stored.from });
    throw new CloudFailure('INTERNAL');
  }
  return screenRows(stored.from, stored.rows, registerLayout(stored.header, catalog2022, doc.fileName, doc.mapping), catalog2022);
}

export const screen: Handler<'screen'> = async (request, ctx) => {
  const action = requireAction(request.action, ACTIONS);
  const req = request as Record<string, unknown>;
  const owner = await requireAdmin(ctx, SCREEN_MESSAGES.forbidden);
  const files = filesOf(ctx);
  // What killed calls left in the function's /tmp (a register, a result) goes first: one readdir.
  sweepTempDirs();
  const repo = screenJobsRepo(ctx.db);
  const now = ctx.now().toISOString();

  switch (action) {
    case 'template': {
      const topics = req.topics === undefined ? undefined : field(TopicsSchema, req.topics, 'topics', SCREEN_MESSAGES.topics);
      const projects = req.projects === undefined ? TEMPLATE_PROJECTS : field(ProjectsSchema, req.projects, 'projects', SCREEN_MESSAGES.projects);
      const url = await withTmp(async (dir) => {
        const file = path.join(dir, 'template.xlsx');
        await writeTemplateXlsx(file, catalog2022, screenColumns(catalog2022, { topics, projects }));
        const { fileID } = await files.put(templatePath(topics, projects), await fsp.readFile(file), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const link = await files.urlOf(fileID);
        if (link === null) {
          ctx.log.error(SCREEN_LOG.noUrl, { fileID });
          throw new CloudFailure('INTERNAL');
        }
        return link;
      });
      return ok({ action: 'template', fileName: TEMPLATE_FILE_NAME, url });
    }

    case 'start': {
      const nameFault = typeof req.fileName === 'string' ? textFault(req.fileName) : null;
      if (nameFault) throw invalid('fileName', `「文件名」${nameFault}`);
      const fileName = field(FileNameSchema, req.fileName, 'fileName', SCREEN_MESSAGES.fileName);
      const size = field(SizeSchema, req.size, 'size', SCREEN_MESSAGES.size);
      if (size > SCREEN_MAX_FILE_BYTES) throw invalid('size', SCREEN_MESSAGES.tooBig);
      // An unfinished job of the caller's (a page closed half-way) goes now, with its files.
      for (const old of await repo.mine(owner)) if (old.state !== 'done') await deleteJob(ctx, files, old);
      const jobId = randomBytes(16).toString('hex');
      const format = tableFormat(fileName)!;
      // A marker (no figures) in the job's folder: its file id gives the register's before it is
      // uploaded, so a job abandoned between upload and open can still be deleted with its file.
      const marker = markerPath(owner, jobId);
      const { fileID: markerFileID } = await files.put(marker, Buffer.from(JSON.stringify({ jobId, createdAt: now }), 'utf8'), 'application/json');
      const inputPath = `${jobFolder(owner, jobId)}input.${format}`;
      const inputFileID = fileIdBeside(markerFileID, marker, inputPath);
      if (inputFileID === null) {
        ctx.log.error(SCREEN_LOG.foreignFileId, { markerFileID });
        throw new CloudFailure('INTERNAL');
      }
      const doc: ScreenJobDoc = {
        _id: jobId,
        owner,
        fileName,
        format,
        state: 'uploading',
        inputPath,
        inputFileID,
        markerFileID,
        rows: 0,
        chunks: 0,
        parts: [],
        partRefused: [],
        unknownColumns: [],
        resultFileID: '',
        refused: 0,
        createdAt: now,
        updatedAt: now,
      };
      await repo.add(doc);
      return ok({ action: 'start', job: view(doc), cloudPath: doc.inputPath });
    }

    case 'open': {
      const doc = await ownJob(ctx, owner, req.jobId);
      const fileID = field(FileIdSchema, req.fileID, 'fileID', SCREEN_MESSAGES.fileID);
      if (doc.state !== 'uploading') throw invalid('jobId', SCREEN_MESSAGES.notScreening);
      // The file the page uploaded to the path `start` gave: exactly the id `start` worked out (the
      // only file this job ever downloads or deletes as its register).
      if (fileID !== doc.inputFileID) throw invalid('fileID', SCREEN_MESSAGES.fileID);
      const sheet = req.sheet === undefined ? undefined : field(v.pipe(v.string(), v.minLength(1), v.maxLength(SHEET_NAME_MAX)), req.sheet, 'sheet', SCREEN_MESSAGES.sheet);
      let sheets: XlsxSheet[] = [];
      let sheetRead = '';
      let reading: HeaderReading | undefined;
      let readHeader: string[] = [];
      // The register is read here once, and each chunk's rows stored for its call (row-files).
      const rowFiles: string[] = [];
      // Stored while the register is read on, ROW_UPLOADS at most at once.
      const uploads: Promise<unknown>[] = [];
      let opened = false;
      try {
        let count: Awaited<ReturnType<typeof splitRows>>;
        try {
          count = await withTmp(async (dir) =>
            splitRows(
              await downloadInput(files, doc, dir),
              SCREEN_CHUNK_ROWS,
              async (index, rows, header) => {
                // Past the cap the rows are only counted: the job is refused with their number.
                if (index * SCREEN_CHUNK_ROWS >= SCREEN_MAX_ROWS) return;
                const upload = files.put(rowsPath(doc, index), encodeRows({ header, from: index * SCREEN_CHUNK_ROWS, rows }), 'application/json').then(({ fileID: rowsID }) => {
                  rowFiles[index] = rowsID;
                });
                upload.catch(() => undefined); // awaited below; a failure is thrown there
                uploads.push(upload);
                if (uploads.length >= ROW_UPLOADS) await uploads[uploads.length - ROW_UPLOADS];
              },
              catalog2022,
              doc.fileName,
              // How the columns are read: as the caller confirmed for the same headers before, else by
              // their header text; the person confirms a park's own columns before any row is screened.
              async (header) => {
                const stored = await screenMappingsRepo(ctx.db).get(screenMappingId(owner, headerKey(header)));
                reading = matchHeader(header, catalog2022, stored ? { remembered: stored.mapping } : {});
                readHeader = header;
                return readOnce(reading.mapping);
              },
              { limits: FUNCTION_LIMITS, sheet, onSheets: (all, read) => ((sheets = all), (sheetRead = read)) },
            ),
          );
        } catch (err) {
          if (err instanceof TooManyRows) return await refuseFile(ctx, files, doc, SCREEN_MESSAGES.tooManyRows(err.rows));
          if (err instanceof TableError) return await refuseFile(ctx, files, doc, err.message);
          if (err instanceof CloudFailure) await deleteJob(ctx, files, doc);
          throw err;
        }
        await Promise.all(uploads);
        if (count.rows === 0) return await refuseFile(ctx, files, doc, SCREEN_MESSAGES.noRows);
        if (count.rows > SCREEN_MAX_ROWS) return await refuseFile(ctx, files, doc, SCREEN_MESSAGES.tooManyRows(count.rows));
        const preview = previewOf(reading!);
        const patch = {
          state: preview.needsConfirmation ? ('confirming' as const) : ('screening' as const),
          rows: count.rows,
          chunks: Math.ceil(count.rows / SCREEN_CHUNK_ROWS),
          rowFiles,
          unknownColumns: count.unknownColumns.slice(0, 50),
          header: readHeader.map((h) => h.slice(0, HEADER_TEXT_MAX)),
          headerKey: reading!.key,
          mapping: reading!.mapping,
          updatedAt: now,
        };
        if (!(await saveIf(ctx, doc._id, 'uploading', patch))) throw invalid('jobId', SCREEN_MESSAGES.gone);
        opened = true;
        const visible = sheets.filter((s) => s.visible).map((s) => s.name);
        return ok({ action: 'open', job: view({ ...doc, ...patch }), ...(visible.length > 1 ? { sheets: visible, sheet: sheetRead } : {}), preview });
      } finally {
        // Refused, failed or deleted meanwhile: the rows stored so far go too (the record never got them).
        if (!opened) {
          await Promise.allSettled(uploads);
          const stored = rowFiles.filter((id) => id !== undefined);
          if (stored.length > 0) await files.remove(stored);
        }
      }
    }

    case 'map': {
      const doc = await ownJob(ctx, owner, req.jobId);
      if (doc.state === 'screening' || doc.state === 'done') throw invalid('jobId', SCREEN_MESSAGES.confirmedAlready);
      if (doc.state !== 'confirming' || !doc.header || !doc.headerKey) throw invalid('jobId', SCREEN_MESSAGES.notConfirming);
      const mapping = field(MappingSchema, req.mapping, 'mapping', SCREEN_MESSAGES.mapping);
      if (mapping.length !== doc.header.length) throw invalid('mapping', SCREEN_MESSAGES.mapping);
      const layout = readLayout(doc.header, catalog2022, mapping);
      if (!layout.ok) throw invalid('mapping', `${layout.message}：请把其中一列改为「不使用」`);
      const patch = { state: 'screening' as const, mapping, unknownColumns: layout.layout.unknown.slice(0, 50), updatedAt: now };
      // Compare-and-set: of two confirmations at once only one moves the job on (the other is refused).
      if (!(await saveIf(ctx, doc._id, 'confirming', patch))) throw invalid('jobId', SCREEN_MESSAGES.confirmedAlready);
      // Remembered for the caller: the next register with the same headers is read this way without asking.
      await screenMappingsRepo(ctx.db).put({ _id: screenMappingId(owner, doc.headerKey), owner, headerKey: doc.headerKey, mapping, updatedAt: now });
      return ok({ action: 'map', job: view({ ...doc, ...patch }) });
    }

    case 'chunk': {
      const doc = await ownJob(ctx, owner, req.jobId);
      if (doc.state !== 'screening') throw invalid('jobId', SCREEN_MESSAGES.notScreening);
      const index = field(IndexSchema, req.index, 'index', SCREEN_MESSAGES.index);
      // In order: the next chunk, or any chunk already done again (a call that timed out on the
      // page's side) — screened again and its part replaced, never counted twice.
      if (index >= doc.chunks || index > doc.parts.length) throw invalid('index', SCREEN_MESSAGES.index);
      const started = Date.now();
      let part: ScreenPart;
      try {
        part = doc.rowFiles ? await screenStoredRows(ctx, files, doc, index) : await withTmp(async (dir) => screenPart(await downloadInput(files, doc, dir), index * SCREEN_CHUNK_ROWS, SCREEN_CHUNK_ROWS, catalog2022, doc.fileName, doc.mapping, { limits: FUNCTION_LIMITS }));
      } catch (err) {
        if (err instanceof TableError) return refuseFile(ctx, files, doc, err.message);
        throw err;
      }
      const { fileID } = await files.put(partPath(doc, index), encodePart(part), 'application/json');
      // The whole arrays are saved (the store's patches replace top-level fields; no dotted paths).
      // Two calls at once (only a retried call and the next one can be: index ≤ parts.length) may
      // then save over each other, and one part's entry is lost: every saved array is still a
      // prefix of the parts with no gap, so the lost one is only ever missing at the end —
      // finish refuses (partsMissing) rather than write a result without its rows, and a chunk
      // call at chunksDone screens it again.
      const parts = [...doc.parts];
      const partRefused = [...doc.partRefused];
      parts[index] = fileID;
      partRefused[index] = part.refused.length;
      if (!(await saveIf(ctx, doc._id, 'screening', { parts, partRefused, updatedAt: now }))) {
        // Deleted while this chunk ran (the page closed): its part goes too.
        await files.remove([fileID]);
        throw invalid('jobId', SCREEN_MESSAGES.gone);
      }
      ctx.log.info('screen: chunk', { index, rows: part.rows, ms: Date.now() - started });
      return ok({ action: 'chunk', job: view({ ...doc, parts, partRefused }) });
    }

    case 'finish': {
      const doc = await ownJob(ctx, owner, req.jobId);
      if (doc.state === 'done') {
        return ok({ action: 'finish', job: view(doc), url: await urlOrGone(files, doc.resultFileID, SCREEN_MESSAGES.resultMissing) });
      }
      if (doc.state !== 'screening') throw invalid('jobId', SCREEN_MESSAGES.notScreening);
      if (doc.parts.length < doc.chunks) throw invalid('jobId', SCREEN_MESSAGES.partsMissing);
      const written = await withTmp(async (dir) => {
        const file = path.join(dir, 'result.xlsx');
        async function* parts(): AsyncGenerator<ScreenPart> {
          for (const id of doc.parts) {
            const bytes = await files.get(id);
            if (!bytes) throw invalid('jobId', SCREEN_MESSAGES.partMissing);
            yield readPart(ctx, bytes);
          }
        }
        const counts = await writeResultFromParts(file, parts(), catalog2022, { code: doc.mapping?.includes(CODE_COLUMN) ?? false });
        const { fileID } = await files.put(resultPath(doc), await fsp.readFile(file), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return { ...counts, fileID };
      });
      const rowFiles = doc.rowFiles ?? [];
      const patch = { state: 'done' as const, resultFileID: written.fileID, refused: written.refused, inputFileID: '', markerFileID: '', parts: [], partRefused: [], ...(doc.rowFiles ? { rowFiles: [] } : {}), updatedAt: now };
      if (!(await saveIf(ctx, doc._id, 'screening', patch))) {
        const latest = await repo.get(doc._id);
        // Another finish call saved the same result (same path) first: answer as it did.
        if (latest?.state === 'done') return ok({ action: 'finish', job: view(latest), url: await urlOrGone(files, latest.resultFileID, SCREEN_MESSAGES.resultMissing) });
        // Deleted while the result was written (the page closed): the result goes too.
        await files.remove([written.fileID]);
        throw invalid('jobId', SCREEN_MESSAGES.gone);
      }
      // Only the result stays: the register and the parts go now (should this fail, they are still
      // among the job's predictable paths, removed with the result).
      await files.remove([doc.markerFileID, doc.inputFileID, ...rowFiles, ...doc.parts]);
      const done = { ...doc, ...patch };
      return ok({ action: 'finish', job: view(done), url: await urlOrGone(files, written.fileID, SCREEN_MESSAGES.resultMissing) });
    }

    case 'list': {
      const mine = await repo.mine(owner);
      // The page opening: jobs of the caller's left half-way long ago (the app was killed) go now.
      const before = ctx.now().getTime() - ABANDONED_AFTER_MS;
      for (const d of mine) if (d.state !== 'done' && Date.parse(d.updatedAt) < before) await deleteJob(ctx, files, d);
      return ok({ action: 'list', jobs: mine.filter((d) => d.state === 'done').map(view) });
    }

    case 'link': {
      const doc = await ownJob(ctx, owner, req.jobId);
      if (doc.state !== 'done') throw invalid('jobId', SCREEN_MESSAGES.notDone);
      return ok({ action: 'link', job: view(doc), url: await urlOrGone(files, doc.resultFileID, SCREEN_MESSAGES.resultMissing) });
    }

    case 'delete': {
      const jobId = field(JobIdSchema, req.jobId, 'jobId', SCREEN_MESSAGES.jobId);
      const doc = await repo.get(jobId);
      if (!doc || doc.owner !== owner) return ok({ action: 'delete', removed: false });
      await deleteJob(ctx, files, doc);
      return ok({ action: 'delete', removed: true });
    }
  }
};
