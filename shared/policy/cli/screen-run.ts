/**
 * npm run screen as a function (runScreen, its output through a ScreenIo; tests call it in-process):
 * returns the exit code. USAGE is its help, TEMPLATE_NAME the blank template's file name.
 *   npm run screen -- --template [--topics <主题,…>] [--measures <八,…>] [--projects <n>] [--out <dir>]
 *                                                    the blank template, .xlsx and .csv, for the chosen
 *                                                    topics (template-choice.ts; issue 27, item 1)
 *   npm run screen -- <file.xlsx|file.csv> [--out <result.xlsx>] [--workers <n>] [--sheet <name>]
 *   npm run screen -- --doc                          regenerates docs/screening.md
 * 0 done (refused rows included: they are in the result); 1 a file that cannot be read at all;
 * 2 bad arguments. Arguments through commander, the progress bar through cli-progress (only on a
 * terminal); one summary line at the end: rows, refused, seconds, rows/s; then the version that
 * made the figures (as the result's 企业结果 header records it). Rows are screened on --workers
 * threads (default: the machine's cores) while the main thread reads and writes, when the entry
 * names the built worker (ScreenIo.workerFile); the result is the same with any number.
 * A park's own register (issue 27, item 2): the columns' preview, and 3 when it needs confirming
 * (--yes, or --map "列名=读作"); confirmed mappings are remembered (screen-columns.ts).
 * An .xlsx is read from its first visible sheet, or the one --sheet names (a workbook with several
 * visible sheets says which one was read). Folders left in the temp folder by killed runs are swept
 * at the start (sweepTempDirs).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'fs';
import { availableParallelism } from 'os';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'path';
import { SingleBar } from 'cli-progress';
import { Command, CommanderError } from 'commander';
import { catalog2022, printable, versionStamp, versionText } from '../engine';
import { ColumnsUnconfirmed } from '../screening';
import { columnsStep, CONFIRM_EXIT, parseMaps, type ColumnsStep } from './screen-columns';
import { readTemplateChoice } from './template-choice';
import { screenColumns, screeningDoc, sweepTempDirs, TableError, tableFormat, screenFile, SHEETS, writeTableCsv, writeTemplateXlsx, type XlsxSheet } from '../screening';

export const TEMPLATE_NAME = '政策筛查模板';
export const USAGE = [
  '用法：npm run screen -- --template [--topics <主题,…>] [--measures <措施编号,…>] [--projects <项数>] [--out <目录>]',
  '      npm run screen -- <名单.xlsx|名单.csv> [--out <结果.xlsx>] [--workers <线程数>] [--sheet <工作表名称>]',
  '      npm run screen -- <名单> --yes | --map "列名=读作"（自己的名单：确认或改列的对应）',
  '      npm run screen -- --doc',
].join('\n');
/** Refusals printed on the terminal; the rest are in the result's 未能测算的行 sheet. */
const SHOWN_REFUSALS = 20;

export interface ScreenIo {
  out(text: string): void;
  err(text: string): void;
  /** Is stderr a terminal (progress bar)? */
  tty: boolean;
  /** Where relative paths start: the directory npm was run from (INIT_CWD), not the package root. */
  cwd: string;
  /** The docs/ folder of the repository (for --doc). */
  docsDir: string;
  /** Where confirmed column mappings are remembered (screen-columns.ts mappingsFile); without it, nothing is. */
  mappingsFile?: string;
  /** The built worker thread's file (screen-worker.js beside the bundle); without it every row is screened in this thread. */
  workerFile?: string;
}

interface Options {
  template?: boolean;
  doc?: boolean;
  out?: string;
  workers?: string;
  yes?: boolean;
  map?: string[];
  topics?: string;
  measures?: string;
  projects?: string;
  sheet?: string;
}

