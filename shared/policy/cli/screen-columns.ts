/**
 * npm run screen's reading of a park's own register (issue 27, item 2): the preview of how each
 * column is read (header-match.ts), the person's confirmation (--yes) or changes (--map
 * "列名=读作", repeatable; "列名=不使用" sets a column aside), and the confirmed mappings remembered
 * in a JSON file of the user's (mappingsFile: $POLICY_ABACUS_SCREEN_MAPPINGS, else
 * $XDG_CONFIG_HOME or ~/.config, policy-abacus/screen-mappings.json), keyed by the normalised header
 * row, so the next register with the same headers is read the same way without asking.
 * Exports columnsStep (a ColumnsStep: the choice screenFile asks with the header row, and what it said), parseMaps,
 * mappingsFile, readMappings and CONFIRM_EXIT.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { dirname, join } from 'path';
import * as v from 'valibot';
import { catalog2022, type Catalog } from '../engine';
import { columnById, headerKey, matchHeader, normHeader, NOT_USED, previewLines, type ColumnMapping } from '../screening';

/** The exit code of a run that stopped after the preview to be confirmed. */
export const CONFIRM_EXIT = 3;

/** Where confirmed mappings are kept. */
export function mappingsFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.POLICY_ABACUS_SCREEN_MAPPINGS) return env.POLICY_ABACUS_SCREEN_MAPPINGS;
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'policy-abacus', 'screen-mappings.json');
}

const StoredSchema = v.object({
  version: v.literal(1),
  mappings: v.record(v.string(), v.object({ header: v.array(v.string()), mapping: v.array(v.nullable(v.string())) })),
});
type Stored = v.InferOutput<typeof StoredSchema>;

/** The file's mappings; an absent or unreadable file is none (a damaged one is said, and written anew on the next confirmation). */
export function readMappings(path: string, warn?: (text: string) => void): Stored {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { version: 1, mappings: {} };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const r = v.safeParse(StoredSchema, json);
  if (r.success) return r.output;
  warn?.(`列对应的记录文件无法读取，已忽略：${path}\n`);
  return { version: 1, mappings: {} };
}

function remember(path: string, header: string[], mapping: ColumnMapping): void {
  const stored = readMappings(path);
  stored.mappings[headerKey(header)] = { header, mapping };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(stored, null, 2)}\n`);
  renameSync(tmp, path);
}

export interface MapPair {
  /** The register's header, as the person wrote it. */
  name: string;
  /** A column id, or null for 不使用. */
  id: string | null;
  /** The pair as given, for messages. */
  pair: string;
}

/** --map "列名=读作" values → pairs, or the first one that cannot be read (named). */
export function parseMaps(pairs: string[], catalog: Catalog = catalog2022): { ok: true; maps: MapPair[] } | { ok: false; message: string } {
  const maps: MapPair[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = at < 0 ? '' : pair.slice(0, at).trim();
    const target = at < 0 ? '' : pair.slice(at + 1).trim();
    if (at < 0 || name === '' || target === '') return { ok: false, message: `--map 应写成 "列名=读作"（如 "单位名称=名称"、"备注=${NOT_USED}"）：${pair}` };
    if (target === NOT_USED) {
      maps.push({ name, id: null, pair });
      continue;
    }
    const column = columnById(target, catalog);
    if (!column) return { ok: false, message: `--map "${pair}"：没有可读作「${target}」的列（写模板的列名，如「名称」「旗县区名称」「是否为中小企业」，或「${NOT_USED}」）` };
    maps.push({ name, id: column.id, pair });
  }
  return { ok: true, maps };
}

export interface ColumnsStep {
  /** Asked by screenFile with the header row: the mapping to read it with, or null to stop. */
  choice(header: string[]): ColumnMapping | null;
  /** After a run that screened: remembers what was confirmed now. */
  done(): void;
  /** Set when choice stopped: the exit code. */
  exit?: number;
}

/**
 * The columns of a register, as the CLI settles them: the template's own headers go on without a
 * word; otherwise the preview is printed, and a reading that needs confirmation stops (exit 3) unless
 * --yes or --map confirm it, or it was confirmed before for the same headers.
 */
export function columnsStep(io: { out(t: string): void; err(t: string): void }, opts: { yes: boolean; maps: MapPair[]; file?: string }, catalog: Catalog = catalog2022): ColumnsStep {
  let confirmed: { header: string[]; mapping: ColumnMapping } | undefined;
  const step: ColumnsStep = {
    choice(header) {
      const norm = header.map((h) => (h ?? '').split(/\r\n|\n|\r/).map(normHeader));
      const chosen = new Map<number, string | null>();
      for (const m of opts.maps) {
        const at = norm.flatMap((lines, i) => (lines.includes(normHeader(m.name)) ? [i] : []));
        if (at.length !== 1) {
          io.err(at.length === 0 ? `--map "${m.pair}"：名单的第 1 行（表头）没有「${m.name}」列\n` : `--map "${m.pair}"：名单有 ${at.length} 列都是「${m.name}」，无法判断指哪一列\n`);
          step.exit = 2;
          return null;
        }
        chosen.set(at[0], m.id);
      }
      const stored = opts.file ? readMappings(opts.file, io.err).mappings[headerKey(header)] : undefined;
      const reading = matchHeader(header, catalog, { ...(stored ? { remembered: stored.mapping } : {}), chosen });
      const remembered = reading.matches.some((m) => m.how === 'remembered');
      const plain = reading.matches.every((m) => m.how === 'template' || !m.column) && !reading.entityAssumed;
      if (!plain) io.out(`列的对应：\n${previewLines(reading).join('\n')}\n`);
      if (remembered) io.out('沿用上次确认的列对应。\n');
      if (reading.problem) {
        io.err(`${reading.problem}：请用 --map "列名=${NOT_USED}" 去掉其中一列\n`);
        step.exit = 1;
        return null;
      }
      if (reading.needsConfirmation && !opts.yes) {
        io.err(`请核对上面的列对应：加 --yes 按它测算；或用 --map "列名=读作" 改（可写多次，"列名=${NOT_USED}" 不用这一列）。确认后会记住，下次同样表头的名单不再询问。\n`);
        step.exit = CONFIRM_EXIT;
        return null;
      }
      if (!plain && !remembered) confirmed = { header, mapping: reading.mapping };
      else if (chosen.size > 0) confirmed = { header, mapping: reading.mapping };
      return reading.mapping;
    },
    done() {
      if (confirmed && opts.file) remember(opts.file, confirmed.header, confirmed.mapping);
    },
  };
  return step;
}
