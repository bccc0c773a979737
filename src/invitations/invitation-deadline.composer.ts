import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EventStatus } from '../events/event-enums';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { MeetingMailTemplate } from '../meetings/mail/meeting-mail-templates';
import { ComposedEmail } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { RegistrationStatus } from '../registrations/registration-enums';
import { Registration } from '../registrations/registration.entity';
import { invitationAnswerUrls } from './invitation-answer-urls';
import { invitationDeadlineEmail } from './invitation-deadline.template';

export const INVITATION_DEADLINE_TEMPLATE = 'invitation-deadline';

/**
 * 申込締切のお知らせ to one invitee (see InvitationDeadlineListener), told as the event is when the
 * email leaves, with new answer links. Nothing is sent once they have answered, or when the
 * deadline has changed again since (that change told them, in its own email or in a 日時変更 that
 * carries it) or has passed.
 */
@Injectable()
export class InvitationDeadlineComposer implements MailComposer {
  readonly template = INVITATION_DEADLINE_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({
    message,
    participant,
    unsubscribeUrl,
    manager,
    issueToken,
  }: ComposeInput): Promise<ComposedEmail | null> {
    const registration = await manager.findOneBy(Registration, { id: message.params.registrationId });
    if (registration?.status !== RegistrationStatus.INVITED) return null;
    const locale = languageOf(participant);
    const event = await this.contexts.get(manager, registration.eventId, locale);
    if (!event || ![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(event.status)) return null;
    const closesAt = event.registrationClosesAt ?? null;
    if ((closesAt?.toISOString() ?? '') !== (message.params.closesAt ?? '')) return null;
    // Moved away and back while this one waited: the later change's email says it.
    if (await this.laterOneWritten(manager, message)) return null;
    if (closesAt && closesAt.getTime() <= Date.now()) return null;
    if (event.endsAt.getTime() <= Date.now()) return null;
    return invitationDeadlineEmail({
      locale,
      participantName: participant.name,
      event,
      closesAt,
      wasClosesAt: message.params.wasClosesAt ? new Date(message.params.wasClosesAt) : null,
      ...invitationAnswerUrls(this.config.PUBLIC_URL, issueToken, registration.id, event.endsAt),
      unsubscribeUrl,
    });
  }

  /** A later change of the deadline told this invitee of it: its own email, or a 日時変更 carrying it. */
  private async laterOneWritten(manager: EntityManager, message: OutboxMessage): Promise<boolean> {
    // Compared in SQL: created_at has microseconds, a Date only milliseconds.
    const later: unknown[] = await manager.query(
      `SELECT 1 FROM outbox_messages o
        WHERE o.event_id = $1 AND o.params ->> 'registrationId' = $3
          AND (o.template = $2 OR (o.template = $4 AND o.params ? 'closesAt'))
          AND o.created_at > (SELECT created_at FROM outbox_messages WHERE id = $5)
        LIMIT 1`,
      [
        message.eventId,
        INVITATION_DEADLINE_TEMPLATE,
        message.params.registrationId,
        MeetingMailTemplate.EVENT_CHANGED,
        message.id,
      ],
    );
    return later.length > 0;
  }
}
