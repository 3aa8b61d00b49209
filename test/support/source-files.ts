/**
 * filesUnder: the files under a folder whose names match, as paths from `from` (the folder itself
 * unless given) — how the tests that read the source (one fill, one folding, one palette, one word)
 * list what they read.
 */
import fs from 'fs';
import path from 'path';

export function filesUnder(dir: string, name: RegExp, from = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, name, from) : name.test(e.name) ? [path.relative(from, p)] : [];
  });
}
