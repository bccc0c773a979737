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
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  response.send(csv);
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatTokyoDateTime(value);
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
