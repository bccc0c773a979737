import { Injectable } from '@nestjs/common';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { agendaChanges, unchanged } from '../agenda-changes';
import { AgendaDeliveries } from '../agenda-deliveries.service';
import { AgendaFeedLinks } from '../agenda-feed-links';
import { AgendaService } from '../agenda.service';
import { meetingsIcs } from '../meeting-ics';
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
 * one written already shows both.
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
    // Asked for again by staff (sendAgendaAgain): sent even with nothing new in it.
    if (changes && unchanged(changes) && message.params.again !== 'true') return null;
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
}
