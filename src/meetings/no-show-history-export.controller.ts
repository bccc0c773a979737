import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { Participant } from '../participants/participant.entity';
import { Meeting } from './meeting.entity';
import { MeetingsService } from './meetings.service';
import { personColumns } from '../participants/person-csv-columns';

type NoShowEntry = { meeting: Meeting; counterpart: Participant | null };

/** 面談不参加の履歴 of one participant across events, as `noShowHistory` lists it (staff only). */
@Controller('exports/participants')
export class NoShowHistoryExportController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get(':participantId/no-shows.csv')
  @AllowStaff()
  async exportNoShows(
    @CurrentActor() actor: Actor,
    @Param('participantId') participantId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { participant, entries } = await this.meetings.noShowHistory(actor, participantId);
    // The other side is left blank at another organisation's events (see noShowHistory).
    const csv = toCsv<NoShowEntry>(
      [
        { header: '面談日時', value: ({ meeting }) => meeting.startsAt },
        { header: 'イベント', value: ({ meeting }) => meeting.event.title },
        ...personColumns<NoShowEntry>(({ counterpart }) => counterpart, ['name', 'company'], {
          prefix: '相手の',
        }),
        { header: '面談ID', value: ({ meeting }) => meeting.id },
        { header: 'イベントID', value: ({ meeting }) => meeting.eventId },
      ],
      entries,
    );
    sendCsv(response, `${participant.name}_面談不参加の履歴.csv`, csv);
  }
}
