import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { cellsToCsv, CsvColumn, csvCells, excelText, sendCsv } from '../common/csv/csv-file';
import { allPages } from '../common/pagination/keyset-page';
import { EventsService } from '../events/events.service';
import { mailErrorLabel, mailTemplateLabel, skipReasonLabel } from './mail-labels';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_STATUS_LABEL, OutboxStatus } from './outbox-status';
import { EmailsExportQuery } from './dto/emails-export.query';
import { OutboxService } from './outbox.service';
import { personColumns } from '../participants/person-csv-columns';

@Controller('exports/events')
export class MailExportController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
  ) {}

  /**
   * メール送信状況 of one event: `?status=FAILED` for the ones to follow up by phone, `?batchId=…`
   * for one bulk send (as emailProgress names it). An unknown status is refused, not ignored.
   */
  @Get(':eventId/emails.csv')
  @AllowStaff()
  async exportEmails(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Query() { status, batchId }: EmailsExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const event = await this.events.getManaged(actor, eventId);
    const columns: CsvColumn<OutboxMessage>[] = [
      { header: '作成日時', value: (m) => m.createdAt },
      // To whom, by the names the other lists give a person and their company.
      ...personColumns<OutboxMessage>((m) => m.participant, ['name', 'company']),
      { header: 'メールアドレス', value: (m) => m.toAddress ?? m.participant?.email },
      // The ones that failed are followed up by phone.
      { header: '電話番号', value: (m) => excelText(m.participant?.phone) },
      { header: '種類', value: (m) => mailTemplateLabel(m.template) },
      { header: '状態', value: (m) => OUTBOX_STATUS_LABEL[m.status] },
      { header: '送信回数', value: (m) => m.attempts },
      { header: '送信日時', value: (m) => m.sentAt },
      {
        header: 'エラー・理由',
        value: (m) =>
          m.lastError
            ? mailErrorLabel(m.lastError, m.status !== OutboxStatus.FAILED)
            : m.skipReason
              ? skipReasonLabel(m.skipReason)
              : '',
      },
      { header: 'エラー詳細（システム管理者向け）', value: (m) => m.lastError },
      { header: '送信バッチID', value: (m) => m.batchId },
    ];
    const rows = await allPages((page) =>
      this.outbox.list(
        { eventId, status: status ?? null, batchId: batchId ?? null },
        page,
        csvCells(columns),
      ),
    );
    const csv = cellsToCsv(columns, rows);
    sendCsv(response, `${event.title}_メール送信状況.csv`, csv);
  }
}
