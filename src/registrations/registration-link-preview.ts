import { EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { organizationNameFor, organiserContactFor } from '../organizations/organization-name';
import { organiserContactPoint } from '../mail/templates/email-layout';
import { EventStatus } from '../events/event-enums';
import { eventStanding } from '../events/event-labels';
import { eventTitleFor, eventVenueFor } from '../events/event-title';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { languageOf } from '../participants/participant-kind';
import { Registration } from './registration.entity';
import { RegistrationStatus } from './registration-enums';

/** What the page behind a registration's email link (answer, cancel) shows before the button. */
export interface RegistrationLinkPreview {
  eventId: string;
  participantId: string;
  locale: 'ja' | 'en';
  participantName: string;
  eventTitle: string;
  startsAt: Date;
  endsAt: Date;
  /** 会場, or null for an event held online only (its URL comes by email, not on an open page). */
  venue: string | null;
  online: boolean;
  organizer: string;
  /** The organiser's email and phone as one line, or '' (whom to ask, as the emails' footer). */
  organizerReach: string;
  /** The 申込締切, once it has passed: 参加する is refused from then on. */
  registrationClosedAt: Date | null;
  /** 共催, in the reader's language. */
  coHosts: string[];
  /**
   * Still a draft (a mini-salon being prepared): a seat taken now is confirmed by email only when
   * it is published (confirmsNow).
   */
  draft: boolean;
  /** Cancelled or over: the page says so instead of asking what only a refusal can answer. */
  eventOver: 'CANCELLED' | 'ENDED' | null;
  status: RegistrationStatus;
}

/**
 * Reads the registration a link's token names, without using the token up: a GET of the page
 * (or a mail scanner fetching it) changes nothing.
 */
export async function previewRegistrationLink(
  manager: EntityManager,
  tokens: ActionTokensService,
  purpose: TokenPurpose,
  rawToken: string,
): Promise<RegistrationLinkPreview> {
  const token = await tokens.resolve(manager, purpose, rawToken, { lock: false });
  const registration = await manager.findOne(Registration, {
    where: { id: token.subjectId },
    relations: { event: { organization: true, coHosts: true }, participant: true },
  });
  if (!registration) throw ActionTokenErrors.invalid();
  const locale = languageOf(registration.participant);
  const closesAt = registration.event.registrationClosesAt;
  // Over also when staff closed it (終了) before its end time: nothing can be answered then either.
  const standing = eventStanding(registration.event);
  return {
    eventId: registration.eventId,
    participantId: registration.participantId,
    locale,
    participantName: registration.participant.name,
    eventTitle: eventTitleFor(registration.event, locale),
    startsAt: registration.event.startsAt,
    endsAt: registration.event.endsAt,
    venue: eventVenueFor(registration.event, locale),
    online: registration.event.onlineUrl !== null,
    organizer: organizationNameFor(registration.event.organization, locale),
    organizerReach: organiserContactPoint(
      locale,
      organiserContactFor(registration.event.organization, locale),
    ),
    registrationClosedAt: closesAt && closesAt.getTime() <= Date.now() ? closesAt : null,
    coHosts: registration.event.coHosts.map((host) => organizationNameFor(host, locale)),
    draft: registration.event.status === EventStatus.DRAFT,
    eventOver: standing === 'CANCELLED' || standing === 'ENDED' ? standing : null,
    status: registration.status,
  };
}
