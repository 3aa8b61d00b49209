/**
 * One palette (issue 23, item 4): the drawing code's COLORS (shared/policy/pictures/drawing.ts) are
 * the app's colours. The styles hold them once, in src/components/styles/_tokens.scss, and every
 * value there — and every colour a page hands WeChat (app.config's bars, a modal's confirmColor) —
 * is a COLORS value, so a poster, a page and its bars cannot drift apart again ($color-warn-soft was
 * #fff4dc in the tokens and #fff7e0 in the policy pages' theme).
 */
import fs from 'fs';
import path from 'path';
import { COLORS } from '../../../shared/policy/pictures';
import { filesUnder } from '../../support/source-files';

const SRC = path.join(__dirname, '../../../src');
const TOKENS = 'components/styles/_tokens.scss';

const read = (file: string) => fs.readFileSync(path.join(SRC, file), 'utf8');

/** The SCSS name of a COLORS key: primaryDark → primary-dark; background is $color-bg, line $color-border. */
const SCSS_NAMES: Record<string, string> = { bg: 'background', border: 'line' };
const colourKey = (scss: string) => SCSS_NAMES[scss] ?? scss.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const scss = filesUnder(SRC, /\.scss$/);
const definitions = scss.flatMap((file) => [...read(file).matchAll(/^\s*\$color-([a-z-]+)\s*:\s*([^;]+);/gm)].map((m) => [file, m[1], m[2].trim()] as const));

it.each(definitions)('%s: $color-%s (%s) is the drawing code’s colour of that name', (_file, name, value) => {
  expect(value.toLowerCase()).toBe((COLORS as Record<string, string>)[colourKey(name)]);
});

it.each(scss.filter((f) => f !== TOKENS))('%s defines no colour of its own (it uses the tokens)', (file) => {
  expect(read(file)).not.toMatch(/^\s*\$color-[a-z-]+\s*:/m);
});

const literals = filesUnder(SRC, /\.tsx?$/).flatMap((file) => [...read(file).matchAll(/['"](#[0-9a-fA-F]{3,8})['"]/g)].map((m) => [file, m[1]] as const));

it.each(literals)('%s: the colour %s is one of the palette’s', (_file, hex) => {
  expect(Object.values(COLORS)).toContain(hex.toLowerCase());
});

/**
 * A colour written out in an SCSS rule is a colour the tests above cannot see: #8a5a00 in the result
 * card was $color-warn by value only, and nine colours were in no palette at all. So outside the
 * tokens a rule names its colour by token — a tint by rgba($color-…, alpha). Black with an alpha
 * (rgba(0, 0, 0, x): a shadow or a photo viewer's scrim) is allowed: it darkens whatever lies below
 * and is no colour of the palette.
 */
const COLOUR_LITERAL = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\((?=\s*[\d.])(?!\s*0\s*,\s*0\s*,\s*0\s*[,)])[^)]*\)/g;

it.each(scss.filter((f) => f !== TOKENS))('%s writes no colour literal (it names the token)', (file) => {
  expect(read(file).match(COLOUR_LITERAL) ?? []).toEqual([]);
});
