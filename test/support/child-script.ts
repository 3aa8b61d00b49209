/**
 * childScript(entry): a test's child-process script (hostile-child.ts, the memory children) bundled
 * once per test file by esbuild into .cache/test-children/, packages left to node_modules, so each
 * spawned child starts in ~0.2 s of plain node instead of ~1.3 s of tsx compiling the sources
 * again — the screening tests spawn some 40 children, and CI has 15 minutes. The child measures
 * its own memory: a bundle also starts ~50 MB lighter than tsx, so ceilings are met with room.
 */
import { buildSync } from 'esbuild';
import { mkdirSync, renameSync } from 'fs';
import { basename, join } from 'path';

const root = join(__dirname, '../..');
const built = new Map<string, string>();

export function childScript(entry: string): string {
  let out = built.get(entry);
  if (!out) {
    const dir = join(root, '.cache/test-children');
    mkdirSync(dir, { recursive: true });
    out = join(dir, `${basename(entry, '.ts')}.js`);
    // Written beside and renamed: another test file building the same child at once never runs half a file.
    const partial = `${out}.${process.pid}.partial`;
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node18', format: 'cjs', packages: 'external', outfile: partial, logLevel: 'warning' });
    renameSync(partial, out);
    built.set(entry, out);
  }
  return out;
}
