import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { formatTokyoDateTime } from '../time/tokyo-time';

/**
 * CSV that Excel opens with Japanese intact: UTF-8 with a BOM, CRLF line ends, every field quoted
 * when needed. `columns` gives the header (in Japanese) and the order.
 */
export function toCsv<T>(
  columns: { header: string; value: (row: T) => unknown }[],
  rows: Iterable<T>,
): string {
  const records = [columns.map((column) => column.header)];
  for (const row of rows) records.push(columns.map((column) => formatCell(column.value(row))));
  return '\uFEFF' + stringify(records, { record_delimiter: '\r\n' });
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

/** What a spreadsheet would read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A phone number (+81 3-1234-5678) or a plain signed number: digits, spaces and - ( ) . only, so
 * nothing a spreadsheet could run, and a `'` would stay in it as a literal character.
 */
const ONLY_NUMBERS = /^[+-]?[\d\s\-().]+$/;

/**
 * One cell as text. Text that a participant typed (a name, a meeting message, a survey comment)
 * could start a formula that runs in staff's Excel, so such text gets a leading `'` and is read as
 * text (OWASP's advice: a visible quote is better than a formula that runs). Numbers are numbers the exporter wrote (a negative amount stays `-5000`), so
 * the decision is made on the value's type, not on its first character.
 *
 * A yes/no is はい / いいえ in every export, so a column gives the boolean as it is. The participant
 * import reads these words back (as it does 1/0), so an exported participant list stays importable.
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatTokyoDateTime(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  const text = Array.isArray(value) ? value.join('、') : String(value);
  return FORMULA_START.test(text) && !ONLY_NUMBERS.test(text) ? `'${text}` : text;
}

/** Undoes formatCell's neutralising `'` when a file this service wrote is imported again. */
export function unneutraliseCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
