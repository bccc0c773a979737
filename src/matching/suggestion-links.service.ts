import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { eventTitleFor } from '../events/event-title';
import { DataSource, In } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { EventChanges } from '../events/event-changes';
import { AppError } from '../common/errors/app-error';
import { Event } from '../events/event.entity';
import { withoutSlots } from '../events/without-slots';
import { MailLocale } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { ProfileIntroduction, profileIntroduction } from '../participants/profile-summary';
import { Registration } from '../registrations/registration.entity';
import { SEATED } from '../registrations/registration-enums';
import { MATCHABLE_EVENT_STATUSES } from './matching.service';
import { MatchingErrors } from './matching.errors';
import { MEETING_REQUEST_PORT, MeetingRequestPort } from './meeting-request-port';
import { MeetingRequestStatus, RequestStanding } from '../meetings/meeting-enums';
import { MeetingErrors } from '../meetings/meetings.errors';
import { Suggestion } from './suggestion.entity';

/** What the page behind a digest link shows before the participant presses the button. */
export interface SuggestionLinkPreview {
  locale: MailLocale;
  participantName: string;
  otherName: string;
  otherCompany: string | null;
  otherTitle: string | null;
  /** Industry and area, what they offer and look for (DigestItem's). */
  otherProfile: ProfileIntroduction;
  reasons: string[];
  eventTitle: string;
  /**
   * Why no meeting can be requested any more (one side left the event since the digest, or the
   * person suggested withdrew their matchmaking consent), said in the reader's language: the page
   * shows it instead of the button.
   */
  unavailable: AppError | null;
  /** What is already between the two at the event; the page says so instead of asking. */
  standing: RequestStanding | null;
  /**
   * Their agreed meeting (standing AGREED, or the request the page just filed, once agreed) is one
   * at the venue, with no time to come: read from the meeting, as its 面談成立 emails read it (see
   * agreedWhatNext), not from whether the event has 商談枠 now.
   */
  atVenue: boolean;
  /** The event has no 商談枠 (withoutSlots): only how a meeting at the venue is worded. */
  withoutSlots: boolean;
}

export interface MeetingRequestFiled {
  preview: SuggestionLinkPreview;
  meetingRequestId: string;
  status: string;
  /** The other person had asked first: pressing the button accepted their request. */
  acceptedTheirs: boolean;
}

/**
 * The digest's 「面談を申し込む」 links: the token (purpose SUGGESTION_MEETING_REQUEST, subject the
 * suggestion) says who asks whom at which event; the meetings feature files the request.
 */
@Injectable()
export class SuggestionLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ActionTokensService,
    @Inject(MEETING_REQUEST_PORT) private readonly meetings: MeetingRequestPort,
    changes: EventChanges,
  ) {
    // A digest's links last until the event ends: when the end moves, they move with it.
    changes.register({
      updated: async (manager, before, after) => {
        if (before.endsAt.getTime() === after.endsAt.getTime()) return;
        const rows: { id: string }[] = await manager.query('SELECT id FROM suggestions WHERE event_id = $1', [
          after.id,
        ]);
        await this.tokens.moveExpiry(
          manager,
          TokenPurpose.SUGGESTION_MEETING_REQUEST,
          rows.map((row) => row.id),
          before.endsAt,
          after.endsAt,
        );
      },
    });
  }

  /** For the GET page: reads, changes nothing. */
  async preview(rawToken: string): Promise<SuggestionLinkPreview> {
    return (await this.load(rawToken)).preview;
  }

  /** For the POST: files the meeting request and records the token's use. */
  async requestMeeting(rawToken: string, message: string): Promise<MeetingRequestFiled> {
    const { preview, suggestion, tokenId } = await this.load(rawToken);
    if (preview.unavailable) throw preview.unavailable;
    // The meetings feature checks the message (length) and the pair (seats, duplicates, caps).
    const request = await this.meetings.requestMeeting(
      suggestion.participantId,
      suggestion.eventId,
      suggestion.suggestedParticipantId,
      message,
    );
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.resolve(manager, TokenPurpose.SUGGESTION_MEETING_REQUEST, rawToken);
      if (token.id === tokenId) await this.tokens.markUsed(manager, token);
    });
    const agreed = request.status === MeetingRequestStatus.ACCEPTED;
    return {
      preview: {
        ...preview,
        atVenue:
          agreed &&
          (await this.meetings.agreedAtTheVenue(
            suggestion.eventId,
            suggestion.participantId,
            suggestion.suggestedParticipantId,
          )),
      },
      meetingRequestId: request.id,
      status: request.status,
      acceptedTheirs: request.fromParticipantId !== suggestion.participantId,
    };
  }

  private async load(rawToken: string) {
    const manager = this.dataSource.manager;
    const token = await this.tokens.resolve(manager, TokenPurpose.SUGGESTION_MEETING_REQUEST, rawToken, {
      lock: false,
    });
    const suggestion = await manager.findOne(Suggestion, {
      where: { id: token.subjectId },
      relations: { participant: true, suggestedParticipant: { company: true } },
    });
    // The suggestion went away with a newer run: the link no longer names anyone.
    if (!suggestion) throw ActionTokenErrors.invalid();
    const locale = languageOf(suggestion.participant);
    const event = await manager.findOneBy(Event, { id: suggestion.eventId });
    if (!event || !MATCHABLE_EVENT_STATUSES.includes(event.status))
      throw MatchingErrors.eventNotOpen().forReader(locale);
    const other = suggestion.suggestedParticipant;
    const seated = await manager.find(Registration, {
      select: { participantId: true },
      where: {
        eventId: event.id,
        participantId: In([suggestion.participantId, other.id]),
        status: In(SEATED),
      },
    });
    const holds = (id: string) => seated.some((seat) => seat.participantId === id);
    const standing = await this.meetings.standing(event.id, suggestion.participantId, other.id);
    const preview: SuggestionLinkPreview = {
      locale,
      participantName: suggestion.participant.name,
      otherName: other.name,
      otherCompany: other.company?.name ?? null,
      otherTitle: other.title,
      otherProfile: profileIntroduction(other, locale),
      reasons: suggestion.reasons,
      eventTitle: eventTitleFor(event, locale),
      // One who withdrew matchmaking consent since the digest is not asked (requestMeeting refuses
      // the same); with something already between the two, the page says that instead: an agreed
      // meeting, or a request of theirs to answer, outlives the withdrawal.
      unavailable: !holds(suggestion.participantId)
        ? MatchingErrors.receiverLeft()
        : !holds(other.id)
          ? MatchingErrors.suggestedLeft()
          : !other.consentMatchmaking && standing === null
            ? MeetingErrors.recipientNotAccepting()
            : null,
      standing,
      atVenue:
        standing === 'AGREED' &&
        (await this.meetings.agreedAtTheVenue(event.id, suggestion.participantId, other.id)),
      withoutSlots: await withoutSlots(manager, event.id),
    };
    return { preview, suggestion, tokenId: token.id };
  }
}
