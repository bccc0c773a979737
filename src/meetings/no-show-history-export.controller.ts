import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import { Role } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { Meeting } from './meeting.entity';
import { MeetingsService } from './meetings.service';

/** 面談不参加の履歴 of one participant across events, as `noShowHistory` lists it (staff only). */
@Controller('exports/participants')
export class NoShowHistoryExportController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get(':participantId/no-shows.csv')
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF)
  async exportNoShows(
    @Param('participantId') participantId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { participant, meetings } = await this.meetings.noShowHistory(participantId);
    const other = (m: Meeting) => (m.participantAId === participantId ? m.participantB : m.participantA);
    const csv = toCsv<Meeting>(
      [
        { header: '面談日時', value: (m) => m.startsAt },
        { header: 'イベント', value: (m) => m.event.title },
        { header: '面談の相手', value: (m) => other(m).name },
        { header: '相手の事業者', value: (m) => other(m).company?.name },
        { header: '面談ID', value: (m) => m.id },
        { header: 'イベントID', value: (m) => m.eventId },
      ],
      meetings,
    );
    sendCsv(response, `${participant.name}_面談不参加の履歴.csv`, csv);
  }
}
