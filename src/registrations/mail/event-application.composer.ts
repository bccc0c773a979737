import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../../action-tokens/action-token-purpose';
import { AppConfig } from '../../config/app-config';
import { EventStatus, EventVisibility } from '../../events/event-enums';
import { Event } from '../../events/event.entity';
import { registrationWindow } from '../../events/registration-window';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { seatForNewcomer } from '../seat-availability';
import { eventApplicationEmail } from './event-application.template';

export const EVENT_APPLICATION_TEMPLATE = 'event-application';

/** How long an application link works, from the request (never past the end of the event). */
export const APPLICATION_LINK_HOURS = 24;

/**
 * 【参加申込のご確認】 with the link to confirm an application asked for on the event's public page.
 * Nothing if, by the time it leaves, the event no longer takes applications.
 */
@Injectable()
export class EventApplicationComposer implements MailComposer {
  readonly template = EVENT_APPLICATION_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager, issueToken }: ComposeInput): Promise<ComposedEmail | null> {
    const current = await manager.findOneBy(Event, { id: message.params.eventId });
    if (
      !current ||
      current.status !== EventStatus.PUBLISHED ||
      current.visibility !== EventVisibility.PUBLIC ||
      registrationWindow(current) !== 'OPEN'
    )
      return null;
    const expiresAt = new Date(
      Math.min(
        Number(message.params.requestedAt) + APPLICATION_LINK_HOURS * 3_600_000,
        current.endsAt.getTime(),
      ),
    );
    if (expiresAt.getTime() <= Date.now()) return null;
    const event = await this.contexts.get(manager, current.id, languageOf(participant));
    if (!event) return null;
    const full = !(await seatForNewcomer(manager, current));
    const token = issueToken({
      purpose: TokenPurpose.EVENT_APPLICATION,
      subjectId: participant.id,
      scope: current.id,
      expiresAt,
    });
    return eventApplicationEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      event,
      full,
      applyUrl: `${this.config.PUBLIC_URL}/registrations/apply?token=${token}`,
      validHours: Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 3_600_000)),
    });
  }
}
