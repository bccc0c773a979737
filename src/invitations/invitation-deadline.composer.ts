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
import { shownBefore, shownBeforeSql } from './deadlines-told';
import { deadlineShown } from '../mail/email-shown';
import { deadlineNews } from './deadline-news';

export const INVITATION_DEADLINE_TEMPLATE = 'invitation-deadline';

/**
 * 申込締切のお知らせ to one invitee (see InvitationDeadlineListener), told as the event is when the
 * email leaves, with new answer links. Nothing is sent once they have answered, or when the
 * deadline has changed again since (that change told them, in its own email or in a 日時変更 that
 * carries it) or has passed, or when it is no news as against the one they were last shown (the
 * same one, say: see deadlinesTold and deadlineNews).
 *
 * 変更前 is the deadline they were last shown as the email leaves, not the one the edit replaced:
 * while it waited, a later edit may have moved the deadline to one they never received and back.
 * Shown none (their invitation said the links work until the event ends): no 変更前. While an
 * earlier email to them is still being sent, what they were shown is not known yet: it waits
 * (EarlierEmailInFlight).
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
    const { laterOneWritten, shown } = await this.history(manager, message);
    // Moved away and back while this one waited: the later change's email says it.
    if (laterOneWritten) return null;
    if (closesAt && closesAt.getTime() <= Date.now()) return null;
    if (event.endsAt.getTime() <= Date.now()) return null;
    // None recorded (their emails went out before emails recorded it): the one the edit replaced.
    const was =
      shown === undefined
        ? message.params.wasClosesAt
          ? new Date(message.params.wasClosesAt)
          : null
        : shown;
    // Shown it already since this email was written (a re-sent invitation, say), or the email that
    // caused this one never reached them: no news to them.
    if (!deadlineNews({ registrationClosesAt: was }, { registrationClosesAt: closesAt })) return null;
    return {
      ...invitationDeadlineEmail({
        locale,
        participantName: participant.name,
        event,
        closesAt,
        wasClosesAt: was,
        ...invitationAnswerUrls(this.config.PUBLIC_URL, issueToken, registration.id, event.endsAt),
        unsubscribeUrl,
      }),
      shown: deadlineShown(closesAt),
    };
  }

  /**
   * In one statement: whether a later change of the deadline told this invitee of it (its own
   * email, or a 日時変更 carrying it), and the deadline they were last shown (see shownBefore):
   * undefined when no email of theirs recorded one, null when they were shown there is none.
   */
  private async history(
    manager: EntityManager,
    message: OutboxMessage,
  ): Promise<{ laterOneWritten: boolean; shown: Date | null | undefined }> {
    // Compared in SQL: created_at has microseconds, a Date only milliseconds.
    const [row]: { later: boolean; shown: { at: string | null } | null; inFlight: boolean }[] =
      await manager.query(
        `SELECT EXISTS (SELECT 1 FROM outbox_messages o
                         WHERE o.event_id = $1 AND o.params ->> 'registrationId' = $3
                           AND (o.template = $2 OR (o.template = $4 AND o.params ? 'closesAt'))
                           AND o.created_at > (SELECT created_at FROM outbox_messages WHERE id = $5)) AS later,
                ${shownBeforeSql('$1', '$3', '$5')}`,
        [
          message.eventId,
          INVITATION_DEADLINE_TEMPLATE,
          message.params.registrationId,
          MeetingMailTemplate.EVENT_CHANGED,
          message.id,
        ],
      );
    // A later one written: nothing to wait for, this one is not sent whatever they were shown.
    return { laterOneWritten: row.later, shown: row.later ? undefined : shownBefore(row) };
  }
}
