import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { formatTokyoDateTime } from '../time/tokyo-time';

/** A column of an export: its header (in Japanese) and the value of a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/**
 * CSV that Excel opens with Japanese intact: UTF-8 with a BOM, CRLF line ends, every field quoted
 * when needed: one written on several lines too (a memo, a meeting message), whatever ends its
 * lines, which the CSV writer alone quotes only for the CRLF it ends records with. Excel would
 * start a new row at a bare LF in an unquoted cell. `columns` gives the header and the order.
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  const cells = csvCells(columns);
  const records: string[][] = [];
  for (const row of rows) records.push(cells(row));
  return cellsToCsv(columns, records);
}

/**
 * A row as the cells the CSV writes. A large export maps each page of its list to cells as it is
 * read, so that what it keeps until the end is text, not entities (a meeting request holds both
 * people and their companies: 300,000 objects for 60,000 rows).
 */
export function csvCells<T>(columns: readonly CsvColumn<T>[]): (row: T) => string[] {
  return (row) => columns.map((column) => formatCell(column.value(row)));
}

/** The CSV of rows already turned into cells (csvCells), under the columns' headers. */
export function cellsToCsv(columns: readonly { header: string }[], rows: readonly string[][]): string {
  return (
    '\uFEFF' +
    stringify([columns.map((column) => column.header), ...rows], {
      record_delimiter: '\r\n',
      quoted_match: /[\r\n]/,
    })
  );
}

export function sendCsv(response: Response, filename: string, csv: string): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', contentDisposition(filename));
  response.send(csv);
}

/**
 * `attachment` with an ASCII fallback for old clients and the real name in `filename*` (RFC 6266).
 * The fallback is a quoted-string, so `"` and `\` must not reach it; `filename*` allows only
 * RFC 5987 attr-chars, and encodeURIComponent leaves `'()*` as they are.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * What a spreadsheet would read as the start of a formula (OWASP "CSV injection"), a line break
 * before one included (some readers drop it).
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;
/**
 * A phone number (+81 3-1234-5678) or a 法人番号: digits, spaces and - ( ) . only, which an
 * ExcelText keeps as text with `="…"` (nothing in it a spreadsheet could run).
 */
const ONLY_NUMBERS = /^[+-]?[\d\s\-().]+$/;

/**
 * A value Excel must show as written: a phone number (0312345678) or a 法人番号 (3013105001132),
 * which it would otherwise open as the numbers 312345678 and 3.01311E+12, or, starting with `+`,
 * as a formula. See formatCell.
 */
export class ExcelText {
  constructor(readonly value: unknown) {}
}

export const excelText = (value: unknown): ExcelText => new ExcelText(value);

/**
 * One cell as text. Text that someone typed (a name, a company, a meeting message, a memo) could
 * start a formula that runs in staff's Excel, so any text that starts like one gets a leading `'`
 * (OWASP's advice: a visible quote is better than a formula that runs). Digits are no exception:
 * Excel would work out a company called -1-1 as -2, and read +81 3-1234 as a formula. What
 * decides is the value's type, not its first character: a column of figures (counts, amounts,
 * scores) gives numbers, which stay numbers Excel can add up (a negative amount stays `-5000`);
 * a column of numbers that must stay as written (a phone number, a 法人番号) gives an ExcelText.
 *
 * A yes/no is はい / いいえ in every export, so a column gives the boolean as it is. The participant
 * import reads these words back (as it does 1/0), so an exported participant list stays importable.
 *
 * An ExcelText made only of digits, spaces and + - ( ) . is written as the formula `="0312345678"`:
 * the one way a CSV tells Excel to keep such a value as text (a leading `'` would show). Excel
 * saves the value again without it; unneutraliseCell reads it back when the file is imported as
 * it was exported.
 */
export function formatCell(value: unknown): string {
  if (value instanceof ExcelText) {
    const text = cellText(value.value);
    return text !== '' && ONLY_NUMBERS.test(text) ? `="${text}"` : neutralised(text);
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return neutralised(cellText(value));
}

/**
 * The value as the cell shows it, before anything keeps Excel from calculating it. Its lines end
 * with LF, as Excel ends the lines within a cell (a browser's textarea sends LF, a Windows form CRLF).
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatTokyoDateTime(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  return (Array.isArray(value) ? value.join('、') : String(value)).replace(/\r\n?/g, '\n');
}

function neutralised(text: string): string {
  return FORMULA_START.test(text) && text !== NOTHING ? `'${text}` : text;
}

/** A lone 「-」, what many write for "none": Excel shows it as it is, so it needs no quote. */
const NOTHING = '-';

/**
 * Undoes what formatCell did to a cell when a file this service wrote is imported again: the
 * neutralising `'`, and the `="…"` around a number kept as text.
 */
export function unneutraliseCell(text: string): string {
  const kept = /^="(.*)"$/.exec(text)?.[1];
  if (kept !== undefined && ONLY_NUMBERS.test(kept)) return kept;
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
