/**
 * One `fill` for the `{name}` placeholders of the Chinese messages (issue 23, item 4): the schema's,
 * the JSON reader's and the file reader's messages all go through messages.ts's, and a value not
 * given leaves its placeholder as written — never the word "undefined" in front of a user.
 */
import fs from 'fs';
import path from 'path';
import { fill } from '../../../shared/policy/engine';
import { filesUnder } from '../../support/source-files';

it.each([
  ['one placeholder', '缺少必填字段「{field}」', { field: 'entity' }, '缺少必填字段「entity」'],
  ['a number', '最多填写 {max} 项', { max: 3 }, '最多填写 3 项'],
  ['the same placeholder twice', '单位是{unit}，请检查单位是否为{unit}', { unit: '万元' }, '单位是万元，请检查单位是否为万元'],
  ['two placeholders', '第 {line} 行第 {column} 列', { line: 2, column: 7 }, '第 2 行第 7 列'],
  ['a missing value', '「{label}」（{field}）', { field: 'facts' }, '「{label}」（facts）'],
  ['no values at all', '无法识别的「{word}」', {}, '无法识别的「{word}」'],
  ['an empty text', '「{found}」', { found: '' }, '「」'],
  ['braces that are no placeholder', '形如 {"facts": {…}}', {}, '形如 {"facts": {…}}'],
] as const)('fill: %s', (_case, template, values, out) => {
  expect(fill(template, values)).toBe(out);
});

/** Every .ts file under shared/, as paths from shared/. */
const sources = (dir: string) => filesUnder(dir, /\.ts$/);
const SHARED = path.join(__dirname, '../../../shared');

it.each(sources(SHARED).filter((f) => f !== 'policy/engine/messages.ts'))('%s fills placeholders with the one fill (messages.ts)', (file) => {
  expect(fs.readFileSync(path.join(SHARED, file), 'utf8')).not.toMatch(/function fill\b|const fill\s*=/);
});
