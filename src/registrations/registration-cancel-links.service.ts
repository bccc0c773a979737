import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { eventTitleFor } from '../events/event-title';
import { DataSource, EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { previewRegistrationLink, RegistrationLinkPreview } from './registration-link-preview';
import { REGISTRATION_TRANSITIONS, RegistrationStatus } from './registration-enums';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationsService } from './registrations.service';

export interface CancelLinkResult {
  locale: 'ja' | 'en';
  eventTitle: string;
  /** The registration's status as the press found it: what was cancelled, or why nothing was. */
  status: RegistrationStatus;
  /**
   * False when it held nothing to cancel (NOTHING_TO_CANCEL): already cancelled (a second press, a
   * replayed link), or invited again or declining since.
   */
  changed: boolean;
  /** What the cancellation called off with the seat: see MeetingsAtStake. */
  meetings: MeetingsAtStake;
}

/**
 * A registration that holds neither a seat nor a place on the waiting list: the link has nothing to
 * cancel. Cancelled already; or, since, invited again (a link kept from a confirmation before
 * cancelling would otherwise withdraw the new invitation, which staff would no longer see as
 * 招待中, and promise a confirmation nobody sends), or that invitation declined.
 */
export const NOTHING_TO_CANCEL: readonly RegistrationStatus[] = [
  RegistrationStatus.CANCELLED,
  RegistrationStatus.INVITED,
  RegistrationStatus.DECLINED,
];

/**
 * The person's meetings at the event that cancelling calls off (LeaverMeetingsListener): the agreed
 * ones, scheduled or not, and the requests still waiting for an answer, sent or received. The page
 * says so before the button, so nobody leaves the other side at an empty table without knowing.
 */
export interface MeetingsAtStake {
  agreed: number;
  pending: number;
}

/** Counted with SQL, as registrations counts meetings elsewhere: registrations do not import meetings. */
async function meetingsAtStake(
  manager: EntityManager,
  eventId: string,
  participantId: string,
): Promise<MeetingsAtStake> {
  const [row]: MeetingsAtStake[] = await manager.query(
    `SELECT count(*) FILTER (WHERE status = 'ACCEPTED')::int AS agreed,
            count(*) FILTER (WHERE status = 'PENDING')::int AS pending
       FROM meeting_requests
      WHERE event_id = $1 AND $2 IN (from_participant_id, to_participant_id)
        AND status IN ('ACCEPTED', 'PENDING')`,
    [eventId, participantId],
  );
  return row;
}

/**
 * The 「参加をキャンセルする」 link of a reminder or a registration confirmation: the token names
 * the registration and does nothing else. Cancelling goes through RegistrationsService's own path
 * under the event lock, so the waitlist moves up, the cancellation listeners run, and a seat's
 * 参加キャンセル受付 takes the event off their calendar.
 */
@Injectable()
export class RegistrationCancelLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly tokens: ActionTokensService,
  ) {}

  /** For the page behind the link: reads, changes nothing. */
  async preview(rawToken: string): Promise<RegistrationLinkPreview & { meetings: MeetingsAtStake }> {
    const manager = this.dataSource.manager;
    const preview = await previewRegistrationLink(
      manager,
      this.tokens,
      TokenPurpose.REGISTRATION_CANCEL,
      rawToken,
    );
    return { ...preview, meetings: await meetingsAtStake(manager, preview.eventId, preview.participantId) };
  }

  /**
   * The people the cancellation writes to, then the event's row, then the link (the order in which
   * an erasure takes them, see RegistrationsService.withCancellationLocked): a second press waits
   * for the first and finds the registration cancelled.
   */
  async cancel(rawToken: string): Promise<CancelLinkResult> {
    const { result, afterCommit } = await this.registrations.withCancellationLocked(
      async (manager) =>
        (await this.tokens.resolve(manager, TokenPurpose.REGISTRATION_CANCEL, rawToken, { lock: false }))
          .subjectId,
      () => ActionTokenErrors.invalid(),
      async (manager, { registration, event }) => {
        const token = await this.tokens.resolve(manager, TokenPurpose.REGISTRATION_CANCEL, rawToken);
        const participant = await manager.findOneByOrFail(Participant, { id: registration.participantId });
        const base = {
          locale: languageOf(participant),
          eventTitle: eventTitleFor(event, languageOf(participant)),
        } as const;
        await this.tokens.markUsed(manager, token);
        if (NOTHING_TO_CANCEL.includes(registration.status)) {
          return {
            result: {
              ...base,
              status: registration.status,
              changed: false,
              meetings: { agreed: 0, pending: 0 },
            },
            afterCommit: [],
          };
        }
        if (!REGISTRATION_TRANSITIONS.can(registration.status, RegistrationStatus.CANCELLED)) {
          throw RegistrationErrors.notCancellable();
        }
        const meetings = await meetingsAtStake(manager, registration.eventId, registration.participantId);
        const then = await this.registrations.cancelAndTell(manager, registration, event, 'self');
        return {
          result: { ...base, status: registration.status, changed: true, meetings },
          afterCommit: then,
        };
      },
    );
    for (const then of afterCommit) await then();
    return result;
  }
}
