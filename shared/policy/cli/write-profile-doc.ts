/** npm run docs:profile — regenerates docs/profile.md from the catalog. */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { catalog2022 } from '../engine';
import { profileDoc } from './profile-doc';

const target = join(__dirname, '../../../docs/profile.md');
mkdirSync(join(target, '..'), { recursive: true });
writeFileSync(target, profileDoc(catalog2022));
process.stdout.write(`wrote ${target}\n`);
