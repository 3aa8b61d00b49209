/**
 * What csv-parse (csv.js.org/parse) throws, in Chinese (csvProblem): the one translation, for the
 * deadline import (shared/cloud/deadline-input.ts) and the screening reader (screening/read-table.ts).
 * It says what is wrong and the line of the file csv-parse had reached (its `lines`, the header is
 * line 1; for a quote never closed, where the file ends); each caller frames it for its page. Pure:
 * it reads only the error's code and lines, so it needs no csv-parse here.
 */

/** longRecord: a line past the reader's max_record_size (issue 27, item 4: a giant cell is never held whole). */
export type CsvFault = 'unclosedQuote' | 'longRecord' | 'notCsv';

export interface CsvProblem {
  fault: CsvFault;
  /** What is wrong, to follow a place: '有未闭合的引号', '不符合 CSV 格式'. */
  words: string;
  /** The file's line (header = 1), or undefined when the error names none. */
  line: number | undefined;
}

export const CSV_PROBLEM_WORDS: Record<CsvFault, string> = {
  unclosedQuote: '有未闭合的引号',
  longRecord: '一行过长',
  notCsv: '不符合 CSV 格式',
};

/** A csv-parse error (or anything thrown while parsing) as what is wrong and where. */
export function csvProblem(err: unknown): CsvProblem {
  const e = (err ?? {}) as { code?: unknown; lines?: unknown };
  const fault: CsvFault = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosedQuote' : e.code === 'CSV_MAX_RECORD_SIZE' ? 'longRecord' : 'notCsv';
  const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : undefined;
  return { fault, words: CSV_PROBLEM_WORDS[fault], line };
}
