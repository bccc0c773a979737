import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { AgendaFeedLinks } from '../agenda-feed-links';
import { AgendaService } from '../agenda.service';
import { cancelIcsAttachment } from './cancel-ics-attachment';
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
    private readonly links: AgendaFeedLinks,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const [entry] = await this.agenda.calendarEntries(manager, participant.id, {
      meetingIds: [message.params.meetingId],
      includeCancelled: true,
    });
    if (!entry?.cancelled) return null;
    const event = await this.contexts.get(manager, message.eventId ?? '', languageOf(participant));
    if (!event) return null;
    const locale = languageOf(participant);
    const recipient = { name: participant.name, email: participant.email };
    return {
      ...meetingCancelledEmail({
        locale,
        participantName: participant.name,
        event,
        entry,
        why: !message.params.leftBy
          ? undefined
          : message.params.leftBy === participant.id
            ? 'YOU_LEFT'
            : 'THEY_LEFT',
        pageUrl: this.links.pageUrl(participant.id, event.id),
      }),
      attachments: [
        cancelIcsAttachment({ locale, event, entries: [entry], recipient, mailFrom: this.config.MAIL_FROM }),
      ],
    };
  }
}
