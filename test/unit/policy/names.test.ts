/**
 * One meaning per name (issue 23, item 2), read from the files themselves: `measure` is a catalog
 * record and the pictures' text-measuring callback is `measureText` (drawing.ts's MeasureText); a
 * result's `reasonCode` is one of the codes the engine gives, so a misspelt one fails the type check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ItemResult } from '../../../shared/policy/engine';

const ROOT = path.resolve(__dirname, '../../..');
const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Files that take a text-measuring callback. */
const MEASURING = [
  'shared/policy/pictures/drawing.ts',
  'shared/policy/pictures/poster.ts',
  'shared/policy/pictures/share-card.ts',
  'shared/policy/pictures/result-sheet.ts',
  'src/services/canvas.ts',
  'src/services/picture.ts',
];

describe('measure is a catalog record, measureText the callback that measures text', () => {
  it.each(MEASURING)('%s never calls its MeasureText `measure`', (file) => {
    expect(source(file).match(/\bmeasure\??: MeasureText\b/g) ?? []).toEqual([]);
  });
});

// The type check is the test: tsc reports this directive as unused when reasonCode takes any string.
// @ts-expect-error 'condtion' is not a reason code
const misspelt: ItemResult['reasonCode'] = 'condtion';

describe('reasonCode is a code the engine gives', () => {
  it('a misspelt code is refused by the type check (see the directive above)', () => {
    expect(misspelt).toBe('condtion');
  });
});
