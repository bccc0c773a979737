import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { agendaChanges, unchanged } from '../agenda-changes';
import { AgendaDeliveries } from '../agenda-deliveries.service';
import { AgendaFeedLinks } from '../agenda-feed-links';
import { AgendaService } from '../agenda.service';
import { meetingsIcs } from '../meeting-ics';
import { MeetingRequest } from '../meeting-request.entity';
import { toldOfAgreement } from '../told-of-agreement';
import { agendaEmail, agendaListing } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/**
 * A participant's agenda at an event as it stands when the email is sent — the agreed meetings
 * published without a slot listed apart (時間が未定の面談) — with every published meeting as a
 * VEVENT of a METHOD:PUBLISH calendar (stable UID, current SEQUENCE, so a later copy replaces the
 * entries): sent on publication, when a meeting moves, and when a freed slot is given to them. See
 * meetingsIcs for why PUBLISH and not REQUEST.
 *
 * Against the agenda the participant last received (AgendaDeliveries) it marks what changed:
 * 【変更】 with where and when it was, 【追加】, and the meetings gone (取り消しになった面談). An agenda
 * that would tell them nothing new is not sent: two quick moves queue two emails, and the first
 * one written already shows both. Sent also, with nothing else new, when agreements the reader was
 * told of became meetings at the venue (`nowAtVenue`, see WithoutSessionsListener).
 */
@Injectable()
export class AgendaComposer implements MailComposer {
  readonly template = MeetingMailTemplate.AGENDA;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly agenda: AgendaService,
    private readonly deliveries: AgendaDeliveries,
    private readonly feeds: AgendaFeedLinks,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const event = await this.contexts.get(manager, message.params.eventId, languageOf(participant));
    if (!event) return null;
    const { entries, unscheduled, snapshot } = await this.agenda.listing(manager, participant.id, event.id);
    const previous = await this.deliveries.lastReceived(manager, participant.id, event.id, message.id);
    const changes = await this.agenda.removedAtTheVenue(manager, agendaChanges(previous, snapshot));
    // Nothing on it: worth sending only to say what was called off since the one they hold.
    if (entries.length === 0 && unscheduled.length === 0 && !changes?.removed.length) return null;
    // Agreements made meetings at the venue as the event went back to having no 商談枠
    // (WithoutSessionsListener): news to whoever was told one was agreed, and so that a time would
    // follow; a 面談成立 not sent yet will say it is at the venue itself.
    const nowAtVenue = message.params.nowAtVenue?.split(',').filter(Boolean) ?? [];
    if (nowAtVenue.length > 0 && !(await this.toldOfAny(manager, participant.id, nowAtVenue))) return null;
    // Asked for again by staff (sendAgendaAgain), or a meeting now at the venue: sent even with
    // nothing new in it (the agenda's lines record who, not whether a time is to come).
    if (changes && unchanged(changes) && message.params.again !== 'true' && nowAtVenue.length === 0)
      return null;
    const counterparts = await this.deliveries.counterparts(
      manager,
      participant.id,
      changes?.removed.map((entry) => entry.requestId) ?? [],
    );
    const locale = languageOf(participant);
    const email = agendaEmail({
      locale,
      participantName: participant.name,
      event,
      entries,
      ...agendaListing(unscheduled, changes, counterparts),
      feedUrl: this.feeds.url(participant.id),
      pageUrl: this.feeds.pageUrl(participant.id, event.id),
    });
    await this.deliveries.record(manager, message.id, participant.id, event.id, snapshot);
    // Only meetings with a time go in the calendar; nothing to attach when none has one yet.
    if (entries.length === 0) return email;
    const ics = meetingsIcs({
      locale,
      calendarName: event.title,
      method: 'PUBLISH',
      entries,
    });
    return {
      ...email,
      attachments: [
        {
          filename: 'meetings.ics',
          content: ics,
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        },
      ],
    };
  }

  /** Whether the reader was told any of these requests was agreed (toldOfAgreement). */
  private async toldOfAny(
    manager: EntityManager,
    participantId: string,
    requestIds: string[],
  ): Promise<boolean> {
    const requests = await manager.find(MeetingRequest, {
      select: { id: true, eventId: true, toParticipantId: true, autoAccepted: true },
      where: { id: In(requestIds) },
    });
    for (const request of requests) if (await toldOfAgreement(manager, request, participantId)) return true;
    return false;
  }
}
