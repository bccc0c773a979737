import { ArgsType, Field } from '@nestjs/graphql';
import { IsBase64, IsOptional, IsString, MaxLength } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors/app-error';
import { decodeText } from './decode-text';
import { unneutraliseCell } from './csv-file';

const MAX_FILE_CHARS = 20 * 1024 * 1024;

/**
 * A spreadsheet staff upload: the CSV as text (`csv`), or instead the file's bytes as Base64
 * (`fileBase64`, Shift_JIS allowed). Every import takes its file this way.
 */
@ArgsType()
export class CsvUploadArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILE_CHARS)
  csv?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBase64({}, { message: 'fileBase64 は Base64 で指定してください' })
  @MaxLength(MAX_FILE_CHARS)
  fileBase64?: string;
}

export interface CsvUpload {
  /** The header row first, as the file has it. */
  records: string[][];
  /** The encoding the file was read in. */
  encoding: string;
  /** The argument the file came in: its own faults (a missing column) are named on it. */
  source: 'csv' | 'fileBase64';
}

/** The rows of an uploaded file, decoded as Excel may have saved it (UTF-8, with BOM, Shift_JIS). */
export function readCsvUpload(input: CsvUploadArgs): CsvUpload {
  const { text, encoding } = readFile(input);
  const source = input.fileBase64 !== undefined ? 'fileBase64' : 'csv';
  const records = parseCsv(text, source);
  refuseNul(records, source);
  return { records, encoding, source };
}

/**
 * A NUL (U+0000) in a cell cannot be stored: the file is refused naming the row and column, as a
 * `csv` text with one is by InputValidationPipe, rather than the character quietly dropped from a
 * name or an address staff would then not recognise.
 */
function refuseNul(records: string[][], source: string): void {
  records.forEach((record, row) => {
    const column = record.findIndex((cell) => cell.includes('\u0000'));
    if (column < 0) return;
    const header = records[0]?.[column]?.split('\u0000').join('') || `${column + 1} 列目`;
    throw new InputError(
      source,
      `${row + 1} 行目の「${header}」に使えない文字（NUL, U+0000）が含まれています`,
    );
  });
}

function readFile(input: CsvUploadArgs): { text: string; encoding: string } {
  if (input.fileBase64 !== undefined && input.csv !== undefined) {
    throw new InputError('fileBase64', 'csv と fileBase64 はどちらか一方だけを指定してください');
  }
  if (input.fileBase64 !== undefined) {
    const bytes = Buffer.from(input.fileBase64, 'base64');
    if (isSpreadsheetFile(bytes))
      throw new InputError(
        'fileBase64',
        'Excel のファイル（.xlsx / .xls）のままでは読み込めません。Excel の「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」を選んで保存したファイルを読み込んでください',
      );
    return decodeText(bytes);
  }
  if (input.csv !== undefined) return { text: input.csv.replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
  throw new InputError('csv', 'csv か fileBase64 のどちらかを指定してください');
}

function parseCsv(text: string, source: string): string[][] {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(source, `CSV として読み取れません${line ? `（${line} 行目付近）` : ''}`);
  }
}

/** An .xlsx (a zip) or an old .xls (an OLE compound file), by their first bytes. */
function isSpreadsheetFile(bytes: Buffer): boolean {
  const zip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const ole = bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  return zip || ole;
}

/**
 * A header as staff may type it: full-width or half-width, with or without spaces, _ and -, in
 * any case, is one column.
 */
export const headerKey = (header: string): string =>
  header
    .normalize('NFKC')
    .replace(/[\s_-]+/gu, '')
    .toLowerCase();

/** A column an import reads: the field it fills and the header names staff use for it. */
export interface CsvColumnSpec<F extends string> {
  field: F;
  headers: readonly string[];
}

/** Where a field's column is in the file, under the header the file gave it. */
export interface MappedColumn<F extends string> {
  index: number;
  header: string;
  field: F;
}

/**
 * The header row read against the columns an import knows: the first column of each field is
 * used; a header that names none (and that `skip` does not leave out quietly) is ignored and
 * listed, so that staff see what the import did not read.
 */
export function mapCsvHeader<F extends string>(
  header: string[],
  specs: readonly CsvColumnSpec<F>[],
  skip: (header: string) => boolean = () => false,
): { columns: MappedColumn<F>[]; ignored: string[] } {
  const byKey = new Map<string, F>(
    specs.flatMap((spec) => spec.headers.map((name) => [headerKey(name), spec.field] as const)),
  );
  const columns: MappedColumn<F>[] = [];
  const ignored: string[] = [];
  header.forEach((name, index) => {
    const field = byKey.get(headerKey(name));
    if (field && !columns.some((column) => column.field === field))
      columns.push({ index, header: name, field });
    else if (name.trim() && !skip(name)) ignored.push(name);
  });
  return { columns, ignored };
}

/** A cell as staff meant it: trimmed, and as it was before an export of ours kept it from Excel. */
export function readCell(cells: string[], column: { index: number }): string {
  return unneutraliseCell((cells[column.index] ?? '').trim());
}
