import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { StaffActor } from '../../auth/actor';
import {
  MappedColumn as CsvColumn,
  mapCsvHeader,
  readCell,
  readCsvUpload,
} from '../../common/csv/csv-upload';
import { InputError } from '../../common/errors/app-error';
import { splitTags } from '../../common/japan/tags';
import { validationFailures } from '../../common/validation/validation-failures';
import { UpsertParticipantInput } from '../dto/upsert-participant.input';
import { sameName } from '../../common/japan/person-name';
import { movedAwayFrom } from '../moved-addresses';
import { existingNamesakes } from '../namesakes';
import { toParticipantRow } from '../participant-row';
import { upsertParticipants } from '../participant-store';
import { movedAwayMessage } from '../participants.errors';
import { ImportParticipantsArgs } from './import-participants.args';
import { MAX_POSSIBLE_DUPLICATES_LISTED, ParticipantImportResultModel } from './import-result.model';
import { ImportRowErrorModel } from './import-row-error.model';
import {
  isExportOnlyHeader,
  parseKind,
  parseLocale,
  parseYesNo,
  PARTICIPANT_COLUMNS,
  ParticipantCsvField,
} from './participant-csv-columns';

const REQUIRED: ParticipantCsvField[] = ['email', 'name', 'furigana'];
const TAG_FIELDS = new Set<ParticipantCsvField>(['offers', 'needs', 'themes', 'tags']);
const YES_NO_FIELDS = new Set<ParticipantCsvField>([
  'consentMatchmaking',
  'consentEmail',
  'consentContactSharing',
]);

type MappedColumn = CsvColumn<ParticipantCsvField>;

/** What a consent left at 「いいえ」 keeps from a new person, for the warning that says so. */
const CONSENT_WITHHELD: Record<'consentEmail' | 'consentMatchmaking' | 'consentContactSharing', string> = {
  consentEmail: '招待・ご案内のメールは送られません',
  consentMatchmaking: 'マッチング（おすすめ）の対象になりません',
  consentContactSharing: '面談が成立しても連絡先は相手に開示されません',
};

/**
 * Imports the participant lists staff keep in Excel. Valid rows are upserted by email in one
 * transaction; invalid rows are reported (row, field, message) and none of them is written.
 */
