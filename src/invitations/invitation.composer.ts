import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EventStatus } from '../events/event-enums';
import { eventPageUrl } from '../events/event-public-page';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { SENDER_BATCH } from '../mail/mail-delivery.service';
import { MicroBatch } from '../common/batching/micro-batch';
import { ComposedEmail } from '../mail/templates/email-layout';
import { deadlineShown } from '../mail/email-shown';
import { languageOf } from '../participants/participant-kind';
import { RegistrationStatus } from '../registrations/registration-enums';
import { invitationAnswerUrls } from './invitation-answer-urls';
import { closedAt } from './answer-closed';
import { invitationEmail } from './invitation.template';
import { isUuid } from '../common/validation/uuid';

export const INVITATION_TEMPLATE = 'invitation';

/**
 * The invitation email with its accept and decline links. The answer token is minted here, at
 * send time, so the raw secret exists only in the email.
 */
@Injectable()
export class InvitationComposer implements MailComposer {
  readonly template = INVITATION_TEMPLATE;

  // A campaign's emails are composed many at a time: their registrations are read together.
  private readonly registrations = new MicroBatch(async (ids: string[]) => {
    const rows: InvitedRegistration[] = await this.dataSource.query(
      `SELECT id, status, event_id AS "eventId", invitation_round AS "invitationRound"
         FROM registrations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, SENDER_BATCH);

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const registrationId = message.params.registrationId;
    // A malformed id would fail the shared statement for every email in it.
    const registration = isUuid(registrationId ?? '') ? await this.registrations.add(registrationId) : null;
    // Answered (or registered some other way) before the email went out: nothing to ask.
    if (registration?.status !== RegistrationStatus.INVITED) return null;
    // An earlier round's email not sent yet when they were invited again: the new one asks.
    if (Number(message.params.round ?? 1) !== (registration.invitationRound ?? 1)) return null;
    const event = await this.contexts.get(manager, registration.eventId, languageOf(participant));
    if (!event || ![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(event.status)) return null;
    const email = invitationEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      event,
      again: (registration.invitationRound ?? 1) > 1,
      ...invitationAnswerUrls(this.config.PUBLIC_URL, issueToken, registration.id, event.endsAt),
      unsubscribeUrl,
      pageUrl: event.publicPage
        ? eventPageUrl(this.config.PUBLIC_URL, event.id, languageOf(participant))
        : null,
      // Leaving after the 申込締切 (it waited in the outbox): no 参加する to be refused.
      closedAt: closedAt(event),
    });
    // It asks for an answer by the 申込締切, says the links work until the event ends, or says the
    // 申込締切 has passed: the one it shows either way (see deadlinesTold).
    return { ...email, shown: deadlineShown(event.registrationClosesAt) };
  }
}

interface InvitedRegistration {
  id: string;
  status: RegistrationStatus;
  eventId: string;
  invitationRound: number | null;
}
