import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { Role, StaffActor } from '../auth/actor';
import { formatTokyoJapanese } from '../common/time/tokyo-time';
import { EventStatus } from '../events/event-enums';
import { EMAIL_CHANGED_NOTICE_TEMPLATE } from '../email-change/email-address.service';
import { EmailChangeCallOffReason } from '../email-change/email-change-request.entity';
import { endPendingEmailChanges } from '../email-change/pending-email-changes';
import { OutboxService } from '../mail/outbox.service';
import { OutboxStatus } from '../mail/outbox-status';
import {
  MeetingRequestCancelReason,
  MeetingRequestStatus,
  MeetingStatus,
  OPEN_REQUEST_STATUSES,
} from '../meetings/meeting-enums';
import { MeetingRequestsService } from '../meetings/meeting-requests.service';
import { MiniSalonRequestStatus } from '../mini-salons/mini-salon-enums';
import { Company } from '../participants/company.entity';
import { Participant } from '../participants/participant.entity';
import {
  allLocked,
  foldDuplicateInto,
  lockForMerge,
  PEOPLE_CHANGED,
} from '../participants/participant-store';
import { ParticipantErrors } from '../participants/participants.errors';
import { ParticipantsService } from '../participants/participants.service';
import { RegistrationStatus } from '../registrations/registration-enums';
import { RegistrationsService } from '../registrations/registrations.service';
import { MergedParticipant } from './merged-participant.entity';
import { MergeCounts } from './models/participant-merge.model';
import { ParticipantMergeErrors, SeenAt } from './participant-merge.errors';

/**
 * Of two registrations of one person at an event, the one that stays: the further it got, the
 * better (a seat over a waiting-list place over an invitation); a tie keeps the kept profile's.
 */
const REGISTRATION_WEIGHT: Record<RegistrationStatus, number> = {
  [RegistrationStatus.ATTENDED]: 6,
  [RegistrationStatus.REGISTERED]: 5,
  [RegistrationStatus.WAITLISTED]: 4,
  [RegistrationStatus.INVITED]: 3,
  [RegistrationStatus.NO_SHOW]: 2,
  [RegistrationStatus.DECLINED]: 1,
  [RegistrationStatus.CANCELLED]: 0,
};

/** Emails not yet sent that belonged to a registration the merge removed. */
const MERGED_AWAY = 'MERGED_AWAY';

/**
 * 名寄せ: one person in the pool twice (two addresses, two Excel lists) becomes one. Everything the
 * duplicate profile had — registrations, meetings, requests, suggestions, deals (and the records of
 * deleted and corrected ones), follow-ups, survey answers, mini-salon requests, emails, its
 * 変更履歴 — moves to the kept profile, in one transaction; where both had the same thing the better
 * one stays. The duplicate's address is told that mail now goes to the kept one, and the duplicate
 * row goes.
 */
