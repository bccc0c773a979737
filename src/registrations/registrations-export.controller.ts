import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { cellsToCsv, CsvColumn, csvCells, excelText, sendCsv } from '../common/csv/csv-file';
import { jsicLabel } from '../common/japan/jsic';
import { allPages } from '../common/pagination/keyset-page';
import { EventsService } from '../events/events.service';
import { RegistrationsExportQuery } from './dto/registrations-export.query';
import { EVENT_ROLE_LABEL, REGISTRATION_STATUS_LABEL } from './registration-labels';
import { ListedRegistration, RegistrationsService } from './registrations.service';
import { emailOnRecord } from '../participants/participant-label';

@Controller('exports/events')
export class RegistrationsExportController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly events: EventsService,
  ) {}

  /**
   * 参加者名簿 of one event, for the reception desk and the report to the organising body;
   * `?status=REGISTERED` as the `registrations` query filters.
   */
  @Get(':eventId/registrations.csv')
  @AllowStaff()
  async exportRegistrations(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Query() { status }: RegistrationsExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const event = await this.events.getManaged(actor, eventId);
    const columns: CsvColumn<ListedRegistration>[] = [
      { header: '氏名', value: (r) => r.participant.name },
      { header: 'フリガナ', value: (r) => r.participant.furigana },
      // Today's company is whom staff call; the one they registered for is what the 年度's
      // 参加事業者数 counts, so the list still adds up to it after someone moves. Someone erased
      // has neither here: their seat keeps its company for the report only (a one-person
      // company's name says who they were).
      { header: '事業者名', value: (r) => r.participant.company?.name },
      { header: '登録時の事業者名', value: (r) => (r.participant.erasedAt ? null : r.company?.name) },
      // As participants.csv writes it (E 製造業), the letter the 業種 filters and reports use.
      {
        header: '業種',
        value: (r) => (r.participant.company?.industry ? jsicLabel(r.participant.company.industry) : ''),
      },
      { header: '所在地', value: (r) => r.participant.company?.municipality },
      { header: 'メールアドレス', value: (r) => emailOnRecord(r.participant) },
      { header: '電話番号', value: (r) => excelText(r.participant.phone) },
      { header: '状態', value: (r) => REGISTRATION_STATUS_LABEL[r.status] },
      { header: '役割', value: (r) => (r.role ? EVENT_ROLE_LABEL[r.role] : '') },
      // A booth numbered 1-12 or 012 stays so, instead of the date 1月12日 or the number 12.
      { header: 'ブース', value: (r) => excelText(r.booth) },
      { header: '申込日時', value: (r) => r.createdAt },
      { header: '参加登録日時', value: (r) => r.registeredAt },
      { header: 'キャンセル待ち登録日時', value: (r) => r.waitlistedAt },
      { header: '受付日時', value: (r) => r.checkedInAt },
      // Whom to call: an invitation that could not be emailed waits for an answer nobody asked for.
      {
        header: '招待メール',
        value: (r) =>
          r.invitationNotSent === null ? '' : r.invitationNotSent ? '送信できず' : '送信済・送信待ち',
      },
      // Names the person when the list comes back edited (updateRegistrationsFromCsv), whatever
      // happened to the address meanwhile.
      { header: '参加者ID', value: (r) => r.participantId },
    ];
    const rows = await allPages((page) =>
      this.registrations.listForEvent(actor, eventId, status, page, csvCells(columns)),
    );
    const csv = cellsToCsv(columns, rows);
    sendCsv(response, `${event.title}_参加者名簿.csv`, csv);
  }
}
