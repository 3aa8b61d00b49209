/**
 * One translation of csv-parse's errors into Chinese (issue 23, item 4), used by the deadline import
 * (shared/cloud/deadline-input.ts) and the screening reader (shared/policy/screening/read-table.ts):
 * csvProblem (shared/policy/engine/csv-error.ts) says what is wrong and on which line of the file
 * (csv-parse's `lines`: the line it had reached, header = 1); each caller frames it for its page.
 * The errors in the table are csv-parse's own, thrown by the inputs beside them.
 */
import fs from 'fs';
import path from 'path';
import { parse, type Options } from 'csv-parse/sync';
import { csvProblem } from '../../../shared/policy/engine';
import { filesUnder } from '../../support/source-files';

function thrown(text: string, options: Options = {}): unknown {
  try {
    parse(text, options);
  } catch (err) {
    return err;
  }
  throw new Error(`csv-parse read ${JSON.stringify(text)}`);
}

const UNCLOSED = { fault: 'unclosedQuote', words: '有未闭合的引号' };
const NOT_CSV = { fault: 'notCsv', words: '不符合 CSV 格式' };

it.each([
  ['CSV_QUOTE_NOT_CLOSED on the first line', thrown('a,"b\n'), { ...UNCLOSED, line: 1 }],
  ['CSV_QUOTE_NOT_CLOSED at the end of a longer file (the line csv-parse reached)', thrown('x\ny\na,"b\nc'), { ...UNCLOSED, line: 4 }],
  ['CSV_QUOTE_NOT_CLOSED with quotes relaxed (as the deadline import reads)', thrown('a,b\n"c\n', { relax_quotes: true, relax_column_count: true }), { ...UNCLOSED, line: 2 }],
  ['CSV_INVALID_CLOSING_QUOTE', thrown('a,"b"c\n'), { ...NOT_CSV, line: 1 }],
  ['CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE', thrown('"a" b\n', { rtrim: true }), { ...NOT_CSV, line: 1 }],
  ['CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', thrown('a,b\nc\n'), { ...NOT_CSV, line: 2 }],
  ['CSV_MAX_RECORD_SIZE (the screening reader bounds a line: issue 27, item 4)', thrown('abcdef\n', { max_record_size: 3 }), { fault: 'longRecord', words: '一行过长', line: 1 }],
  ['an error that is not csv-parse’s', new Error('boom'), { ...NOT_CSV, line: undefined }],
  ['an error without a line', { code: 'CSV_QUOTE_NOT_CLOSED', lines: 0 }, { ...UNCLOSED, line: undefined }],
  ['nothing at all', undefined, { ...NOT_CSV, line: undefined }],
])('%s', (_case, err, problem) => {
  expect(csvProblem(err)).toEqual(problem);
});

/** Every .ts file under shared/, as paths from shared/. */
const sources = (dir: string) => filesUnder(dir, /\.ts$/);
const SHARED = path.join(__dirname, '../../../shared');

it.each(sources(SHARED).filter((f) => f !== 'policy/engine/csv-error.ts'))('%s leaves csv-parse’s error codes to csvProblem', (file) => {
  expect(fs.readFileSync(path.join(SHARED, file), 'utf8')).not.toMatch(/CSV_[A-Z_]{4,}/);
});
