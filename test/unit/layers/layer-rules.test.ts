/**
 * shared/policy's layers are kept apart by lint (eslint.config.mjs, `importLayers`), not by habit:
 * each row is an import someone might write, in a file of some folder, and whether lint refuses it.
 * A refused row names the rule's message, so a rule that stops matching fails here.
 */
import { spawnSync } from 'child_process';
import path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

// ESLint loads eslint.config.mjs by a dynamic import, which jest's module system refuses: the rows
// are linted by one plain node process (ESLint's API, the project's config), once for the table.
const LINT = `
const { ESLint } = require('eslint');
const rows = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
Promise.all(rows.map(async ([file, line]) => {
  const [result] = await eslint.lintText(line + '\\nvoid x;\\n', { filePath: file });
  const hit = result.messages.find((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
  return hit ? hit.message : null;
})).then((out) => process.stdout.write(JSON.stringify(out)));
`;

function lintAll(rows: [string, string][]): (string | null)[] {
  const run = spawnSync(process.execPath, ['-e', LINT], { cwd: ROOT, input: JSON.stringify(rows), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`eslint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const UPWARD = 'may import only';
const DEEP = 'through its entry';
const NO_CLOUD = 'never imports shared/cloud';
const NO_FILES = 'Files are read and written only';
const NO_TEST = 'production code never imports them';
const NO_FILE_LAYERS = 'Pages never load the file-reading layers';
const BY_PATH = 'layers import each other by relative path';
const STATIC = 'imports statically';

const ROWS: [string, string, string, string | null][] = [
  // [who writes it, file, import line, what lint says (null: allowed)]
  ['the engine reaching up to what pages show', 'shared/policy/engine/evaluate.ts', "import { headline as x } from '../view';", UPWARD],
  ['a catalog file reaching up to the pictures', 'shared/policy/engine/catalog/section2.ts', "import { layoutPoster as x } from '../../pictures';", UPWARD],
  ['the engine reading a file', 'shared/policy/engine/schema.ts', "import { readFileSync as x } from 'fs';", NO_FILES],
  ['the engine loading exceljs', 'shared/policy/engine/kinds/fixed.ts', "import x from 'exceljs';", NO_FILES],
  ['the engine asking the cloud', 'shared/policy/engine/item.ts', "import { CONTRACTS as x } from '../../cloud/api';", NO_CLOUD],
  ['the view taking a file inside the engine', 'shared/policy/view/headline.ts', "import { idSafe as x } from '../engine/paths';", DEEP],
  ['the view using the engine through its entry', 'shared/policy/view/headline.ts', "import { idSafe as x } from '../engine';", null],
  ['the links loading the engine (the main package would carry the catalog)', 'shared/policy/links/routes.ts', "import { catalog2022 as x } from '../engine';", UPWARD],
  ['a picture reading the register', 'shared/policy/pictures/poster.ts', "import { screen as x } from '../screening';", UPWARD],
  ['a picture using the view', 'shared/policy/pictures/poster.ts', "import { headline as x } from '../view';", null],
  ['screening writing with exceljs', 'shared/policy/screening/write-result.ts', "import x from 'exceljs';", null],
  ['screening reaching up to the command line', 'shared/policy/screening/screen.ts', "import { run as x } from '../cli';", UPWARD],
  ['screening reading the cloud limits from shared/cloud', 'shared/policy/screening/doc.ts', "import { SCREEN_MAX_ROWS as x } from '../../cloud/api';", NO_CLOUD],
  ['the command line using screening', 'shared/policy/cli/screen-run.ts', "import { screen as x } from '../screening';", null],
  ['a page using the engine through its alias', 'src/pages/results/index.tsx', "import { evaluate as x } from '@policy/engine';", null],
  ['a page taking a file inside the engine', 'src/pages/results/index.tsx', "import { idSafe as x } from '@policy/engine/paths';", DEEP],
  ['a page loading the register reader', 'src/pages/admin/screen/index.tsx', "import { readRows as x } from '@policy/screening';", NO_FILE_LAYERS],
  ['a page importing a test fake', 'src/services/cloud.ts', "import { FakeDb as x } from '../../test/fakes/fake-wx-db';", NO_TEST],
  ['a cloud handler taking a file inside the engine', 'shared/cloud/handlers/calculate.ts', "import { parseProfile as x } from '../../policy/engine/schema';", DEEP],
  ['a cloud handler using the engine through its entry', 'shared/cloud/handlers/calculate.ts', "import { parseProfile as x } from '../../policy/engine';", null],
  // Ways round the rules a review found; each is refused too.
  ['the engine reaching up through the alias', 'shared/policy/engine/evaluate.ts', "import { headline as x } from '@policy/view';", BY_PATH],
  ['the engine reaching up by a dynamic import', 'shared/policy/engine/evaluate.ts', "const x = import('../view');", STATIC],
  ['the engine taking a type from above by import()', 'shared/policy/engine/evaluate.ts', "let x: import('../view').Snippet | undefined;", STATIC],
  ['a picture taking a file inside the view by ./../', 'shared/policy/pictures/poster.ts', "import { groupResults as x } from './../view/result-view';", DEEP],
  ['the view reading lines from a terminal', 'shared/policy/view/search.ts', "import { createInterface as x } from 'readline';", NO_FILES],
  ['the view writing CSV', 'shared/policy/view/browse.ts', "import { stringify as x } from 'csv-stringify';", NO_FILES],
  ['the view using a node: built-in', 'shared/policy/view/browse.ts', "import { Buffer as x } from 'node:buffer';", NO_FILES],
  ['a cloud handler taking a file inside the engine through the alias', 'shared/cloud/handlers/calculate.ts', "import { parseProfile as x } from '@policy/engine/schema';", DEEP],
  ['a cloud handler importing a test fake', 'shared/cloud/handlers/remind.ts', "import { FakeDb as x } from '../../../test/fakes/fake-wx-db';", NO_TEST],
];

let answers: (string | null)[] = [];
beforeAll(() => {
  answers = lintAll(ROWS.map(([, file, line]) => [file, line]));
});

describe.each(ROWS.map((row, index) => [...row, index] as const))('%s', (_who, _file, _line, expected, index) => {
  it(expected ? `is refused: …${expected}…` : 'is allowed', () => {
    const message = answers[index];
    if (expected) expect(message).toContain(expected);
    else expect(message).toBeNull();
  });
});
