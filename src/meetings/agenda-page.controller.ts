import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { ParticipantActor, Role } from '../auth/actor';
import { AppError } from '../common/errors/app-error';
import { sendLinkPage } from '../common/html/html-page';
import { isUuid } from '../common/validation/uuid';
import { EventMailContext, EventMailContexts } from '../mail/event-mail-context';
import { MailLocale } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { AgendaFeedLinks } from './agenda-feed-links';
import { agendaPage, AgendaPageNotice } from './agenda-page';
import { AgendaComparison, AgendaViews } from './agenda-views.service';
import { AgendaService } from './agenda.service';
import { profileNow } from '../participant-merge/merged-participants';
import { agendaListing } from './mail/meeting-emails.template';
import { MeetingErrorCode, MeetingErrors } from './meetings.errors';

const TEXTS = {
  ja: { error: '面談スケジュールを表示できません' },
  en: { error: 'We cannot show this meeting schedule' },
};

interface OpenedAgenda {
  locale: MailLocale;
  participantId: string;
  event: EventMailContext;
}

/**
 * The agenda page an agenda email links to (最新の面談スケジュールを見る): the participant's meetings
 * at the event as they stand, whenever it is opened, marked against what they last looked at. The
 * signed link is the credential, as for the calendar feed. GET only shows (a mail scanner fetching
 * the link marks nothing seen); the POST of 確認しました records the version the reader was shown.
 * The route names the event `:event`, not `:eventId`, so that the page, not InputValidationPipe's
 * JSON error, answers a malformed one.
 */
@Controller('my-agenda')
export class AgendaPageController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: AgendaFeedLinks,
    private readonly agenda: AgendaService,
    private readonly views: AgendaViews,
    private readonly contexts: EventMailContexts,
  ) {}

  @Get(':link/:event')
  @Public()
  async show(
    @Param('link') link: string,
    @Param('event') eventId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(request, response, link, eventId, (opened) => this.page(opened, null));
  }

  @Post(':link/:event')
  @Public()
  @HttpCode(200)
  async markSeen(
    @Param('link') link: string,
    @Param('event') eventId: string,
    @Body() form: { version?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(request, response, link, eventId, async (opened) => {
      const { snapshot } = await this.agenda.listing(this.dataSource.manager, opened.participantId, eventId);
      try {
        await this.views.markSeen(opened.participantId, eventId, snapshot, String(form?.version ?? ''));
      } catch (error) {
        if (error instanceof AppError && error.code === MeetingErrorCode.AGENDA_CHANGED)
          return this.page(opened, 'CHANGED_WHILE_READING');
        throw error;
      }
      return this.page(opened, 'SEEN');
    });
  }

  /** The page, or the error page, never cached: opened again on the day, it is the schedule as it stands. */
  private async send(
    request: Request,
    response: Response,
    link: string,
    eventId: string,
    render: (opened: OpenedAgenda) => Promise<{ title: string; body: string }>,
  ): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    await sendLinkPage(request, response, TEXTS, () => this.open(link, eventId), render);
  }

  /** Whose page it is and the event, in their language; an unknown link or event is one error. */
  private async open(link: string, eventId: string): Promise<OpenedAgenda> {
    const linked = this.links.verifyPage(link);
    if (!linked || !isUuid(eventId)) throw MeetingErrors.agendaLinkInvalid();
    // A link sent before the person's two profiles were merged shows the kept one's agenda: the
    // meetings went there with them.
    const { participantId } = await profileNow(this.dataSource.manager, linked);
    const participant = await this.dataSource.getRepository(Participant).findOneBy({ id: participantId });
    // An erased participant's page ends with them, as their feed does.
    if (!participant || participant.erasedAt) throw MeetingErrors.agendaLinkInvalid();
    const locale = languageOf(participant);
    // From here the link says whose it is: a refusal is in their language, not the browser's.
    const refused = () => MeetingErrors.agendaLinkInvalid().forReader(locale);
    // myAgenda's rule, and its answer for an event that is not there: a draft, or an invite-only
    // event they are not invited to, shows nothing of itself, not even its title.
    const actor: ParticipantActor = { kind: 'participant', participantId, role: Role.PARTICIPANT, locale };
    if (!(await this.agenda.mayOpen(this.dataSource.manager, actor, eventId))) throw refused();
    // Not behind an email's claim: the event as it is now, whatever the few seconds kept.
    const event = await this.contexts.current(this.dataSource.manager, eventId, locale);
    if (!event) throw refused();
    return { locale, participantId, event };
  }

  private async page(opened: OpenedAgenda, notice: AgendaPageNotice | null) {
    const { entries, unscheduled, snapshot } = await this.agenda.listing(
      this.dataSource.manager,
      opened.participantId,
      opened.event.id,
    );
    const comparison: AgendaComparison = await this.views.compare(
      opened.participantId,
      opened.event.id,
      snapshot,
    );
    return agendaPage({
      locale: opened.locale,
      event: opened.event,
      entries,
      ...agendaListing(unscheduled, comparison.changes, comparison.removedCounterparts),
      comparison,
      // Relative, so it holds behind a proxy that serves the service under a path.
      action: opened.event.id,
      feedUrl: this.links.url(opened.participantId),
      notice,
    });
  }
}