/** Commander's refusals, said in Chinese. */
function argumentMessage(e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted}`;
    case 'commander.excessArguments':
      return '只能给一个文件';
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 后面要写${quoted.startsWith('--workers') ? '线程数' : quoted.startsWith('--topics') ? '主题' : quoted.startsWith('--measures') ? '措施编号' : quoted.startsWith('--projects') ? '项数' : quoted.startsWith('--sheet') ? '工作表名称' : '路径'}`;
    default:
      return e.message.replace(/^error: /, '');
  }
}

function parseArgs(argv: string[], io: ScreenIo): { ok: true; file?: string; opts: Options } | { ok: false; code: number } {
  const program = new Command()
    .name('npm run screen --')
    .description('政策找企业：用一张表筛查名单上每家企业（园区）可以申请什么')
    .argument('[file]', '填好的名单（.xlsx 或 .csv）')
    .option('--template', '写出空白模板（.xlsx 和 .csv）')
    .option('--out <path>', '结果文件（.xlsx）；与 --template 一起时为输出目录')
    .option('--doc', '重新生成 docs/screening.md')
    .option('--topics <主题>', '模板只含这些主题的列（问卷的主题名，逗号分隔；默认全部）')
    .option('--measures <编号>', '模板只含这些措施的列（如 八,十四；可与 --topics 同用）')
    .option('--projects <n>', '模板里每种可填多项的条目留几组列（默认 1）')
    .option('--sheet <name>', '读取 .xlsx 里的哪个工作表（默认：第一个可见的工作表）')
    .option('--workers <n>', `测算线程数（默认为处理器核数 ${availableParallelism()}；1 为不另开线程）`)
    .option('--yes', '按预览的列对应测算自己的名单（并记住）')
    .option('--map <列名=读作>', '改一列的对应，可写多次；"列名=不使用" 不用这一列', (value: string, all: string[]) => [...all, value], [] as string[])
    .helpOption('-h, --help', '显示帮助')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError && e.code === 'commander.helpDisplayed') return { ok: false, code: 0 };
    io.err(`${e instanceof CommanderError ? argumentMessage(e) : String(e)}\n${USAGE}\n`);
    return { ok: false, code: 2 };
  }
  return { ok: true, file: program.args[0], opts: program.opts<Options>() };
}

const at = (io: ScreenIo, p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));

async function writeTemplate(io: ScreenIo, outDir: string, opts: Options): Promise<number> {
  const choice = readTemplateChoice(opts, catalog2022);
  if (!choice.ok) return usage(io, choice.message);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) return usage(io, `--out 应为目录：${outDir}`);
  mkdirSync(outDir, { recursive: true });
  const columns = screenColumns(catalog2022, choice.choice);
  const xlsx = join(outDir, `${TEMPLATE_NAME}.xlsx`);
  const csv = join(outDir, `${TEMPLATE_NAME}.csv`);
  await writeTemplateXlsx(xlsx, catalog2022, columns);
  await writeTableCsv(csv, columns);
  io.out(`已写出空白模板（${choice.said}，${columns.length} 列）：\n  ${xlsx}\n  ${csv}\n`);
  return 0;
}

function usage(io: ScreenIo, message: string): number {
  io.err(`${message}\n${USAGE}\n`);
  return 2;
}

