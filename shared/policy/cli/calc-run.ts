/**
 * The calc CLI as a function (run, so tests call it without a process, its output through an Io):
 * returns the exit code. 0 ok; 2 bad usage (USAGE is the help it prints), unreadable file, bad JSON
 * or invalid profile — always a Chinese message, never a stack.
 * The file is read by readProfile — the same reading as the local cloud's and the cloud functions'.
 * The result says which version made it, as the calculate function's reply does: --json gives the
 * reply's shape (the result and its `version`), the table ends with versionText's line.
 */
import { catalog2022, evaluate, readProfile, fileErrorMessage, versionStamp, versionText } from '../engine';
import { report } from './report';

export const USAGE = '用法：npm run calc -- <档案.json> [--json] [--stages] [--all]\n      npm run calc -- --list [--json]';

export interface Io {
  /** The file's bytes (read by readText); a string is taken as text already decoded. Throws Node's error (its code) when it cannot. */
  readFile(path: string): Uint8Array | string;
  out(text: string): void;
  err(text: string): void;
}

const KNOWN = new Set(['--json', '--list', '--stages', '--all', '--help']);

export function run(argv: string[], io: Io): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const files = argv.filter((a) => !a.startsWith('--'));
  const fail = (message: string) => {
    io.err(`${message}\n`);
    return 2;
  };
  for (const f of flags) if (!KNOWN.has(f)) return fail(`未知选项 ${f}\n${USAGE}`);
  if (flags.has('--help')) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (flags.has('--list')) {
    const rows = catalog2022.measures.flatMap((m) => m.items.map((i) => ({ id: i.id, measure: m.label, title: i.title, kind: i.kind })));
    io.out(flags.has('--json') ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((r) => `${r.id}\t${r.measure}\t${r.title}\t${r.kind}\n`).join(''));
    return 0;
  }
  if (files.length !== 1) return fail(USAGE);
  let bytes: Uint8Array | string;
  try {
    bytes = io.readFile(files[0]);
  } catch (err) {
    return fail(fileErrorMessage(err, files[0]));
  }
  const parsed = readProfile(bytes);
  if (!parsed.ok && parsed.stage === 'json') return fail(`文件不是有效的 JSON：${files[0]}\n  ${parsed.message}`);
  if (!parsed.ok) return fail(`档案有误：\n${parsed.issues.map((i) => `  ${i.field || '(档案)'}：${i.message}`).join('\n')}`);
  const res = evaluate(parsed.profile);
  const version = versionStamp();
  io.out(
    flags.has('--json')
      ? `${JSON.stringify({ ...res, version }, null, 2)}\n`
      : `${report(res, { all: flags.has('--all'), stages: flags.has('--stages') })}\n${versionText(version)}\n`,
  );
  return 0;
}