@Injectable()
export class ParticipantMergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly outbox: OutboxService,
    private readonly participants: ParticipantsService,
    private readonly tokens: ActionTokensService,
    private readonly meetingRequests: MeetingRequestsService,
  ) {}

  /**
   * The merge, and the kept profile as it then stands. With `dryRun` the same merge is done and
   * rolled back (確認のみ): staff see what would move, and any refusal, with nothing changed and no
   * email queued.
   */
  async merge(
    actor: StaffActor,
    keepId: string,
    duplicateId: string,
    { dryRun = false } = {},
  ): Promise<{ counts: MergeCounts; participant: Participant }> {
    if (keepId === duplicateId) throw ParticipantMergeErrors.sameParticipant('duplicateId');
    for (;;) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        const counts = await this.mergeIn(runner.manager, actor, keepId, duplicateId);
        // Rolled back (finally) and started again, with the people now found locked too.
        if (counts === PEOPLE_CHANGED) continue;
        const participant = await this.participants.get(keepId, runner.manager);
        await (dryRun ? runner.rollbackTransaction() : runner.commitTransaction());
        return { counts, participant };
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }
  }

  /**
   * The whole merge, in the caller's transaction (the two profiles locked first); answers what
   * moved, or PEOPLE_CHANGED, having written nothing, when the third people of the requests it
   * agrees are others once locked than those it read before (see lockForMerge).
   */
  private async mergeIn(
    manager: EntityManager,
    actor: StaffActor,
    keepId: string,
    duplicateId: string,
  ): Promise<MergeCounts | typeof PEOPLE_CHANGED> {
    const pair = [keepId, duplicateId];
    // Before any event's lock, with the two profiles in id order (the lock order of
    // participant-store.ts): the meeting and the emails of a crossed request's acceptance point at
    // the third person. Read again once locked: a request written, or a third person merged into
    // another profile, before the locks were taken may name someone else.
    const others = await crossingCounterparts(manager, pair);
    const { keep, duplicate } = await lockForMerge(manager, keepId, duplicateId, others);
    if (!keep) throw ParticipantErrors.notFound(keepId, 'participantId');
    if (!duplicate) throw ParticipantErrors.notFound(duplicateId, 'duplicateId');
    if (!allLocked(others, await crossingCounterparts(manager, pair))) return PEOPLE_CHANGED;
    await this.assertNothingForStaffToDecide(manager, actor, keepId, duplicateId);

    const combined = await this.combineRegistrations(manager, actor, keepId, duplicateId);
    // Read before the rows move: what never reached the duplicate's address goes again to the
    // kept one, unless it was about a registration the merge removed.
    const undelivered: { id: string }[] = await manager.query(
      `SELECT m.id FROM outbox_messages m
        WHERE m.participant_id = $1 AND m.to_address IS NULL
          AND (m.status = $2 OR (m.status = $3 AND m.skip_reason = 'SUPPRESSED'))
          AND (m.params->>'registrationId' IS NULL
               OR EXISTS (SELECT 1 FROM registrations r WHERE r.id::text = m.params->>'registrationId'))`,
      [duplicateId, OutboxStatus.FAILED, OutboxStatus.SKIPPED],
    );
    await this.recordTheDuplicate(manager, keepId, duplicate);
    const requests = await this.combineMeetingRequests(manager, pair);
    const counts: Omit<MergeCounts, 'emailsResent'> = {
      registrationsMoved: await move(manager, 'registrations', 'participant_id', pair),
      registrationsCombined: combined.combined,
      placementsRemoved: combined.placementsRemoved,
      meetingsMoved:
        (await move(manager, 'meetings', 'participant_a_id', pair)) +
        (await move(manager, 'meetings', 'participant_b_id', pair)),
      meetingRequestsMoved:
        (await move(manager, 'meeting_requests', 'from_participant_id', pair)) +
        (await move(manager, 'meeting_requests', 'to_participant_id', pair)),
      meetingRequestsWithdrawn: requests.withdrawn,
      meetingRequestsAgreed: requests.crossed.length,
      suggestionsDeleted: await this.combineSuggestions(manager, pair),
      dealsMoved:
        (await move(manager, 'deals', 'participant_a_id', pair)) +
        (await move(manager, 'deals', 'participant_b_id', pair)),
      followUpsMoved: await move(manager, 'follow_ups', 'participant_id', pair),
      surveyResponsesMoved: await move(manager, 'survey_responses', 'participant_id', pair),
      miniSalonRequestsMoved: await move(manager, 'mini_salon_requests', 'requested_by_id', pair),
      emailsMoved: await move(manager, 'outbox_messages', 'participant_id', pair),
    };
    await move(manager, 'meeting_participants', 'participant_id', pair);
    // The records of their deleted and corrected deals go with the deals: an erasure of the kept
    // profile finds them.
    await move(manager, 'deal_corrections', 'participant_a_id', pair);
    await move(manager, 'deal_corrections', 'participant_b_id', pair);
    await move(manager, 'agenda_deliveries', 'participant_id', pair);
    // The duplicate's last look was at its own half of the agenda: the kept profile's changes
    // are marked against its own last look (or, failing that, the first agenda either was sent).
    await manager.query('DELETE FROM agenda_views WHERE participant_id = $1', [duplicateId]);
    // Now that both sides are where they stay: accepted as asking back accepts, emails and all.
    // Under the event's lock, as an answer is: both profiles had a seat there (a request needs
    // both, and leaving withdraws it), so combineRegistrations has locked it.
    for (const { requestId, reply } of requests.crossed)
      await this.meetingRequests.acceptCrossed(manager, requestId, reply);
    await move(manager, 'participant_profile_changes', 'participant_id', pair);
    await this.carryDistinctMarks(manager, pair);
    await this.carryLinksOfTheDuplicate(manager, pair);
    await foldDuplicateInto(manager, keep, duplicate, { kind: 'staff', userId: actor.userId });
    await this.tellTheDuplicateAddress(manager, actor, keep, duplicate);
    return {
      ...counts,
      emailsResent: await this.outbox.resend(
        manager,
        undelivered.map((row) => row.id),
      ),
    };
  }

  /**
   * Refused, naming what to do first: a meeting or a deal between the two profiles (the person
   * would meet or deal with themself), two meetings of theirs in one slot, two meetings agreed with the same person at one
   * event, two mini-salon requests still being considered by one organisation. Named by title only
   * where the caller's organisation may see the record (SeenAt); else by whom to ask. Of several,
   * one the caller can act on themself comes first.
   */
  private async assertNothingForStaffToDecide(
    manager: EntityManager,
    actor: StaffActor,
    keepId: string,
    duplicateId: string,
  ) {
    const admin = actor.role === Role.ADMIN;
    const org = actor.organizationId;
    const [between]: SeenAt[] = await manager.query(
      `SELECT ${seenAt('e', eventSeen('e', '$4', '$5'))}
         FROM meetings m JOIN events e ON e.id = m.event_id JOIN organizations o ON o.id = e.organization_id
        WHERE m.status <> $3 AND m.participant_a_id IN ($1, $2) AND m.participant_b_id IN ($1, $2)
        ORDER BY ${eventSeen('e', '$4', '$5')} DESC LIMIT 1`,
      [keepId, duplicateId, MeetingStatus.CANCELLED, admin, org],
    );
    if (between) throw ParticipantMergeErrors.meetingBetween(between);

    // A deal needs two parties (recordDeal refuses one person on both sides). It is seen by the
    // organisation that recorded it and by those running the event it was recorded for.
    const dealSeen = `($3 OR d.organization_id = $4 OR (e.id IS NOT NULL AND ${eventSeen('e', '$3', '$4')}))`;
    const [deal]: SeenAt[] = await manager.query(
      `SELECT ${seenAt('d', dealSeen)}
         FROM deals d JOIN organizations o ON o.id = d.organization_id LEFT JOIN events e ON e.id = d.event_id
        WHERE d.participant_a_id IN ($1, $2) AND d.participant_b_id IN ($1, $2)
        ORDER BY ${dealSeen} DESC LIMIT 1`,
      [keepId, duplicateId, admin, org],
    );
    if (deal) throw ParticipantMergeErrors.dealBetween(deal);

    const [clash]: (SeenAt & { startsAt: Date })[] = await manager.query(
      `SELECT ${seenAt('e', eventSeen('e', '$3', '$4'))}, m.starts_at AS "startsAt"
         FROM meeting_participants k
         JOIN meeting_participants d
           ON d.session_id = k.session_id AND d.slot_index = k.slot_index AND d.participant_id = $2 AND d.active
         JOIN meetings m ON m.id = k.meeting_id
         JOIN events e ON e.id = k.event_id
         JOIN organizations o ON o.id = e.organization_id
        WHERE k.participant_id = $1 AND k.active
        ORDER BY ${eventSeen('e', '$3', '$4')} DESC, m.starts_at LIMIT 1`,
      [keepId, duplicateId, admin, org],
    );
    if (clash) throw ParticipantMergeErrors.slotClash(clash, formatTokyoJapanese(clash.startsAt));

    const [twice]: (SeenAt & { name: string })[] = await manager.query(
      `WITH agreed AS (
         SELECT event_id,
                CASE WHEN from_participant_id IN ($1, $2) THEN from_participant_id ELSE to_participant_id END AS side,
                CASE WHEN from_participant_id IN ($1, $2) THEN to_participant_id ELSE from_participant_id END AS other
           FROM meeting_requests
          WHERE status = $3 AND (from_participant_id IN ($1, $2) OR to_participant_id IN ($1, $2))
       )
       SELECT ${seenAt('e', eventSeen('e', '$4', '$5'))}, p.name
         FROM agreed k JOIN agreed d ON d.event_id = k.event_id AND d.other = k.other AND d.side = $2
         JOIN events e ON e.id = k.event_id JOIN participants p ON p.id = k.other
         JOIN organizations o ON o.id = e.organization_id
        WHERE k.side = $1
        ORDER BY ${eventSeen('e', '$4', '$5')} DESC LIMIT 1`,
      [keepId, duplicateId, MeetingRequestStatus.ACCEPTED, admin, org],
    );
    if (twice) throw ParticipantMergeErrors.twoMeetingsWith(twice, twice.name);

    const [salon]: { name: string }[] = await manager.query(
      `SELECT o.name FROM mini_salon_requests k
         JOIN mini_salon_requests d ON d.organization_id = k.organization_id AND d.requested_by_id = $2 AND d.status = $3
         JOIN organizations o ON o.id = k.organization_id
        WHERE k.requested_by_id = $1 AND k.status = $3 LIMIT 1`,
      [keepId, duplicateId, MiniSalonRequestStatus.PENDING],
    );
    if (salon) throw ParticipantMergeErrors.twoMiniSalonRequests(salon.name);
  }

  /**
   * At an event where both profiles have a registration, the better one stays (REGISTRATION_WEIGHT)
   * and the other goes, with its unsent emails; a survey answer, a role other than 来場者 or a booth
   * only it had goes to the one that stays, a booth as updateRegistration gives one (unpublished
   * placements taken back: see RegistrationsService.removeDuplicate), refused in the merge's
   * terms over another company's booth or published meetings. Answers how many events had two,
   * and how many placements were taken back.
   *
   * Each event is locked before its two registrations are read (lockRegistrationsAt), in id order:
   * a booth change or a cancellation committed meanwhile is what the merge decides on, rather than
   * overwritten by the booth or status read before it.
   *
   * The links of the one that goes (an invitation's answer, 「参加をキャンセルする」, the survey) act
   * on the one that stays: it is the same person's place at the same event, which is what they
   * were sent about, and the page behind them shows where that place now stands.
   */
  private async combineRegistrations(
    manager: EntityManager,
    actor: StaffActor,
    keepId: string,
    duplicateId: string,
  ): Promise<{ combined: number; placementsRemoved: number }> {
    const events: (SeenAt & { eventId: string })[] = await manager.query(
      `SELECT k.event_id AS "eventId", ${seenAt('e', eventSeen('e', '$3', '$4'))}
         FROM registrations k
         JOIN registrations d ON d.event_id = k.event_id AND d.participant_id = $2
         JOIN events e ON e.id = k.event_id JOIN organizations o ON o.id = e.organization_id
        WHERE k.participant_id = $1
        ORDER BY k.event_id`,
      [keepId, duplicateId, actor.role === Role.ADMIN, actor.organizationId],
    );
    let combined = 0;
    let placementsRemoved = 0;
    for (const at of events) {
      const { event, registrations } = await this.registrations.lockRegistrationsAt(manager, at.eventId, [
        keepId,
        duplicateId,
      ]);
      const mine = registrations.find((registration) => registration.participantId === keepId);
      const theirs = registrations.find((registration) => registration.participantId === duplicateId);
      if (!mine || !theirs) continue;
      const [stays, goes] =
        REGISTRATION_WEIGHT[theirs.status] > REGISTRATION_WEIGHT[mine.status]
          ? [theirs, mine]
          : [mine, theirs];
      await manager.query(
        `UPDATE survey_responses SET registration_id = $2
          WHERE registration_id = $1 AND NOT EXISTS (SELECT 1 FROM survey_responses WHERE registration_id = $2)`,
        [goes.id, stays.id],
      );
      await manager.query('UPDATE action_tokens SET subject_id = $2 WHERE subject_id = $1', [
        goes.id,
        stays.id,
      ]);
      await manager.query(
        `UPDATE outbox_messages SET status = $2, skip_reason = $3
          WHERE params->>'registrationId' = $1 AND status = $4`,
        [goes.id, OutboxStatus.SKIPPED, MERGED_AWAY, OutboxStatus.PENDING],
      );
      // An exhibitor's role and booth, given under the other profile, stay with the person, as
      // a booth change gives them; staff asked for a merge, so a refusal says what stops it.
      const removed = await this.registrations.removeDuplicate(manager, event, goes, stays, {
        hasMeetings: (from, to) => ParticipantMergeErrors.boothHasMeetings(at, from, to),
        taken: (booth, holder) => ParticipantMergeErrors.boothTaken(at, booth, holder),
      });
      combined += 1;
      placementsRemoved += removed.placementsRemoved;
    }
    return { combined, placementsRemoved };
  }

  /**
   * The id the duplicate had, for the links that name it (merged_participants, see
   * carryLinksOfTheDuplicate), with how it named the person to others: its name and company. The
   * requests asked from it are marked as such before they move: their emails named the requester
   * so, and the page behind their links, once a request has ended (withdrawn by this merge, say,
   * while the one asked from the kept profile stands), says which one it was in those words
   * (MeetingRequestsService.preview). One asked from a profile merged into the duplicate earlier
   * keeps naming that one.
   */
  private async recordTheDuplicate(manager: EntityManager, keepId: string, duplicate: Participant) {
    const company = duplicate.companyId
      ? await manager.findOneBy(Company, { id: duplicate.companyId })
      : null;
    await manager.insert(MergedParticipant, {
      mergedId: duplicate.id,
      participantId: keepId,
      name: duplicate.name,
      companyName: company?.name ?? null,
    });
    await manager.query(
      'UPDATE meeting_requests SET requested_as_id = $1 WHERE from_participant_id = $1 AND requested_as_id IS NULL',
      [duplicate.id],
    );
  }

  /**
   * Requests between the two profiles go (with the cancelled meetings they led to); of two open
   * requests with the same person at one event, the agreed one stays (or the kept profile's), and
   * the other is withdrawn. Answers those withdrawn, and the requests that stay to be accepted.
   *
   * Two that cross (the person asked someone under one profile, and was asked by them under the
   * other, neither answered yet) are interest on both sides: they end as asking back ends
   * (MeetingRequestsService.requestMeeting). The one asked first stays, to be accepted with the
   * other's message as the reply (acceptCrossed, once the rows have moved); the other goes on as
   * it. Only while the one that stays can still be answered (before its deadline, at a published
   * event): else they are two open requests like any other.
   *
   * Nobody withdrew that one: it keeps why (cancelReason, whose two profiles were joined) and the
   * request it goes on as (continuedAsId; those that went on as it now go on as that one too).
   * Its answer link stays (it may be a third person's, who received the request): its page says
   * the two profiles were joined and shows the one that stayed, answering it when it asks the same
   * person (MeetingRequestsService.preview, respondByToken). One between the two profiles would
   * now be the person's with themself: its link says the two were joined.
   */
  private async combineMeetingRequests(manager: EntityManager, pair: string[]) {
    const between = await changedIds(
      manager,
      `DELETE FROM meeting_requests
        WHERE from_participant_id = ANY($1) AND to_participant_id = ANY($1) RETURNING id`,
      [pair],
    );
    const [withdrawn]: [{ id: string; stays: string; crossed: boolean; message: string }[], number] =
      await manager.query(
        `WITH open AS (
           SELECT r.id, r.event_id, r.created_at, r.status,
                  r.from_participant_id = ANY($1) AS requester_merged,
                  $2 IN (r.from_participant_id, r.to_participant_id) AS duplicates,
                  CASE WHEN r.from_participant_id = ANY($1) THEN r.to_participant_id ELSE r.from_participant_id END AS other,
                  r.status = $8 AND (r.expires_at IS NULL OR r.expires_at > clock_timestamp()) AND e.status = $9 AS answerable
             FROM meeting_requests r JOIN events e ON e.id = r.event_id
            WHERE r.status = ANY($4) AND (r.from_participant_id = ANY($1) OR r.to_participant_id = ANY($1))
         ),
         sides AS (
           SELECT open.*, bool_or(requester_merged) OVER two AND NOT bool_and(requester_merged) OVER two
                          AND bool_and(answerable) OVER two AS crossed
             FROM open
           WINDOW two AS (PARTITION BY event_id, other)
         ),
         ranked AS (
           SELECT id, requester_merged, crossed,
                  row_number() OVER same_two AS rank, first_value(id) OVER same_two AS stays
             FROM sides
           WINDOW same_two AS (
                    PARTITION BY event_id, other
                    ORDER BY status = $3 DESC, duplicates AND NOT crossed, created_at)
         )
         UPDATE meeting_requests r
            SET status = $5, updated_at = now(), continued_as_id = ranked.stays,
                cancel_reason = CASE WHEN ranked.requester_merged THEN $6 ELSE $7 END::meeting_request_cancel_reason
           FROM ranked
          WHERE r.id = ranked.id AND ranked.rank > 1
         RETURNING r.id, ranked.stays, ranked.crossed, r.message`,
        [
          pair,
          pair[1],
          MeetingRequestStatus.ACCEPTED,
          OPEN_REQUEST_STATUSES,
          MeetingRequestStatus.CANCELLED,
          MeetingRequestCancelReason.REQUESTER_PROFILES_MERGED,
          MeetingRequestCancelReason.RECIPIENT_PROFILES_MERGED,
          MeetingRequestStatus.PENDING,
          EventStatus.PUBLISHED,
        ],
      );
    await manager.query(
      `UPDATE meeting_requests r SET continued_as_id = w.stays
         FROM unnest($1::uuid[], $2::uuid[]) AS w(id, stays)
        WHERE r.continued_as_id = w.id`,
      [withdrawn.map((row) => row.id), withdrawn.map((row) => row.stays)],
    );
    await manager.query('UPDATE action_tokens SET subject_id = $2 WHERE subject_id = ANY($1)', [
      between,
      pair[1],
    ]);
    return {
      withdrawn: withdrawn.length,
      crossed: withdrawn
        .filter((row) => row.crossed)
        .map((row) => ({ requestId: row.stays, reply: row.message })),
    };
  }

  /**
   * Suggestions between the two profiles go; so do the duplicate's at an event where the kept
   * profile has its own list (the two lists' ranks would interleave), and suggestions of the
   * duplicate to someone who is also suggested the kept profile. Answers how many went.
   *
   * A 「面談を申し込む」 link of one that went asks from the suggestion that stays for the same two
   * people at the event, where there is one: the same request the link offered (someone else's
   * link to meet the person, or the person's to meet someone on the kept profile's list). One
   * between the two profiles, or with no such suggestion, says the two were joined.
   */
  private async combineSuggestions(manager: EntityManager, [keepId, duplicateId]: string[]) {
    const [gone]: [GoneSuggestion[], number] = await manager.query(
      `DELETE FROM suggestions s
        WHERE (s.participant_id IN ($1, $2) AND s.suggested_participant_id IN ($1, $2))
           OR (s.participant_id = $2 AND EXISTS (
                SELECT 1 FROM suggestions k WHERE k.event_id = s.event_id AND k.participant_id = $1))
           OR (s.suggested_participant_id = $2 AND EXISTS (
                SELECT 1 FROM suggestions k
                 WHERE k.event_id = s.event_id AND k.participant_id = s.participant_id
                   AND k.suggested_participant_id = $1))
       RETURNING id, event_id AS "eventId", participant_id AS "participantId",
                 suggested_participant_id AS "suggestedId"`,
      [keepId, duplicateId],
    );
    await move(manager, 'suggestions', 'participant_id', [keepId, duplicateId]);
    await move(manager, 'suggestions', 'suggested_participant_id', [keepId, duplicateId]);
    await manager.query(
      `UPDATE action_tokens t SET subject_id = coalesce(k.id, $2)
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[]) AS g(id, event_id, participant_id, suggested_id)
         LEFT JOIN suggestions k ON k.event_id = g.event_id
          AND k.participant_id = (CASE WHEN g.participant_id = $2 THEN $1 ELSE g.participant_id END)
          AND k.suggested_participant_id = (CASE WHEN g.suggested_id = $2 THEN $1 ELSE g.suggested_id END)
        WHERE t.subject_id = g.id`,
      [
        keepId,
        duplicateId,
        gone.map((row) => row.id),
        gone.map((row) => row.eventId),
        gone.map((row) => row.participantId),
        gone.map((row) => row.suggestedId),
      ],
    );
    return gone.length;
  }

  /**
   * Someone staff found to be another person than the duplicate (別人) is another person than the
   * kept profile too. The duplicate's own marks go with its row.
   */
  private async carryDistinctMarks(manager: EntityManager, [keepId, duplicateId]: string[]) {
    await manager.query(
      `INSERT INTO participant_distinct_pairs (first_participant_id, second_participant_id, marked_by_user_id, marked_at)
       SELECT least($1::uuid, other), greatest($1::uuid, other), marked_by_user_id, marked_at
         FROM (SELECT CASE WHEN first_participant_id = $2 THEN second_participant_id ELSE first_participant_id END AS other,
                      marked_by_user_id, marked_at
                 FROM participant_distinct_pairs
                WHERE $2 IN (first_participant_id, second_participant_id)) marks
        WHERE other <> $1
       ON CONFLICT DO NOTHING`,
      [keepId, duplicateId],
    );
  }

  /**
   * The links emailed to the duplicate before the merge, kind by kind:
   * - to its registrations, requests and suggestions: they keep working, those rows are now the
   *   kept profile's (and see combineRegistrations, combineMeetingRequests, combineSuggestions);
   * - unsubscribe (signed, or stored from older emails), agenda page and calendar feed: they act
   *   for the kept profile (merged_participants). Each only ever shows or switches the person's own
   *   mail or meetings, and the unsubscribe page shows the address only masked, as the notice to
   *   the duplicate's address does;
   * - sign-in and event-application links stop, with a page in the kept profile's language saying
   *   the two were joined and what to do: they prove only that the holder reads the duplicate's
   *   address, which is no longer on file, and would let them act as the kept profile (see its
   *   address, confirm for it). An address change ends them the same way (EmailAddressService).
   *   They stay in action_tokens, naming the id the duplicate had, so that their page can say so;
   * - staff password resets are no participant's, and address changes are handled below.
   *
   * An address change the duplicate asked for and has not confirmed is called off rather than
   * carried over: it would move the kept profile's address, which staff have just chosen as the
   * one the person is reached at, to one asked for from the profile that went; and the kept
   * profile may have a change of its own waiting. The person asks again, signed in as the kept
   * profile, if they still want it. Its requests (that one, and those done with) go to the kept
   * profile rather than with the duplicate's row: the page behind their links then says, in the
   * language the person is now written to in, that the change was called off.
   */
  private async carryLinksOfTheDuplicate(manager: EntityManager, [keepId, duplicateId]: string[]) {
    await manager.query('UPDATE action_tokens SET subject_id = $1 WHERE subject_id = $2 AND purpose = $3', [
      keepId,
      duplicateId,
      TokenPurpose.UNSUBSCRIBE,
    ]);
    // A profile merged into the duplicate earlier is now merged into the kept one (the duplicate's
    // own row is written already, see recordTheDuplicate).
    await move(manager, 'merged_participants', 'participant_id', [keepId, duplicateId]);
    // The profiles are locked (lockForMerge): a link being pressed locks its owner before its token.
    await endPendingEmailChanges(
      manager,
      this.tokens,
      { participantId: duplicateId },
      { calledOff: EmailChangeCallOffReason.PROFILES_MERGED },
    );
    await move(manager, 'email_change_requests', 'participant_id', [keepId, duplicateId]);
  }

  /**
   * The address the duplicate had is told, as after an address change, unless it bounced: so that
   * the person, if they still read it, knows where their mail goes now.
   */
  private async tellTheDuplicateAddress(
    manager: EntityManager,
    actor: StaffActor,
    keep: Participant,
    duplicate: Participant,
  ) {
    if (duplicate.emailSuppressedAt) return;
    await this.outbox.enqueue(manager, [
      {
        key: `${EMAIL_CHANGED_NOTICE_TEMPLATE}-${keep.id}-${randomUUID()}`,
        template: EMAIL_CHANGED_NOTICE_TEMPLATE,
        participantId: keep.id,
        toAddress: duplicate.email,
        params: { changedByUserId: actor.userId, merged: 'true' },
      },
    ]);
  }
}

