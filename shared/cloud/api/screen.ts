/**
 * The `screen` function's contract — 园区批量测算: a register (.xlsx / .csv) screened in the
 * cloud, in calls of SCREEN_CHUNK_ROWS rows (limits.ts): ScreenJob, ScreenColumn, ScreenPreview,
 * ScreenRequest and ScreenResponse.
 */
import type { TopicId } from '../../policy/engine';

/** One screening of one register, as its owner sees it (nothing of the enterprises' figures). */
export interface ScreenJob {
  jobId: string;
  /** The register's name as picked ('园区企业名单.xlsx'). */
  fileName: string;
  /**
   * uploading: waiting for the file; confirming: read, waiting for the person to confirm how its
   * columns are read (`map`); screening: rows being screened; done: the result file is written
   * (input and parts deleted); deleting: its files are being removed.
   */
  state: 'uploading' | 'confirming' | 'screening' | 'done' | 'deleting';
  /** Data rows (0 until the file is read). */
  rows: number;
  /** Rows screened so far (all of them once done). */
  screened: number;
  /** Rows refused so far (each with its reasons in the result's 未能测算的行). */
  refused: number;
  /** `chunk` calls needed, and done so far. */
  chunks: number;
  chunksDone: number;
  /** Headers left aside (not columns of the screening table). */
  unknownColumns: string[];
  createdAt: string;
  /** The result file (done only): its name for the chat or the download. */
  resultName?: string;
}

/** One column of a register as `open` read it (a park's own register; issue 27, item 2). */
export interface ScreenColumn {
  /** Position in the header row (from 0). */
  index: number;
  /** The header as written. */
  header: string;
  /** The column it is read as (an id of `choices`), or null: not used. */
  readAs: string | null;
  /** How: the template's own header, a register's word for it, as confirmed before, or as picked. */
  how: 'template' | 'synonym' | 'remembered' | 'chosen' | null;
  /** Why a header the screening knows is not read (是否专精特新…). */
  note?: string;
}

/** How `open` read a register's header row, to confirm or change (`map`). */
export interface ScreenPreview {
  columns: ScreenColumn[];
  /** Cells in the header row (empty ones too): the length of the mapping `map` takes. */
  width: number;
  /** No 主体类型 column: every row is read as 企业. */
  entityAssumed: boolean;
  /** The person confirms before any row is screened (the job waits in `confirming`). */
  needsConfirmation: boolean;
  /** Read as the same person confirmed for the same headers before. */
  remembered: boolean;
  /** Two columns read as one: one must be set aside before screening. */
  problem?: string;
  /** What a column may be read as (label: the screening table's column name); null is 不使用. */
  choices: { id: string; label: string }[];
}

export type ScreenRequest =
  /**
   * The blank template (.xlsx), written fresh from the catalog for the questionnaire's topics picked
   * (none: every topic) and `projects` slots per repeated item (default 1, up to MAX_ENTRIES).
   */
  | { action: 'template'; topics?: TopicId[]; projects?: number }
  /** A new job for a file about to be uploaded: answers where to upload it (the caller's own folder). Older unfinished jobs of the caller are deleted. */
  | { action: 'start'; fileName: string; size: number }
  /** The file is uploaded: read its header, count its rows (an .xlsx: its first visible sheet, or `sheet`). */
  | { action: 'open'; jobId: string; fileID: string; sheet?: string }
  /** The columns as the person confirmed them (a `choices` id or null per header position): the job then screens. */
  | { action: 'map'; jobId: string; mapping: (string | null)[] }
  /** Screen chunk `index` (rows [index × SCREEN_CHUNK_ROWS, …)). Chunks go in order; a chunk may be asked again. */
  | { action: 'chunk'; jobId: string; index: number }
  /** Every chunk done: write the result file, delete the uploaded file and the parts. */
  | { action: 'finish'; jobId: string }
  /** The caller's results, newest first. */
  | { action: 'list' }
  /** A fresh link to a job's result file (owner only). */
  | { action: 'link'; jobId: string }
  /** Deletes a job and every file of it (owner only). */
  | { action: 'delete'; jobId: string };

export type ScreenResponse =
  | { action: 'template'; fileName: string; url: string }
  | { action: 'start'; job: ScreenJob; cloudPath: string }
  /** `sheets`: an .xlsx's visible sheets, when it has several, and `sheet` the one read (the page offers the others). */
  | { action: 'open'; job: ScreenJob; sheets?: string[]; sheet?: string; preview?: ScreenPreview }
  | { action: 'map'; job: ScreenJob }
  | { action: 'chunk'; job: ScreenJob }
  | { action: 'finish'; job: ScreenJob; url: string }
  | { action: 'list'; jobs: ScreenJob[] }
  | { action: 'link'; job: ScreenJob; url: string }
  | { action: 'delete'; removed: boolean };
