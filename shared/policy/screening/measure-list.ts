/**
 * The lines of 按措施名单 (issue 27, item 3: a list to act on), kept by MeasureList: per measure in
 * catalog order, the rows that can claim one of its items, then those that might once something is
 * confirmed — each row's ListedItems (row-result.ts), in file order. A register is screened in file
 * order, so the lines are spilled as they come to one file per measure and conclusion in a folder
 * of the caller's (a screening temp folder, temp-dir.ts) and read back in the list's order when the
 * sheet is written: memory does not grow with the rows (issue 27, item 5). A ListLine is one line
 * as the sheet shows it (write-result.ts writes it).
 */
import { appendFileSync, createReadStream, existsSync } from 'fs';
import { join } from 'path';
import { catalog2022, type Catalog, type Item, type Measure } from '../engine';
import type { ListedItem } from './row-result';

/** One line of 按措施名单: the measure and item, the row, and what the row's line of 企业结果 says of the item. */
export interface ListLine {
  measure: Measure;
  item: Item;
  row: number;
  name: string;
  code?: string;
  might: boolean;
  amount: string;
  confirm?: string;
}

/** Characters of spilled lines kept before they are appended to their files (a few MB at most). */
const FLUSH_CHARS = 1 << 20;

/** Bytes of a spilled file read at a time. */
const READ_BYTES = 1 << 16;

/** A spilled line: [row, name, code, item id, amount, confirm] (JSON, one per text line). */
type Spilled = [number, string, string | null, string, string, string | null];

export class MeasureList {
  private readonly items = new Map<string, { measure: number; item: Item }>();
  /** Per measure (catalog order) two buckets: can claim (2m), might (2m + 1). */
  private readonly pending: string[][];
  private pendingChars = 0;
  private withCode = false;

  constructor(
    private readonly dir: string,
    private readonly catalog: Catalog = catalog2022,
  ) {
    catalog.measures.forEach((m, i) => m.items.forEach((item) => this.items.set(item.id, { measure: i, item })));
    this.pending = catalog.measures.flatMap(() => [[], []]);
  }

  /** Does any line carry a 统一社会信用代码 (the sheet then has its column)? */
  get hasCode(): boolean {
    return this.withCode;
  }

  /** One screened row's listed items. An item the catalog lacks is an error, never dropped. */
  add(row: number, name: string, code: string | undefined, listed: ListedItem[]): void {
    if (code) this.withCode = true;
    for (const l of listed) {
      const found = this.items.get(l.item);
      if (!found) throw new Error(`measure list: unknown item ${l.item}`);
      const text = JSON.stringify([row, name, code ?? null, l.item, l.amount, l.confirm ?? null] satisfies Spilled);
      this.pending[found.measure * 2 + (l.might ? 1 : 0)].push(text);
      this.pendingChars += text.length;
    }
    if (this.pendingChars > FLUSH_CHARS) this.flush();
  }

  private file(bucket: number): string {
    return join(this.dir, `list-${bucket}.jsonl`);
  }

  private flush(): void {
    this.pending.forEach((lines, bucket) => {
      if (lines.length === 0) return;
      appendFileSync(this.file(bucket), `${lines.join('\n')}\n`, 'utf8');
      lines.length = 0;
    });
    this.pendingChars = 0;
  }

  /**
   * Every line, in the list's order (measures in catalog order, in each the rows that can claim, then
   * those that might), a batch per piece of a file read: the lines of one 64 KB piece at most, so
   * memory does not grow with the rows, and no wait per line (issue 24, item 3).
   */
  async *lines(): AsyncGenerator<ListLine[]> {
    this.flush();
    for (let bucket = 0; bucket < this.pending.length; bucket++) {
      const file = this.file(bucket);
      if (!existsSync(file)) continue;
      const measure = this.catalog.measures[bucket >> 1];
      const might = (bucket & 1) === 1;
      const input = createReadStream(file, { encoding: 'utf8', highWaterMark: READ_BYTES });
      // A spilled line cut at the end of a piece waits for the rest in the next.
      let cut = '';
      try {
        for await (const piece of input as AsyncIterable<string>) {
          const texts = (cut + piece).split('\n');
          cut = texts.pop()!;
          const batch: ListLine[] = [];
          for (const text of texts) {
            if (text === '') continue;
            const [row, name, code, id, amount, confirm] = JSON.parse(text) as Spilled;
            batch.push({ measure, item: this.items.get(id)!.item, row, name, ...(code !== null ? { code } : {}), might, amount, ...(confirm !== null ? { confirm } : {}) });
          }
          yield batch;
        }
      } finally {
        input.destroy();
      }
      // Every spilled line ends with its newline (flush).
      if (cut !== '') throw new Error(`measure list: ${file} ends inside a line`);
    }
  }
}
