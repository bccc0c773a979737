import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { StaffActor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { allPages } from '../common/pagination/keyset-page';
import { MiniSalonRequestsExportQuery } from './dto/mini-salon-requests-export.query';
import { miniSalonRequestStatusLabel } from './mini-salon-enums';
import { MiniSalonRequest } from './mini-salon-request.entity';
import { MiniSalonRequestsService } from './mini-salon-requests.service';
import { personColumns } from '../participants/person-csv-columns';

@Controller('exports')
export class MiniSalonRequestsExportController {
  constructor(private readonly requests: MiniSalonRequestsService) {}

  /** ミニサロン開催要望一覧 of the organisation, `?status=PENDING` as in `miniSalonRequests`. */
  @Get('mini-salon-requests.csv')
  @AllowStaff()
  async exportRequests(
    @CurrentActor() actor: StaffActor,
    @Query() { status }: MiniSalonRequestsExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const requests = await allPages((page) =>
      this.requests.list(actor, status ?? null, page, (request) => request),
    );
    const csv = toCsv<MiniSalonRequest>(
      [
        { header: '受付日時', value: (r) => r.createdAt },
        { header: '状態', value: (r) => miniSalonRequestStatusLabel(r) },
        { header: 'テーマ', value: (r) => r.theme },
        { header: '地域', value: (r) => r.area },
        { header: '希望時期（から）', value: (r) => r.preferredFrom },
        { header: '希望時期（まで）', value: (r) => r.preferredTo },
        { header: '参加見込み', value: (r) => r.expectedParticipants },
        // Who asked, with how to reach them for staff who phone or write back.
        ...personColumns<MiniSalonRequest>((r) => r.requestedBy, ['name', 'email', 'phone', 'company']),
        { header: 'グループ', value: (r) => r.groupName },
        { header: 'メッセージ', value: (r) => r.message },
        { header: '見送りの理由', value: (r) => r.declineReason },
        // Who accepted (開催決定) or declined (見送り) it, and when; empty while pending or withdrawn.
        { header: '対応者', value: (r) => r.decidedBy?.name },
        { header: '対応日時', value: (r) => r.decidedAt },
        { header: 'イベントID', value: (r) => r.eventId },
        { header: '要望ID', value: (r) => r.id },
      ],
      requests,
    );
    sendCsv(response, 'ミニサロン開催要望一覧.csv', csv);
  }
}
