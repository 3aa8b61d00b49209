/**
 * sheetRows(source, name): one sheet of an .xlsx (a path, or the bytes a fake storage holds) as its
 * rows of cell values, column A first — how the screening tests read back a result or template.
 */
import ExcelJS from 'exceljs';

export async function sheetRows(source: string | Uint8Array, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(Buffer.from(source) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}
