import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { AgendaService } from '../agenda.service';
import { meetingsIcs } from '../meeting-ics';
import { meetingCancelledEmail } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/** One published meeting called off: METHOD:CANCEL with the meeting's UID and raised SEQUENCE. */
@Injectable()
export class MeetingCancelledComposer implements MailComposer {
  readonly template = MeetingMailTemplate.CANCELLED;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly agenda: AgendaService,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const [entry] = await this.agenda.calendarEntries(manager, participant.id, {
      meetingIds: [message.params.meetingId],
      includeCancelled: true,
    });
    if (!entry?.cancelled) return null;
    const event = await this.contexts.get(manager, message.eventId ?? '');
    if (!event) return null;
    const locale = participant.locale === 'en' ? 'en' : 'ja';
    const ics = meetingsIcs({
      locale,
      calendarName: event.title,
      method: 'CANCEL',
      entries: [entry],
      organizer: { name: event.organizer, email: senderAddress(this.config.MAIL_FROM) },
      attendee: { name: participant.name, email: participant.email },
    });
    return {
      ...meetingCancelledEmail({ locale, participantName: participant.name, event, entry }),
      attachments: [
        { filename: 'cancel.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=CANCEL' },
      ],
    };
  }
}

/** `Tsunagu <no-reply@tsunagu.local>` → `no-reply@tsunagu.local`. */
export function senderAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
