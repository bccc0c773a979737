import { RequestStanding } from '../meetings/meeting-enums';

/**
 * What the digest's 「面談を申し込む」 page needs from the meetings feature: file a request from
 * the suggestion's receiver to the suggested person. Matching depends on this small port, not on
 * the meetings module's internals; MatchingModule binds it to the meetings service.
 */
export interface MeetingRequestPort {
  /**
   * Answers the request filed, or, when the suggested person had already asked the receiver, that
   * request of theirs, now accepted (its `fromParticipantId` is the suggested person).
   */
  requestMeeting(
    fromParticipantId: string,
    eventId: string,
    toParticipantId: string,
    message: string,
  ): Promise<{ id: string; status: string; fromParticipantId: string }>;

  /** Where `participantId` stands with `otherId` at the event (see RequestStanding). */
  standing(eventId: string, participantId: string, otherId: string): Promise<RequestStanding | null>;

  /**
   * Whether the meeting the two agreed at the event is one at the venue (no time is to come), read
   * from the meeting as the 面談成立 emails read it; false when none is agreed.
   */
  agreedAtTheVenue(eventId: string, participantId: string, otherId: string): Promise<boolean>;
}

export const MEETING_REQUEST_PORT = Symbol('MEETING_REQUEST_PORT');
