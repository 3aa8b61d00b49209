/**
 * Where the screen function keeps files: every file of a job lies in its owner's own folder
 * (`screen/<openid>/<jobId>/`), the blank templates outside every user's folder. Exports
 * TEMPLATE_FILE_NAME, TEMPLATE_PATH, templatePath, isTemplatePath, ownFolder, ownsCloudPath, jobFolder, markerPath, partPath,
 * rowsPath, resultPath, fileIdBeside, fileIdOf, resultName and jobFiles (every file a job can have).
 */
import { TOPICS, type TopicId } from '../../../policy/engine';
import type { ScreenJobDoc } from '../../repos';

export const TEMPLATE_FILE_NAME = '政策筛查模板.xlsx';

/**
 * The template's place in storage (ASCII: the local store's names); written again on each ask.
 * Outside `screen/`, where every folder is a user's own (`screen/<openid>/`, and an openid may be
 * any id, 'template' too), so no user can upload over it.
 */
export const TEMPLATE_PATH = 'screen-template/screening-template.xlsx';

/**
 * The template of a choice (issue 27, item 1): every topic with one project per item at TEMPLATE_PATH,
 * any other choice beside it under a name made of the choice, so that two people downloading
 * different choices at the same time never get each other's file behind their link.
 */
export function templatePath(topics: readonly TopicId[] | undefined, projects: number): string {
  const picked = TOPICS.filter((t) => topics?.includes(t.id)).map((t) => t.id);
  if (picked.length === 0 && projects === 1) return TEMPLATE_PATH;
  return `screen-template/screening-template-${picked.length > 0 ? picked.join('-') : 'all'}-${projects}.xlsx`;
}

/** Is `cloudPath` one of the templates (the local cloud serves them as spreadsheets)? */
export function isTemplatePath(cloudPath: string): boolean {
  return cloudPath === TEMPLATE_PATH || /^screen-template\/screening-template-[a-zA-Z-]+-\d+\.xlsx$/.test(cloudPath);
}

/** The caller's own folder: every file of their jobs lies under it. */
export function ownFolder(openid: string): string {
  return `screen/${openid}/`;
}

/** Is `cloudPath` in the caller's own folder (the local upload route checks the same)? */
export function ownsCloudPath(openid: string, cloudPath: string): boolean {
  return cloudPath.startsWith(ownFolder(openid)) && !cloudPath.split('/').some((s) => s === '' || s.startsWith('.'));
}

export const jobFolder = (owner: string, jobId: string) => `${ownFolder(owner)}${jobId}/`;
export const markerPath = (owner: string, jobId: string) => `${jobFolder(owner, jobId)}job.json`;
export const partPath = (doc: ScreenJobDoc, index: number) => `${jobFolder(doc.owner, doc._id)}part-${String(index).padStart(4, '0')}.json`;
export const rowsPath = (doc: ScreenJobDoc, index: number) => `${jobFolder(doc.owner, doc._id)}rows-${String(index).padStart(4, '0')}.json`;
export const resultPath = (doc: ScreenJobDoc) => `${jobFolder(doc.owner, doc._id)}result.xlsx`;

/**
 * The file id of `cloudPath`, read off a known file's id and path: storage's ids are `<storage
 * prefix><cloudPath>` (WeChat: `cloud://<env>.<bucket>/<cloudPath>`). null when `knownId` is not that.
 */
export function fileIdBeside(knownId: string, knownPath: string, cloudPath: string): string | null {
  return knownId !== '' && knownId.endsWith(knownPath) ? `${knownId.slice(0, knownId.length - knownPath.length)}${cloudPath}` : null;
}

/**
 * The file id of a path in the job's folder, beside a file id the record holds (the marker's until
 * the result is written, then the result's). null when it holds none.
 */
export function fileIdOf(doc: ScreenJobDoc, cloudPath: string): string | null {
  return fileIdBeside(doc.markerFileID, markerPath(doc.owner, doc._id), cloudPath) ?? fileIdBeside(doc.resultFileID, resultPath(doc), cloudPath);
}

/** The result's name for a chat or a download: the register's name with 测算结果. */
export function resultName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|csv)$/i, '')}-测算结果.xlsx`;
}

/**
 * Every file a job can have: those its record lists, and every path its calls write to (a call that
 * ran while the job was being deleted may have written one its record never got).
 */
export function jobFiles(doc: ScreenJobDoc): string[] {
  const paths = [markerPath(doc.owner, doc._id), doc.inputPath, resultPath(doc)];
  const rowFiles = doc.rowFiles ?? [];
  for (let i = 0; i < Math.max(doc.chunks, doc.parts.length, rowFiles.length); i++) paths.push(partPath(doc, i), rowsPath(doc, i));
  const predicted = paths.map((p) => fileIdOf(doc, p)).filter((id): id is string => id !== null);
  return [...new Set([doc.markerFileID, doc.inputFileID, ...doc.parts, ...rowFiles, doc.resultFileID, ...predicted].filter((id) => id !== ''))];
}
