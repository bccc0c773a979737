import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { profileNow } from '../participant-merge/merged-participants';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { AgendaFeedLinks } from './agenda-feed-links';
import { AgendaService } from './agenda.service';
import { meetingsIcs } from './meeting-ics';

/**
 * A participant's private calendar feed: every published meeting at every event, cancelled ones
 * marked CANCELLED so subscribed calendars drop them. The signed file name is the credential.
 */
@Controller('agenda')
export class AgendaFeedController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feeds: AgendaFeedLinks,
    private readonly agenda: AgendaService,
  ) {}

  @Get(':file')
  @Public()
  async feed(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const linked = this.feeds.verify(file);
    if (!linked) throw new NotFoundException();
    // A calendar subscribed before the person's two profiles were merged follows the kept one,
    // where their meetings went.
    const { participantId } = await profileNow(this.dataSource.manager, linked);
    const participant = await this.dataSource.getRepository(Participant).findOneBy({ id: participantId });
    // An erased participant's feed ends with them.
    if (!participant || participant.erasedAt) throw new NotFoundException();
    const locale = languageOf(participant);
    const entries = await this.agenda.calendarEntries(this.dataSource.manager, participantId, {
      includeCancelled: true,
    });
    const ics = meetingsIcs({
      locale,
      calendarName: locale === 'en' ? 'Tsunagu meetings' : 'Tsunagu 面談スケジュール',
      method: 'PUBLISH',
      entries,
    });
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, max-age=300');
    response.send(ics);
  }
}