/** A suggestion the merge deleted, to carry its links over to the one that stays. */
interface GoneSuggestion {
  id: string;
  eventId: string;
  participantId: string;
  suggestedId: string;
}

/** The ids an UPDATE or DELETE … RETURNING id touched (TypeORM answers such a statement with [rows, count]). */
async function changedIds(manager: EntityManager, sql: string, parameters: unknown[]): Promise<string[]> {
  const [rows]: [{ id: string }[], number] = await manager.query(sql, parameters);
  return rows.map((row) => row.id);
}

/** Points `column` of `table` from the duplicate (pair[1]) to the kept profile (pair[0]); answers how many rows. */
async function move(manager: EntityManager, table: string, column: string, [keepId, duplicateId]: string[]) {
  const [, affected]: [unknown, number] = await manager.query(
    `UPDATE ${table} SET ${column} = $1 WHERE ${column} = $2`,
    [keepId, duplicateId],
  );
  return affected;
}

/**
 * SQL: whether the caller's organisation runs or co-hosts event `alias` (managesEvent), given the
 * parameters saying whether the caller is an admin and which organisation is theirs.
 */
function eventSeen(alias: string, admin: string, org: string): string {
  return `(${admin} OR ${alias}.organization_id = ${org}
    OR EXISTS (SELECT 1 FROM event_co_hosts ch WHERE ch.event_id = ${alias}.id AND ch.organization_id = ${org}))`;
}