/** The default result: beside the file, named after it. */
function defaultOut(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}-测算结果.xlsx`);
}

async function screen(io: ScreenIo, file: string, outArg: string | undefined, workers: number, sheet: string | undefined, columns?: ColumnsStep): Promise<number> {
  if (!tableFormat(file)) return usage(io, `只能读取 .xlsx 或 .csv 文件：${file}`);
  const out = outArg ? at(io, outArg) : defaultOut(file);
  if (!/\.xlsx$/i.test(out)) return usage(io, `结果文件应为 .xlsx：${out}`);
  if (!existsSync(dirname(out))) return usage(io, `结果文件的目录不存在：${dirname(out)}`);
  if (resolve(out) === resolve(file)) return usage(io, '结果文件不能与名单是同一个文件');
  const bar = io.tty ? new SingleBar({ format: '测算中 {bar} {percentage}% | {rows} 行', hideCursor: true, stream: process.stderr }) : undefined;
  bar?.start(1, 0, { rows: 0 });
  const started = performance.now();
  // Folders of earlier runs that were killed (the register's copies, spilled lists) go first.
  sweepTempDirs();
  let sheets: XlsxSheet[] = [];
  let read = '';
  try {
    const report = await screenFile(file, out, {
      read: { sheet, onSheets: (all, name) => ((sheets = all), (read = name)) },
      workers,
      workerFile: io.workerFile,
      ...(columns ? { mapping: (header: string[]) => columns.choice(header) } : {}),
      onProgress: (read, total, rows) => {
        if (bar && total > 0) {
          bar.setTotal(total);
          bar.update(read, { rows });
        }
      },
    });
    bar?.stop();
    columns?.done();
    const seconds = (performance.now() - started) / 1000;
    const others = sheets.filter((s) => s.visible && s.name !== read).map((s) => `「${printable(s.name)}」`);
    if (others.length > 0) io.err(`读取的是工作表「${printable(read)}」；还有 ${others.join('、')}，可用 --sheet <工作表名称> 选择\n`);
    if (report.unknownColumns.length > 0) io.err(`未识别的列（未使用）：${report.unknownColumns.map((c) => printable(c)).join('、')}\n`);
    const messages = report.refused.flatMap((r) => r.messages);
    for (const m of messages.slice(0, SHOWN_REFUSALS)) io.err(`${m}\n`);
    if (messages.length > SHOWN_REFUSALS) io.err(`……另有 ${messages.length - SHOWN_REFUSALS} 条，见结果文件的「${SHEETS.refused}」\n`);
    const rate = seconds > 0 ? Math.round(report.rows / seconds) : report.rows;
    io.out(`${report.rows} 行，拒绝 ${report.refused.length} 行，用时 ${seconds.toFixed(1)} 秒，每秒 ${rate} 行 → ${out}\n${versionText(versionStamp())}\n`);
    return 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof ColumnsUnconfirmed) return columns?.exit ?? CONFIRM_EXIT;
    if (e instanceof TableError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export async function runScreen(argv: string[], io: ScreenIo): Promise<number> {
  const parsed = parseArgs(argv, io);
  if (!parsed.ok) return parsed.code;
  const { file, opts } = parsed;
  const modes = [opts.template, opts.doc, file !== undefined].filter(Boolean).length;
  if (modes !== 1) return usage(io, modes === 0 ? '请给出名单文件，或 --template' : '--template、--doc 和名单文件只能选一个');
  if (opts.doc) {
    if (opts.out) return usage(io, '--doc 不接受 --out');
    const target = join(io.docsDir, 'screening.md');
    writeFileSync(target, screeningDoc(catalog2022));
    io.out(`wrote ${target}\n`);
    return 0;
  }
  if (opts.template) return writeTemplate(io, opts.out ? at(io, opts.out) : io.cwd, opts);
  if (opts.topics !== undefined || opts.measures !== undefined || opts.projects !== undefined) return usage(io, '--topics、--measures 和 --projects 只用于 --template');
  const workers = opts.workers === undefined ? availableParallelism() : Number(opts.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) return usage(io, `--workers 应为 1 到 64 之间的整数：${opts.workers}`);
  if (opts.sheet !== undefined && !/\.xlsx$/i.test(file!)) return usage(io, '--sheet 只用于 .xlsx 文件');
  const maps = parseMaps(opts.map ?? []);
  if (!maps.ok) return usage(io, maps.message);
  const columns = columnsStep(io, { yes: opts.yes ?? false, maps: maps.maps, ...(io.mappingsFile ? { file: io.mappingsFile } : {}) });
  return screen(io, at(io, file!), opts.out, workers, opts.sheet, columns);
}