@Injectable()
export class ParticipantImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every row the file changes records `actor` as its 最終更新者. */
  async import(actor: StaffActor, input: ImportParticipantsArgs): Promise<ParticipantImportResultModel> {
    const { records, encoding, source } = readCsvUpload(input);
    const [header = [], ...dataRows] = records;
    const { columns, ignored } = this.mapHeader(header, source);

    const errors: ImportRowErrorModel[] = [];
    const valid: UpsertParticipantInput[] = [];
    const firstRowOfEmail = new Map<string, number>();
    for (const [index, cells] of dataRows.entries()) {
      const row = index + 2; // Excel's numbering: the header is row 1
      if (cells.every((cell) => cell.trim() === '')) continue;
      const { value, errors: rowErrors } = await this.readRow(cells, columns, row);
      if (rowErrors.length === 0 && value) {
        const email = value.email.trim().toLowerCase();
        const earlier = firstRowOfEmail.get(email);
        if (earlier !== undefined) {
          rowErrors.push(
            this.error(row, 'email', columns, `メールアドレスが ${earlier} 行目と重複しています`),
          );
        } else {
          firstRowOfEmail.set(email, row);
          valid.push(value);
        }
      }
      errors.push(...rowErrors);
    }

    // An old list imported again must not bring back, under the address they left, someone who
    // has moved: the row is reported instead.
    const moved = await movedAwayFrom(this.dataSource.manager, [...firstRowOfEmail.keys()]);
    const toWrite = valid.filter((value) => {
      const email = value.email.trim().toLowerCase();
      const away = moved.get(email);
      if (!away || !sameName(away.name, value.name)) return true;
      errors.push(this.error(firstRowOfEmail.get(email)!, 'email', columns, movedAwayMessage(email, away)));
      return false;
    });
    errors.sort((a, b) => a.row - b.row);

    const outcome = toWrite.length
      ? await this.dataSource.transaction((manager) =>
          upsertParticipants(manager, toWrite.map(toParticipantRow), { kind: 'staff', userId: actor.userId }),
        )
      : { created: 0, updated: 0, unchanged: 0, createdIds: [] };
    // Lists meet in one pool: someone new here may be in it already under another address.
    const namesakes = await existingNamesakes(this.dataSource.manager, outcome.createdIds);
    const possibleDuplicates = namesakes
      .map((namesake) => ({
        row: firstRowOfEmail.get(namesake.email)!,
        participantId: namesake.participantId,
        email: namesake.email,
        existingParticipantId: namesake.existingId,
        existingName: namesake.existingName,
        existingEmail: namesake.existingEmail,
      }))
      .sort((a, b) => a.row - b.row);
    return Object.assign(new ParticipantImportResultModel(), {
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      totalRows: dataRows.length,
      encoding,
      ignoredColumns: ignored,
      errors,
      possibleDuplicateCount: possibleDuplicates.length,
      possibleDuplicates: possibleDuplicates.slice(0, MAX_POSSIBLE_DUPLICATES_LISTED),
      warnings: this.consentWarnings(columns, outcome.created),
    });
  }

  private mapHeader(header: string[], source: string): { columns: MappedColumn[]; ignored: string[] } {
    const { columns, ignored } = mapCsvHeader(header, PARTICIPANT_COLUMNS, isExportOnlyHeader);
    const missing = REQUIRED.filter((field) => !columns.some((column) => column.field === field));
    if (missing.length > 0) {
      const names = missing.map(
        (field) => PARTICIPANT_COLUMNS.find((column) => column.field === field)!.headers[0],
      );
      throw new InputError(source, `必須の列がありません: ${names.join('、')}（1行目に見出しが必要です）`);
    }
    return { columns, ignored };
  }

  /**
   * A list kept without 同意 columns brings new people in as not having consented (the safe
   * reading: nobody is emailed or matched without a yes on record), which staff find out only
   * when an invitation reaches nobody. Said here, naming the column it looked for; people already
   * registered keep what they had, so only new ones are counted.
   */
  private consentWarnings(columns: MappedColumn[], created: number): string[] {
    if (created === 0) return [];
    return (Object.keys(CONSENT_WITHHELD) as (keyof typeof CONSENT_WITHHELD)[])
      .filter((field) => !columns.some((column) => column.field === field))
      .map((field) => {
        const header = PARTICIPANT_COLUMNS.find((column) => column.field === field)!.headers[0];
        return (
          `「${header}」の列がないため、新しく登録した ${created} 名の${header}を「いいえ」にしました（${CONSENT_WITHHELD[field]}）。` +
          `同意を得ている方は、「${header}」の列に「はい」と入れて取り込み直してください`
        );
      });
  }

  /** One spreadsheet row → a validated UpsertParticipantInput, or the reasons it is not one. */
  private async readRow(cells: string[], columns: MappedColumn[], row: number) {
    const errors: ImportRowErrorModel[] = [];
    const plain: Record<string, unknown> = {};
    const company: Record<string, unknown> = {};
    for (const column of columns) {
      const raw = readCell(cells, column);
      const converted = this.convert(column.field, raw);
      if (converted.error) {
        errors.push(this.error(row, column.field, columns, converted.error));
        continue;
      }
      if (column.field.startsWith('company.'))
        company[column.field.slice('company.'.length)] = converted.value;
      else plain[column.field] = converted.value;
    }
    const hasCompany = Object.values(company).some(
      (value) => value !== null && value !== undefined && value !== '',
    );
    if (columns.some((column) => column.field.startsWith('company.')))
      plain.company = hasCompany ? company : null;

    const input = plainToInstance(UpsertParticipantInput, plain);
    for (const [field, message] of validationFailures(await validate(input))) {
      if (errors.some((error) => error.field === field)) continue;
      const blank = field === 'email' && plain.email === '';
      errors.push(this.error(row, field, columns, blank ? 'メールアドレスが入力されていません' : message));
    }
    return { value: errors.length === 0 ? input : undefined, errors };
  }

  /** Cells are text; the input wants tags, booleans, numbers and codes. Empty means "none". */
  private convert(field: ParticipantCsvField, raw: string): { value?: unknown; error?: string } {
    if (TAG_FIELDS.has(field)) {
      const tags = splitTags(raw);
      // A blank cell means none; one of nothing but separators would empty the list unseen.
      if (raw !== '' && tags.length === 0)
        return { error: `「${raw}」には項目がありません。ない場合は空欄にしてください` };
      return { value: tags };
    }
    if (YES_NO_FIELDS.has(field)) {
      if (raw === '') return { value: false };
      const value = parseYesNo(raw);
      return value === undefined ? { error: `「${raw}」は はい/いいえ（1/0）で指定してください` } : { value };
    }
    if (field === 'kind') {
      if (raw === '') return { value: undefined };
      const value = parseKind(raw);
      return value ? { value } : { error: `参加者区分「${raw}」は認識できません` };
    }
    if (field === 'locale') {
      if (raw === '') return { value: undefined };
      const value = parseLocale(raw);
      return value ? { value } : { error: `言語「${raw}」は ja か en で指定してください` };
    }
    if (field === 'company.employees') {
      if (raw === '') return { value: null };
      const digits = raw.normalize('NFKC').replace(/[,人名\s]/gu, '');
      return /^\d+$/.test(digits)
        ? { value: Number(digits) }
        : { error: `従業員数「${raw}」は数字で入力してください` };
    }
    if (field === 'company.corporateNumber') {
      // Excel shows a 13-digit number it was not told is text as 1.23457E+12, and saves it so.
      if (/^\d(\.\d+)?e\+\d+$/i.test(raw))
        return {
          error: `法人番号「${raw}」が Excel で指数表記になっています。列の書式を「文字列」にして、13桁を入力し直してください`,
        };
      return { value: raw.normalize('NFKC').replace(/[\s-]/gu, '') || null };
    }
    if (field === 'offersText' || field === 'needsText' || field === 'company.description')
      return { value: raw };
    return { value: raw === '' ? (REQUIRED.includes(field) ? '' : null) : raw };
  }

  private error(row: number, field: string, columns: MappedColumn[], message: string): ImportRowErrorModel {
    const column = columns.find((candidate) => candidate.field === field)?.header ?? null;
    return Object.assign(new ImportRowErrorModel(), { row, field, column, message });
  }
}
