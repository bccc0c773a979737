import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { isUUID, validate } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../auth/actor';
import {
  MappedColumn as CsvColumn,
  mapCsvHeader,
  readCell,
  readCsvUpload,
} from '../../common/csv/csv-upload';
import { AppError, InputError } from '../../common/errors/app-error';
import { validationFailures } from '../../common/validation/validation-failures';
import { EventsService } from '../../events/events.service';
import { ImportRowErrorModel } from '../../participants/import/import-row-error.model';
import { sameBooth } from '../booth-label';
import { UpdateRegistrationInput } from '../dto/update-registration.input';
import { Registration } from '../registration.entity';
import { RegistrationChange, RegistrationsService } from '../registrations.service';
import {
  isRegistrationExportOnlyHeader,
  parseEventRole,
  REGISTRATION_COLUMNS,
  RegistrationCsvField,
  removesBooth,
} from './registration-csv-columns';
import { UpdateRegistrationsFromCsvArgs } from './update-registrations-from-csv.args';
import { RegistrationsCsvResultModel } from './registrations-csv-result.model';

type MappedColumn = CsvColumn<RegistrationCsvField>;

type EventRegistration = Registration & { email: string };

interface RowChange {
  row: number;
  /** The column that named the participant: where a fault of the registration itself is reported. */
  by: 'participantId' | 'email';
  registration: EventRegistration;
  change: RegistrationChange;
}

/** The file had faults: the transaction rolls back, and they are the answer. */
class FileRefused extends Error {
  constructor(readonly result: RegistrationsCsvResultModel) {
    super('refused');
  }
}

/**
 * 参加区分 and ブース of an event's registrations from the 出展者一覧 / 参加者一覧 staff keep in Excel,
 * one row per person. Each row is the updateRegistration staff would otherwise make: the same
 * input rules, and the same RegistrationsService.applyChange under the event's row lock (booths
 * normalised, one company per booth, no move under published booth meetings, unpublished ones taken
 * back). All or nothing: one
 * wrong row and no registration changes, every wrong row reported.
 */
