import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionToken } from '../action-tokens/action-token.entity';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService, tokenScope } from '../action-tokens/action-tokens.service';
import { ALWAYS_TRUE_ANSWER_MS, noSoonerThan } from '../common/time/no-sooner-than';
import { isUuid } from '../common/validation/uuid';
import { AppConfig } from '../config/app-config';
import { EventStatus, EventVisibility } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { registrationWindow } from '../events/registration-window';
import { OutboxService } from '../mail/outbox.service';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { lockPeople } from '../participants/participant-store';
import { EVENT_APPLICATION_TEMPLATE } from './mail/event-application.composer';
import { Registration } from './registration.entity';
import { RegistrationStatus, SEATED } from './registration-enums';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationsService } from './registrations.service';
import { seatForNewcomer } from './seat-availability';

/** A seat or a place on the waiting list: what applying again would only find. */
const HELD: RegistrationStatus[] = [...SEATED, RegistrationStatus.WAITLISTED];

/** What the confirmation page shows before its button is pressed. */
export interface ApplicationPreview {
  locale: 'ja' | 'en';
  participantName: string;
  event: Pick<Event, 'title' | 'titleEn' | 'startsAt' | 'endsAt' | 'venue' | 'venueEn' | 'onlineUrl'>;
  /** Their seat or place on the waiting list, if they already hold one: no button then. */
  held: RegistrationStatus | null;
  /** Every seat is taken: applying puts them on the waiting list. */
  full: boolean;
}

/** What pressing 「参加を申し込む」 did. */
export type ApplicationOutcome =
  { applied: true; status: RegistrationStatus } | { applied: false; held: RegistrationStatus };

/**
 * Applying from an event's public page, for participants, who have no password: the page sends a
 * link to the address given, if it is a participant's, and the link's page registers them. Nothing
 * is written for the person before they confirm; the link's token names the participant (its
 * subject) and the event (its scope).
 */
@Injectable()
export class EventApplications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    private readonly registrations: RegistrationsService,
  ) {}

  /**
   * Queues 【参加申込のご確認】 if the address belongs to a participant (not erased) who has not
   * asked too often. The page answers the same either way, and no sooner than
   * ALWAYS_TRUE_ANSWER_MS, so neither the answer nor its time says whose address is known. The
   * caller has checked that the event takes applications.
   */
  request(eventId: string, email: string): Promise<void> {
    return noSoonerThan(ALWAYS_TRUE_ANSWER_MS, async () => {
      const address = email.trim().toLowerCase();
      await this.dataSource.transaction(async (manager) => {
        // Locked: two requests at once are counted one after the other.
        const participant = await manager.findOne(Participant, {
          where: { email: address, erasedAt: IsNull() },
          lock: { mode: 'for_no_key_update' },
        });
        if (!participant) return;
        await this.outbox.enqueueAskedFor(
          manager,
          { participantId: participant.id },
          EVENT_APPLICATION_TEMPLATE,
          this.config.APPLY_LINK_PER_HOUR,
          { eventId, params: { eventId } },
        );
      });
    });
  }

  /**
   * Whose link it is and what it would do, without using it. Throws as applying would (unknown or
   * expired link, an event that stopped taking applications); a used link still shows what it
   * gave while they hold it.
   */
  async preview(rawToken: string): Promise<ApplicationPreview> {
    const manager = this.dataSource.manager;
    const token = await this.tokens.resolve(manager, TokenPurpose.EVENT_APPLICATION, rawToken, {
      lock: false,
    });
    const { participant, eventId } = await this.holder(manager, token, rawToken);
    const event = await manager.findOneBy(Event, { id: eventId });
    if (!event) throw ActionTokenErrors.invalid();
    const held = await this.heldBy(manager, eventId, participant.id);
    // From here on the link's owner is known: a refusal is worded in their language.
    const locale = languageOf(participant);
    if (token.usedAt && !held) throw ActionTokenErrors.used().forReader(locale);
    if (!held) assertTakesApplications(event, locale);
    return {
      locale,
      participantName: participant.name,
      event,
      held,
      full: !(await seatForNewcomer(manager, event)),
    };
  }

  /**
   * Registers the link's participant at its event the way their own `register` does (a seat while
   * there is one, else the waiting list; the confirmation email follows from there), and uses the
   * link up in the same transaction. The link locked first, after its owner's row (the lock order
   * in participant-store.ts: an erasure locks the person, then their events, then deletes their
   * links): a second press waits for the first and finds the registration it made.
   */
  async apply(rawToken: string): Promise<ApplicationOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // The person before the link and the event (see lockPeople): a merge of their profile
      // under way is waited for, and the link then says the two were joined (resolve).
      const asked = await this.tokens.resolve(manager, TokenPurpose.EVENT_APPLICATION, rawToken, {
        lock: false,
      });
      await lockPeople(manager, [asked.subjectId]);
      const token = await this.tokens.resolve(manager, TokenPurpose.EVENT_APPLICATION, rawToken);
      const { participant, eventId } = await this.holder(manager, token, rawToken);
      if (token.usedAt) {
        const held = await this.heldBy(manager, eventId, participant.id);
        if (held) return { applied: false, held };
        throw ActionTokenErrors.used().forReader(languageOf(participant));
      }
      const { registration, changed } = await this.registrations.registerSelf(
        manager,
        participant.id,
        eventId,
      );
      await this.tokens.markUsed(manager, token);
      return changed
        ? { applied: true, status: registration.status }
        : { applied: false, held: registration.status };
    });
  }

  private async holder(manager: EntityManager, token: ActionToken, rawToken: string) {
    const eventId = tokenScope(rawToken);
    if (!isUuid(eventId)) throw ActionTokenErrors.invalid();
    const participant = await manager.findOneBy(Participant, { id: token.subjectId, erasedAt: IsNull() });
    if (!participant) throw ActionTokenErrors.invalid();
    return { participant, eventId };
  }

  private async heldBy(
    manager: EntityManager,
    eventId: string,
    participantId: string,
  ): Promise<RegistrationStatus | null> {
    const registration = await manager.findOneBy(Registration, { eventId, participantId });
    return registration && HELD.includes(registration.status) ? registration.status : null;
  }
}

/**
 * What the page checks before showing the button; `register` checks the same again when it is
 * pressed, under the event's lock.
 */
function assertTakesApplications(event: Event, reader: 'ja' | 'en'): void {
  if (event.status !== EventStatus.PUBLISHED || event.visibility !== EventVisibility.PUBLIC)
    throw RegistrationErrors.eventNotOpen().forReader(reader);
  if (registrationWindow(event) !== 'OPEN') throw RegistrationErrors.windowClosed().forReader(reader);
}
