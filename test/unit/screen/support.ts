/**
 * Shared by the screening tests: a temporary folder, the personas as table rows, a row the engine
 * refuses (refusedRow), a screening run that keeps every screened row's result, and an item's
 * figures (what must match the engine).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { catalog2022, type EvaluateResult, factPath, type Profile } from '../../../shared/policy/engine';
import { screenColumns, type Column, profileRow, slotsNeeded, type CellValue, asksNothing, screenFile, type ScreenReport, type ScreenedRow, writeTable } from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE, QUICK_PATH, SMALL_SPECIALIZED } from '../../support/personas';

export const PERSONAS: Record<string, unknown> = { QUICK_PATH, LARGE_ENTERPRISE, SMALL_SPECIALIZED, INDUSTRIAL_PARK };

/** A fresh folder under the OS's temp dir, and a way to remove it. */
export function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'policy-abacus-screen-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Profiles written as rows through the table writer (.xlsx: amounts as number cells, as Excel keeps typed numbers). */
export async function writeProfiles(path: string, named: [string, Profile][], extra: CellValue[][] = []): Promise<Column[]> {
  const columns = screenColumns(catalog2022, Math.max(3, slotsNeeded(named.map(([, p]) => p))));
  const numbers = /\.xlsx$/.test(path);
  await writeTable(path, columns, [...named.map(([name, p]) => profileRow(name, p, columns, { numbers })), ...extra]);
  return columns;
}

/** A row the engine refuses (a negative 上云 cost), in the template's columns with `slots` projects per item. */
export function refusedRow(name: string, slots?: number): CellValue[] {
  const columns = screenColumns(catalog2022, slots);
  const out: CellValue[] = columns.map(() => '');
  out[0] = name;
  out[1] = '企业';
  out[columns.findIndex((c) => c.id === factPath('m14.cloudCost'))] = -3;
  return out;
}

export const personaProfiles = (): [string, Profile][] => Object.entries(PERSONAS).map(([k, p]) => [k, parsed(p)]);

/** screenFile, keeping each screened row. */
export async function screenKeeping(input: string, output: string): Promise<{ report: ScreenReport; screened: ScreenedRow[] }> {
  const screened: ScreenedRow[] = [];
  const report = await screenFile(input, output, { onRow: (r) => screened.push(r) });
  return { report, screened };
}

/**
 * The figures of a result: per item its status, kind and amount (and the amounts under each unsure
 * answer), and the totals. Items that ask nothing are left out: a profile's chosen topics decide
 * whether those are listed (a register has no topics), and none of them has a figure.
 */
export function figures(res: EvaluateResult) {
  const quiet = asksNothing(catalog2022);
  return {
    items: res.items
      .filter((r) => !quiet.has(r.id))
      .map((r) => ({ id: r.id, status: r.status, amountKind: r.amountKind, amount: r.amount, open: r.open, alternatives: r.alternatives.map((a) => [a.status, a.amount]) })),
    total: res.total,
    peopleTotal: res.peopleTotal,
    savings: res.savings,
    pending: res.pending,
  };
}