@Injectable()
export class RegistrationsCsvService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
  ) {}

  async update(actor: Actor, args: UpdateRegistrationsFromCsvArgs): Promise<RegistrationsCsvResultModel> {
    // Who may act is answered before anything about the file.
    await this.events.getManaged(actor, args.eventId);
    const { records, encoding, source } = readCsvUpload(args);
    const [header = [], ...dataRows] = records;
    const { columns, ignored } = this.mapHeader(header, source);
    const result = Object.assign(new RegistrationsCsvResultModel(), {
      updated: 0,
      placementsRemoved: 0,
      unchanged: 0,
      totalRows: dataRows.length,
      encoding,
      ignoredColumns: ignored,
      errors: [] as ImportRowErrorModel[],
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.events.lockManaged(manager, actor, args.eventId);
        const { changes, errors } = await this.readRows(manager, args.eventId, dataRows, columns);
        await this.vacateMovedBooths(manager, changes);
        for (const { row, by, registration, change } of changes) {
          if (!asksForChange(registration, change)) {
            result.unchanged += 1;
            continue;
          }
          try {
            const { placementsRemoved } = await this.registrations.applyChange(manager, registration, change);
            result.updated += 1;
            result.placementsRemoved += placementsRemoved;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            const field = error.field === 'role' || error.field === 'booth' ? error.field : by;
            errors.push(rowError(row, field, columns, error.message));
          }
        }
        if (errors.length > 0) {
          errors.sort((a, b) => a.row - b.row);
          throw new FileRefused({ ...result, updated: 0, placementsRemoved: 0, unchanged: 0, errors });
        }
        return result;
      });
    } catch (error) {
      if (error instanceof FileRefused) return error.result;
      throw error;
    }
  }

  /**
   * A sheet is the floor plan as it should be, not a list of moves: two exhibitors trading booths
   * in one file is what staff mean. Every booth the file moves someone off is let go first, so
   * each row's booth is checked against the others' new places; a refused file rolls this back
   * with the rest. The rows keep their stored booth in memory, so applyChange still checks each
   * move (meetings published at the old booth keep it).
   */
  private async vacateMovedBooths(manager: EntityManager, changes: RowChange[]): Promise<void> {
    const moving = changes
      .filter(
        ({ registration, change }) =>
          change.booth !== undefined &&
          registration.booth !== null &&
          !sameBooth(change.booth, registration.booth),
      )
      .map(({ registration }) => registration.id);
    if (moving.length > 0) await manager.update(Registration, { id: In(moving) }, { booth: null });
  }

  private mapHeader(header: string[], source: string): { columns: MappedColumn[]; ignored: string[] } {
    const mapped = mapCsvHeader(header, REGISTRATION_COLUMNS, isRegistrationExportOnlyHeader);
    const has = (field: RegistrationCsvField) => mapped.columns.some((column) => column.field === field);
    if (!has('participantId') && !has('email'))
      throw new InputError(
        source,
        '参加者を示す列がありません: 参加者ID または メールアドレス（1行目に見出しが必要です）',
      );
    if (!has('role') && !has('booth'))
      throw new InputError(
        source,
        '設定する列がありません: 参加区分 または ブース（1行目に見出しが必要です）',
      );
    return mapped;
  }

  /** Each row's registration and what it asks to change, or the reasons it names neither. */
  private async readRows(
    manager: EntityManager,
    eventId: string,
    dataRows: string[][],
    columns: MappedColumn[],
  ): Promise<{ changes: RowChange[]; errors: ImportRowErrorModel[] }> {
    const emails: { participantId: string; email: string }[] = await manager.query(
      `SELECT r.participant_id AS "participantId", lower(p.email) AS email
         FROM registrations r JOIN participants p ON p.id = r.participant_id
        WHERE r.event_id = $1`,
      [eventId],
    );
    const emailOf = new Map(emails.map((row) => [row.participantId, row.email]));
    const registrations: EventRegistration[] = (await manager.findBy(Registration, { eventId })).map(
      (registration) => Object.assign(registration, { email: emailOf.get(registration.participantId) ?? '' }),
    );
    const byParticipant = new Map(
      registrations.map((registration) => [registration.participantId, registration]),
    );
    const byEmail = new Map(registrations.map((registration) => [registration.email, registration]));

    const changes: RowChange[] = [];
    const errors: ImportRowErrorModel[] = [];
    const firstRowOf = new Map<string, number>();
    const column = (field: RegistrationCsvField) => columns.find((candidate) => candidate.field === field);
    const cell = (cells: string[], field: RegistrationCsvField) => {
      const found = column(field);
      return found ? readCell(cells, found) : '';
    };
    const fail = (row: number, field: string, message: string) =>
      errors.push(rowError(row, field, columns, message));

    for (const [index, cells] of dataRows.entries()) {
      const row = index + 2; // Excel's numbering: the header is row 1
      if (cells.every((text) => text.trim() === '')) continue;
      const id = cell(cells, 'participantId');
      const email = cell(cells, 'email').normalize('NFKC').toLowerCase();
      const roleText = cell(cells, 'role');
      const boothText = cell(cells, 'booth');
      const faults = errors.length;

      let registration: EventRegistration | undefined;
      const by = id ? 'participantId' : 'email';
      if (id) {
        if (!isUUID(id)) fail(row, 'participantId', `参加者ID「${id}」の形式が正しくありません`);
        else if (!(registration = byParticipant.get(id)))
          fail(row, 'participantId', `参加者ID「${id}」の方はこのイベントに参加登録がありません`);
        else if (email && email !== registration.email)
          fail(row, 'email', `メールアドレス「${email}」は参加者ID「${id}」の方のアドレスと異なります`);
      } else if (email) {
        if (!(registration = byEmail.get(email)))
          fail(row, 'email', `メールアドレス「${email}」の方はこのイベントに参加登録がありません`);
      } else {
        fail(
          row,
          column('participantId') ? 'participantId' : 'email',
          '参加者ID またはメールアドレスを入力してください',
        );
      }

      const change: RegistrationChange = {};
      if (roleText) {
        const role = parseEventRole(roleText);
        if (role) change.role = role;
        else
          fail(
            row,
            'role',
            `参加区分「${roleText}」は認識できません（来場者・出展者・バイヤー・サプライヤー・登壇者のいずれか）`,
          );
      }
      if (boothText) {
        change.booth = removesBooth(boothText) ? null : boothText;
        // updateRegistration's own rules on the booth (its length).
        const input = plainToInstance(UpdateRegistrationInput, { booth: change.booth });
        for (const [field, message] of validationFailures(await validate(input))) fail(row, field, message);
      }

      if (registration) {
        const earlier = firstRowOf.get(registration.id);
        if (earlier !== undefined) fail(row, by, `${earlier} 行目と同じ参加者です`);
        else firstRowOf.set(registration.id, row);
      }
      if (registration && errors.length === faults) changes.push({ row, by, registration, change });
    }
    return { changes, errors };
  }
}

/** Whether the row asks for anything other than what is stored (blank cells keep it). */
function asksForChange(registration: Registration, change: RegistrationChange): boolean {
  const role = change.role ?? registration.role;
  return (
    role !== registration.role || (change.booth !== undefined && !sameBooth(change.booth, registration.booth))
  );
}

function rowError(row: number, field: string, columns: MappedColumn[], message: string): ImportRowErrorModel {
  const column = columns.find((candidate) => candidate.field === field)?.header ?? null;
  return Object.assign(new ImportRowErrorModel(), { row, field, column, message });
}
