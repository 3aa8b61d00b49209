/**
 * builtAppVersion(dir): the app version a build put in (config/index.ts's defineConstants →
 * '0.1.0+1c6ede6' as a string literal in its code), read back from the build's JavaScript, so a
 * harness can run the cloud handlers with the same version — as a cloud deployed with that build
 * would answer. undefined when the build has none (built before versions existed).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '../..');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return jsFiles(p);
    return p.endsWith('.js') ? [p] : [];
  });
}

export function builtAppVersion(dir: string): string | undefined {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const literal = new RegExp(`["'](${version.replace(/\./g, '\\.')}\\+[0-9a-f]{7}(?:\\.dirty)?)["']`, 'g');
  const found = new Set<string>();
  for (const file of jsFiles(dir)) for (const m of readFileSync(file, 'utf8').matchAll(literal)) found.add(m[1]);
  if (found.size > 1) throw new Error(`${dir} holds more than one app version: ${[...found].join(', ')}`);
  return [...found][0];
}