/**
 * SQL: the SeenAt columns of a row `alias` with a title, whose holding organisation is joined as
 * `o`: the title only where `seen` holds, so a title the caller may not read never leaves the database.
 */
function seenAt(alias: string, seen: string): string {
  return `CASE WHEN ${seen} THEN ${alias}.title END AS title, o.name AS organization`;
}

/**
 * The people with whom the two profiles have requests that cross (one asked them under one
 * profile, and was asked by them under the other, at the same event, neither answered), whose
 * acceptance the merge writes (combineMeetingRequests, acceptCrossed). Read before the locks, to
 * take them with the two profiles (lockForMerge), and again once they are held: from then on no
 * request to or from either profile is written or answered until the merge commits, so these are
 * all it can find crossing under the events' locks.
 */
async function crossingCounterparts(manager: EntityManager, pair: string[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT asked.to_participant_id AS id
       FROM meeting_requests asked
       JOIN meeting_requests back
         ON back.event_id = asked.event_id AND back.from_participant_id = asked.to_participant_id
        AND back.to_participant_id = ANY($1) AND back.status = $2
      WHERE asked.from_participant_id = ANY($1) AND asked.status = $2
        AND asked.to_participant_id <> ALL($1)`,
    [pair, MeetingRequestStatus.PENDING],
  );
  return rows.map((row) => row.id);
}
