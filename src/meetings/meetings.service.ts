import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, isStaff } from '../auth/actor';
import { AppError, ConflictError } from '../common/errors/app-error';
import { managesEvent } from '../events/event-access';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { MatchmakingSession } from '../events/matchmaking-session.entity';
import { withoutSlots } from '../events/without-slots';
import { SessionMode } from '../events/event-enums';
import { OutboxRequest, OutboxService } from '../mail/outbox.service';
import { Participant } from '../participants/participant.entity';
import { withPeopleLocked } from '../participants/participant-store';
import { ParticipantsService } from '../participants/participants.service';
import { boothKey, sameBooth } from '../registrations/booth-label';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus, SEATED } from '../registrations/registration-enums';
import { Placement, slotTimes } from '../scheduling/scheduling-instance';
import { formatTokyoJapanese } from '../common/time/tokyo-time';
import { MeetingMailTemplate } from './mail/meeting-mail-templates';
import { CounterpartLeftKind } from './mail/meeting-emails.template';
import { Meeting } from './meeting.entity';
import {
  MEETING_TRANSITIONS,
  MeetingRequestStatus,
  MeetingStatus,
  OPEN_REQUEST_STATUSES,
} from './meeting-enums';
import { cameToAMeetingSql } from './came-to-meeting';
import { MeetingParticipant } from './meeting-participant.entity';
import { MeetingRequest } from './meeting-request.entity';
import { MeetingSettingsService } from './meeting-settings.service';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { MeetingErrorCode, MeetingErrors } from './meetings.errors';
import { isUuid } from '../common/validation/uuid';
import { ConnectionShape } from '../common/pagination/connection';
import { keysetPage, PageArgs } from '../common/pagination/keyset-page';
import { joinMeetingParty } from './meeting-party-join';

const SLOT_CONSTRAINTS = ['uq_meetings_table_slot', 'uq_meeting_participants_slot'];
/**
 * SLOT_TAKEN (slotTaken) because one side already has a meeting then: withSidesLocked names them
 * once its transaction has ended. Named inside it, a read on a second connection, a burst of
 * refused placements held every connection of the pool, each waiting for one more, and hung.
 */
class PersonBusy extends ConflictError {
  constructor(readonly participantId: string) {
    const { code, message, field } = MeetingErrors.slotTaken();
    super(code, message, field);
  }
}

/** A scheduling run's meetings are written this many to a statement. */
const PLACEMENTS_PER_STATEMENT = 5_000;

/**
 * A meeting with what it names. Read `withDeleted`: a meeting cancelled in a 商談枠 that was
 * removed since keeps naming it (MatchmakingSession.removedAt); no live meeting is in one.
 */
const RELATIONS = {
  session: true,
  participantA: { company: true },
  participantB: { company: true },
  sides: true,
} as const;

/** A slot given back by a cancelled meeting, to offer to a request still waiting for one. */
export interface FreedSlot {
  eventId: string;
  sessionId: string;
  slotIndex: number;
  tableLabel: string;
  published: boolean;
}

/**
 * Meetings once placed: manual placement and moves, the day's outcomes, cancellation (and giving
 * the freed slot to a waiting request). Double bookings are refused by the database's unique
 * indexes, so every writer — this service and the scheduling job — is safe against the others.
 */
@Injectable()
export class MeetingsService {
  private readonly logger = new Logger(MeetingsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly settings: MeetingSettingsService,
    private readonly outbox: OutboxService,
    private readonly participants: ParticipantsService,
  ) {}

  async get(id: string): Promise<Meeting> {
    if (!isUuid(id)) throw MeetingErrors.meetingNotFound(id);
    const meeting = await this.dataSource
      .getRepository(Meeting)
      .findOne({ where: { id }, relations: RELATIONS, withDeleted: true });
    if (!meeting) throw MeetingErrors.meetingNotFound(id);
    return meeting;
  }

  /** Staff of the managing organisation, or one of the two sides. */
  async getVisible(actor: Actor, id: string): Promise<Meeting> {
    const meeting = await this.get(id);
    if (isStaff(actor))
      await this.events.getManaged(actor, meeting.eventId, () => MeetingErrors.meetingNotFound(id));
    else if (![meeting.participantAId, meeting.participantBId].includes(actor.participantId))
      throw MeetingErrors.notASide();
    return meeting;
  }

  /**
   * An event's meetings for its staff (cancelled ones included on request), by start time, then id:
   * the keyset needs one sort column and a unique tie-breaker, so meetings at the same time come in
   * a stable order, not by table.
   */
  async listForEvent<N>(
    actor: Actor,
    eventId: string,
    filter: { includeCancelled: boolean; participantId?: string | null },
    page: PageArgs,
    toNode: (meeting: Meeting) => N,
  ): Promise<ConnectionShape<N>> {
    await this.events.getManaged(actor, eventId);
    const query = this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      // A cancelled meeting names its 商談枠 even after the session was removed (RELATIONS).
      .withDeleted()
      .leftJoinAndSelect('meeting.session', 'session');
    joinMeetingParty(query, 'meeting.participantA', 'participantA', 'companyA');
    joinMeetingParty(query, 'meeting.participantB', 'participantB', 'companyB');
    query.where('meeting.eventId = :eventId', { eventId });
    if (filter.participantId) {
      query.andWhere('(meeting.participantAId = :participantId OR meeting.participantBId = :participantId)', {
        participantId: filter.participantId,
      });
    }
    // Not cancelled, written as such: `status IN (…)` fits the (event, status) index, which the
    // planner took for a large event whose meetings it had not yet counted, sorting them all.
    if (!filter.includeCancelled) query.andWhere(`meeting.status <> 'CANCELLED'`);
    // The sides (who did not come) are read for the page alone: joined, they would double the rows
    // and the page would be found by a query over all of the event's meetings.
    const found = await keysetPage(query, 'meeting.startsAt', page, (meeting) => meeting);
    const sides = new Map<string, MeetingParticipant[]>();
    const pageSides = await this.dataSource.getRepository(MeetingParticipant).findBy({
      meetingId: In(found.edges.map((edge) => edge.node.id)),
    });
    for (const side of pageSides) sides.set(side.meetingId, [...(sides.get(side.meetingId) ?? []), side]);
    return {
      ...found,
      edges: found.edges.map(({ cursor, node: meeting }) => {
        meeting.sides = sides.get(meeting.id) ?? [];
        return { cursor, node: toNode(meeting) };
      }),
    };
  }

  /**
   * The organiser places an accepted request by hand. Two placements racing for the same table or
   * person are decided by the unique indexes (one wins, the rest get SLOT_TAKEN); the two people's
   * rows and the event's are locked (withSidesLocked, lockEventShared) against an erasure, a merge,
   * a booth change or the event's cancellation, and the request's (lockAgreement) against its
   * withdrawal.
   */
  async place(
    actor: Actor,
    requestId: string,
    sessionId: string,
    slotIndex: number,
    table: string | null,
  ): Promise<Meeting> {
    if (!isUuid(requestId)) throw MeetingErrors.requestNotFound(requestId);
    const request = await this.dataSource.getRepository(MeetingRequest).findOneBy({ id: requestId });
    if (!request) throw MeetingErrors.requestNotFound(requestId);
    const event = await this.events.getManaged(actor, request.eventId, () =>
      MeetingErrors.requestNotFound(requestId),
    );
    if (request.status !== MeetingRequestStatus.ACCEPTED) throw MeetingErrors.notAccepted();
    const id = await this.withSidesLocked(requestSides(request.id), async (manager) => {
      // Checked again under a shared lock on the event, then on the request: a cancellation of
      // the event, or a withdrawal of the request, committed since the checks above, or under way
      // and waited for here, wins, and no meeting is placed on it. The booth is read under the
      // event's lock too (lockEventShared).
      const locked = await this.lockEventShared(manager, request.eventId);
      const current = await this.lockAgreement(manager, request.id);
      const placement = await this.resolveSlot(
        manager,
        event,
        current ?? request,
        sessionId,
        slotIndex,
        table,
      );
      if (!locked || locked.status === EventStatus.CANCELLED) throw MeetingErrors.eventNotOpen();
      if (current?.status !== MeetingRequestStatus.ACCEPTED) throw MeetingErrors.notAccepted();
      if (inBooths(event, sessionId)) await this.assertBoothFree(manager, placement, null);
      const [meeting] = await this.insertPlacements(manager, request.eventId, [placement], null);
      return meeting.id;
    });
    return this.get(id);
  }

  /**
   * The slot a move or a placement wanted is taken: says by what, so staff on the floor can pick
   * another (the table has a meeting then, or one side has a meeting elsewhere then). Read from
   * the unique index's report alone: the transaction that hit it is void and still holds its
   * connection, so a person is named only once it has ended (nameBusyPerson).
   */
  private slotTaken(error: unknown): AppError {
    const { constraint, detail } =
      (error as { driverError?: { constraint?: string; detail?: string } }).driverError ?? {};
    // Postgres names the key that clashed, the table or the person last: `Key (session_id,
    // slot_index, table_label)=(…, 3, 7) already exists.` (participant_id for a person).
    const last = /, ([^,()]+)\) already exists/.exec(detail ?? '')?.[1];
    if (constraint === 'uq_meetings_table_slot' && last)
      return MeetingErrors.slotTaken(
        `${/^\d+$/.test(last) ? 'テーブル ' : 'ブース '}${last} に別の面談があります`,
      );
    if (constraint === 'uq_meeting_participants_slot' && last && isUuid(last)) return new PersonBusy(last);
    return MeetingErrors.slotTaken();
  }

  /** SLOT_TAKEN by one person's other meeting, with their name, read after the transaction. */
  private async nameBusyPerson({ participantId }: PersonBusy): Promise<AppError> {
    const busy = await this.dataSource.getRepository(Participant).findOneBy({ id: participantId });
    return MeetingErrors.slotTaken(busy ? `${busy.name} 様に同じ時間の別の面談があります` : undefined);
  }

  /**
   * Moves a meeting to another slot (and table). A published meeting keeps its calendar UID and
   * gets a higher SEQUENCE; both sides are sent their updated agenda.
   */
  async move(
    actor: Actor,
    id: string,
    sessionId: string,
    slotIndex: number,
    table: string | null,
  ): Promise<Meeting> {
    const meeting = await this.get(id);
    const event = await this.events.getManaged(actor, meeting.eventId, () =>
      MeetingErrors.meetingNotFound(id),
    );
    if (meeting.status !== MeetingStatus.SCHEDULED) throw MeetingErrors.notMovable(meeting.status);
    await this.withSidesLocked(meetingSides(id), async (manager, [fromParticipantId, toParticipantId]) => {
      // The event next, as placeMeeting takes it (lockEventShared): a scheduling run writing its
      // placements, or a booth change, is either committed and seen here, or waits for this move.
      await this.lockEventShared(manager, meeting.eventId);
      const request = { id: meeting.requestId, fromParticipantId, toParticipantId };
      const target = await this.resolveSlot(manager, event, request, sessionId, slotIndex, table);
      const locked = await manager.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (locked?.status !== MeetingStatus.SCHEDULED)
        throw MeetingErrors.notMovable(locked?.status ?? MeetingStatus.CANCELLED);
      const sequence = locked.publishedAt ? locked.sequence + 1 : locked.sequence;
      await this.assertSessionsInUse(manager, [target]);
      if (inBooths(event, sessionId)) await this.assertBoothFree(manager, target, id);
      try {
        await manager.update(Meeting, id, {
          sessionId: target.sessionId,
          slotIndex: target.slotIndex,
          tableLabel: target.tableLabel,
          startsAt: target.startsAt,
          endsAt: target.endsAt,
          sequence,
        });
        await manager.update(
          MeetingParticipant,
          { meetingId: id },
          { sessionId: target.sessionId, slotIndex: target.slotIndex },
        );
      } catch (error) {
        if (isUniqueViolation(error, ...SLOT_CONSTRAINTS)) throw this.slotTaken(error);
        throw error;
      }
      if (locked.publishedAt) {
        await this.outbox.enqueue(
          manager,
          [locked.participantAId, locked.participantBId].map((participantId) =>
            agendaEmail(locked.eventId, participantId, `meeting-moved-${id}-${sequence}-${participantId}`),
          ),
        );
      }
    });
    return this.get(id);
  }

  /**
   * Either side or the organiser calls a meeting off; its slot is offered to a waiting request.
   * The two sides' rows first (its emails point at them: see withSidesLocked), then the event's
   * (lockEventShared), then the request's, then the meeting's: the order a withdrawal of the
   * request takes them in (MeetingRequestsService.cancel), so that the two sides pressing 面談中止
   * and 依頼の取り下げ at once wait for each other rather than each holding the row the other
   * writes next (a deadlock, which Postgres answers by failing one of them). Those that call
   * meetings off before their requests under the event's row lock for update (the event's
   * cancellation, a registration cancelled, an erasure, a merge) wait for, or are waited for by,
   * the shared lock.
   */
  async cancel(actor: Actor, id: string): Promise<Meeting> {
    const meeting = await this.getVisible(actor, id);
    if (meeting.status === MeetingStatus.CANCELLED) return meeting;
    const freed = await this.withSidesLocked(meetingSides(id), async (manager) => {
      await this.lockEventShared(manager, meeting.eventId);
      await manager.findOne(MeetingRequest, {
        where: { id: meeting.requestId },
        lock: { mode: 'pessimistic_write' },
      });
      const locked = await manager.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw MeetingErrors.meetingNotFound(id);
      if (locked.status === MeetingStatus.CANCELLED) return null;
      return this.cancelLocked(manager, locked);
    });
    if (freed) await this.offerFreedSlot(freed);
    return this.get(id);
  }

  /**
   * Cancels a meeting whose row the caller holds locked, and its request (the agreement is off, so
   * the scheduler must not place it again). Published meetings send METHOD:CANCEL to both sides,
   * saying why when it is that one of them gave up their seat (`leftBy`). One on no published
   * agenda (at the venue, or placed and not yet published) has its 面談中止 too, without a calendar
   * file, to each side that was told it was agreed (calledOffEmails); one whose side gave up their
   * seat is told by cancelForLeaver instead.
   */
  async cancelLocked(manager: EntityManager, meeting: Meeting, leftBy?: string): Promise<FreedSlot | null> {
    if (!MEETING_TRANSITIONS.can(meeting.status, MeetingStatus.CANCELLED))
      throw MeetingErrors.invalidTransition(meeting.status, MeetingStatus.CANCELLED);
    const published = meeting.publishedAt !== null;
    await manager.update(Meeting, meeting.id, {
      status: MeetingStatus.CANCELLED,
      cancelledAt: new Date(),
      sequence: published ? meeting.sequence + 1 : meeting.sequence,
    });
    await manager.update(MeetingParticipant, { meetingId: meeting.id }, { active: false });
    await manager.update(MeetingRequest, meeting.requestId, { status: MeetingRequestStatus.CANCELLED });
    if (published) {
      await this.outbox.enqueue(
        manager,
        [meeting.participantAId, meeting.participantBId].map((participantId) => ({
          key: `meeting-cancelled-${meeting.id}-${participantId}`,
          template: MeetingMailTemplate.CANCELLED,
          participantId,
          eventId: meeting.eventId,
          transactional: true,
          params: { meetingId: meeting.id, ...(leftBy ? { leftBy } : {}) },
        })),
      );
    } else if (!leftBy) {
      await this.outbox.enqueue(manager, calledOffEmails(meeting));
    }
    // A meeting at the venue held no slot: nothing is freed for anyone.
    if (meeting.sessionId === null || meeting.slotIndex === null || meeting.tableLabel === null) return null;
    return {
      eventId: meeting.eventId,
      sessionId: meeting.sessionId,
      slotIndex: meeting.slotIndex,
      tableLabel: meeting.tableLabel,
      published,
    };
  }

  /**
   * At an event without 商談枠 an agreed request is a meeting at once, at the venue (会場内): there
   * is no schedule to wait for, and staff record it held or missed like any other (the reports
   * count it). No slot or table; the event's hours as its time. It is never published: it has no
   * calendar entry, and the agenda lists it among the people to meet on the day (AgendaService).
   * In the caller's transaction, beside the 面談成立 emails. Does nothing at an event with 商談枠,
   * where the request waits for the scheduler or a placement by hand, nor at one whose 商談枠 staff
   * all removed (withoutSlots): they are building the grid again, and it waits for that — unless
   * they make it one without 商談枠 again, when WithoutSessionsListener writes it here.
   */
  async meetAtVenue(
    manager: EntityManager,
    request: Pick<MeetingRequest, 'id' | 'eventId' | 'fromParticipantId' | 'toParticipantId'>,
  ): Promise<void> {
    if (!(await withoutSlots(manager, request.eventId))) return;
    const event = await manager.findOneByOrFail(Event, { id: request.eventId });
    try {
      const { identifiers } = await manager.insert(Meeting, {
        eventId: request.eventId,
        requestId: request.id,
        sessionId: null,
        slotIndex: null,
        tableLabel: null,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        participantAId: request.fromParticipantId,
        participantBId: request.toParticipantId,
      });
      const meetingId = (identifiers[0] as { id: string }).id;
      await manager.insert(
        MeetingParticipant,
        [request.fromParticipantId, request.toParticipantId].map((participantId) => ({
          meetingId,
          participantId,
          eventId: request.eventId,
          sessionId: null,
          slotIndex: null,
        })),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_meetings_live_request')) throw MeetingErrors.alreadyPlaced();
      throw error;
    }
  }

  /**
   * Someone gave up their seat: their scheduled meetings at the event are called off (both sides
   * get METHOD:CANCEL if published) and their open requests withdrawn, in the caller's transaction.
   * Each other side is told once, at an event still to come: the one with an agreed meeting not on
   * a published agenda (a meeting not yet published, or an agreed request without a time), and the
   * one whose request was waiting for the leaver's answer. Those the leaver asked need no email:
   * the link in their request says it is withdrawn. The freed slots are offered to waiting
   * requests after the commit.
   */
  async cancelForLeaver(manager: EntityManager, eventId: string, participantId: string) {
    const event = await manager.findOneBy(Event, { id: eventId });
    const tell = event?.status === EventStatus.PUBLISHED && event.endsAt.getTime() > Date.now();
    const notices: OutboxRequest[] = [];
    const notice = (requestId: string, counterpartId: string, kind: CounterpartLeftKind) =>
      notices.push({
        key: `meeting-counterpart-left-${requestId}`,
        template: MeetingMailTemplate.COUNTERPART_LEFT,
        participantId: counterpartId,
        eventId,
        transactional: true,
        params: { requestId, kind },
      });
    const meetings = await manager
      .createQueryBuilder(Meeting, 'meeting')
      .setLock('pessimistic_write')
      .where('meeting.eventId = :eventId AND meeting.status = :scheduled', {
        eventId,
        scheduled: MeetingStatus.SCHEDULED,
      })
      .andWhere('(meeting.participantAId = :participantId OR meeting.participantBId = :participantId)', {
        participantId,
      })
      .getMany();
    const freed: FreedSlot[] = [];
    for (const meeting of meetings) {
      const slot = await this.cancelLocked(manager, meeting, participantId);
      if (slot) freed.push(slot);
      // A published one has its 面談中止 from cancelLocked.
      if (meeting.publishedAt === null)
        notice(
          meeting.requestId,
          otherSide(meeting.participantAId, meeting.participantBId, participantId),
          'AGREED',
        );
    }
    // Still open now: agreed without a meeting, or waiting for an answer.
    const open = await manager
      .createQueryBuilder(MeetingRequest, 'request')
      .setLock('pessimistic_write')
      .where('request.eventId = :eventId AND request.status IN (:...open)', {
        eventId,
        open: OPEN_REQUEST_STATUSES,
      })
      .andWhere('(request.fromParticipantId = :participantId OR request.toParticipantId = :participantId)', {
        participantId,
      })
      .andWhere(
        // A meeting already held (at an event under way) is not news to call off.
        `NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = request.id AND m.status IN ('HELD', 'NO_SHOW'))`,
      )
      .getMany();
    for (const request of open) {
      const counterpartId = otherSide(request.fromParticipantId, request.toParticipantId, participantId);
      if (request.status === MeetingRequestStatus.ACCEPTED) notice(request.id, counterpartId, 'AGREED');
      else if (request.toParticipantId === participantId) notice(request.id, counterpartId, 'REQUESTED');
    }
    // Those only: a request whose meeting was held keeps saying it was agreed, for the figures.
    if (open.length > 0)
      await manager.update(
        MeetingRequest,
        { id: In(open.map((request) => request.id)) },
        { status: MeetingRequestStatus.CANCELLED },
      );
    if (tell) await this.outbox.enqueue(manager, notices);
    return async () => {
      for (const slot of freed) await this.offerFreedSlot(slot);
    };
  }

  /**
   * Whom cancelForLeaver may write to when `participantId` gives up their seat at the event: the
   * other sides of their scheduled meetings and open requests there. The cancellation locks them,
   * with the leaver, before the event (RegistrationsService.withCancellationLocked).
   */
  async counterpartsOf(manager: EntityManager, eventId: string, participantId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT CASE WHEN participant_a_id = $2 THEN participant_b_id ELSE participant_a_id END AS id
         FROM meetings
        WHERE event_id = $1 AND status = $3 AND $2 IN (participant_a_id, participant_b_id)
       UNION
       SELECT CASE WHEN from_participant_id = $2 THEN to_participant_id ELSE from_participant_id END
         FROM meeting_requests
        WHERE event_id = $1 AND status = ANY($4) AND $2 IN (from_participant_id, to_participant_id)`,
      [eventId, participantId, MeetingStatus.SCHEDULED, OPEN_REQUEST_STATUSES],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The event is cancelled: every scheduled meeting is called off (a published one with its
   * SEQUENCE raised, so the feed and any .ics show it CANCELLED) and every open request withdrawn,
   * in the caller's transaction. No per-meeting email and no slot offered again: the event's
   * 開催中止 email carries the calendar cancellations (CancelledEventListener).
   *
   * Answers the published meetings it called off, by participant: those are the ones the email
   * lists (a meeting called off before, and told then, is not news).
   */
  async cancelForCancelledEvent(manager: EntityManager, eventId: string): Promise<Map<string, string[]>> {
    const meetings: { id: string; participant_a_id: string; participant_b_id: string; published: boolean }[] =
      await manager
        .query(
          `UPDATE meetings
            SET status = 'CANCELLED', cancelled_at = now(), updated_at = now(),
                sequence = sequence + CASE WHEN published_at IS NULL THEN 0 ELSE 1 END
          WHERE event_id = $1 AND status = 'SCHEDULED'
          RETURNING id, participant_a_id, participant_b_id, published_at IS NOT NULL AS published`,
          [eventId],
        )
        .then(([rows]: [typeof meetings]) => rows);
    const published = new Map<string, string[]>();
    for (const meeting of meetings.filter((row) => row.published)) {
      for (const participantId of [meeting.participant_a_id, meeting.participant_b_id]) {
        published.set(participantId, [...(published.get(participantId) ?? []), meeting.id]);
      }
    }
    if (meetings.length > 0) {
      await manager.update(
        MeetingParticipant,
        { meetingId: In(meetings.map((m) => m.id)) },
        { active: false },
      );
    }
    await manager.update(
      MeetingRequest,
      { eventId, status: In(OPEN_REQUEST_STATUSES) },
      { status: MeetingRequestStatus.CANCELLED },
    );
    return published;
  }

  async markHeld(actor: Actor, id: string): Promise<Meeting> {
    return this.setOutcome(actor, id, MeetingStatus.HELD, 'none');
  }

  /**
   * Records that `participantId` did not come and the other side did, or with null that neither
   * came; the meeting becomes NO_SHOW. Each call says the whole of it, so it corrects the last.
   */
  async markNoShow(actor: Actor, id: string, participantId: string | null): Promise<Meeting> {
    return this.setOutcome(actor, id, MeetingStatus.NO_SHOW, participantId ?? 'both');
  }

  /**
   * How often a participant missed a meeting, over every event (for organisers planning the next
   * one: the pool is shared), newest first; an unknown participant is NOT_FOUND, not an empty
   * history. Who they stood up is the running organisation's business: the other side is named
   * only at events the actor's organisation runs or co-hosts.
   */
  async noShowHistory(
    actor: Actor,
    participantId: string,
  ): Promise<{ participant: Participant; entries: { meeting: Meeting; counterpart: Participant | null }[] }> {
    const participant = await this.participants.get(participantId);
    const meetings = await this.dataSource.getRepository(Meeting).find({
      where: { sides: { participantId, noShow: true } },
      relations: { event: { coHosts: true }, ...RELATIONS },
      withDeleted: true,
      order: { startsAt: 'DESC' },
    });
    const entries = meetings.map((meeting) => ({
      meeting,
      counterpart: managesEvent(actor, meeting.event)
        ? meeting.participantAId === participantId
          ? meeting.participantB
          : meeting.participantA
        : null,
    }));
    return { participant, entries };
  }

  /**
   * Gives a freed slot to an accepted request still without a meeting, when both sides attend, are
   * free then, are under their meeting cap and the table (or booth, compared as booths) fits, while
   * the slot is still to come. Published schedules get the new meeting published at once, with the
   * agenda sent to both. Runs after the cancellation committed; losing a race to another writer
   * just means trying the next candidate.
   */
  async offerFreedSlot(freed: FreedSlot): Promise<Meeting | null> {
    try {
      const { atBooth, candidates } = await this.freedSlotCandidates(freed);
      for (const candidate of candidates) {
        try {
          const meeting = await this.withSidesLocked(requestSides(candidate.requestId), async (manager) => {
            // Still agreed, between whom it is now: an erasure of one of them, or a merge, that
            // committed while this waited for their rows took it back, or moved it. The event's
            // lock, then the request's (lockAgreement): the event's cancellation, or a withdrawal
            // of the request, under way is waited for and found. A booth is read under the event's
            // lock (atFreedBooth).
            await this.lockEventShared(manager, freed.eventId);
            const request = await this.lockAgreement(manager, candidate.requestId);
            if (request?.status !== MeetingRequestStatus.ACCEPTED) return null;
            const sided = {
              ...candidate,
              participantAId: request.fromParticipantId,
              participantBId: request.toParticipantId,
            };
            const placement = atBooth ? await this.atFreedBooth(manager, freed, sided) : sided;
            if (!placement) return null;
            const [created] = await this.insertPlacements(manager, freed.eventId, [placement], null);
            if (freed.published) await this.publishOne(manager, created);
            return created;
          });
          if (!meeting) continue;
          this.logger.log(`freed slot offered to request ${candidate.requestId}`);
          return meeting;
        } catch (error) {
          // Someone else took the slot or placed the request meanwhile: try the next one.
          const lost = [MeetingErrorCode.SLOT_TAKEN, MeetingErrorCode.ALREADY_PLACED] as string[];
          if (!(error instanceof AppError && lost.includes(error.code))) throw error;
        }
      }
    } catch (error) {
      this.logger.warn(`offering a freed slot: ${(error as Error).message}`);
    }
    return null;
  }

  /**
   * A freed slot at a booth, for one candidate: read and checked as placeMeeting reads and checks
   * its booth, under the event's lock (lockEventShared, taken by the caller), so a booth change
   * committed since the candidates were found is seen. The exhibitor must still stand at the freed
   * booth (compared as booths), and no other meeting may hold it then under another spelling
   * (assertBoothFree: a meeting written 「B-1」 stands where one at 「B-01」 would). The meeting is at
   * the booth as the exhibitor's registration writes it, as placeMeeting writes one. Null if the
   * booth is not theirs any more.
   */
  private async atFreedBooth(
    manager: EntityManager,
    freed: FreedSlot,
    candidate: Placement,
  ): Promise<Placement | null> {
    const booth = await this.boothBetween(manager, freed.eventId, [
      candidate.participantAId,
      candidate.participantBId,
    ]);
    if (booth === null || !sameBooth(booth, freed.tableLabel)) return null;
    const placement = { ...candidate, tableLabel: booth };
    await this.assertBoothFree(manager, placement, null);
    return placement;
  }

  /**
   * Writes placements (meeting + one row per side). A clash with any live meeting raises
   * SLOT_TAKEN / ALREADY_PLACED from the unique indexes; the caller's transaction is then void.
   * One statement per 5,000 placements, from arrays: a scheduling run writes tens of thousands.
   */
  async insertPlacements(
    manager: EntityManager,
    eventId: string,
    placements: Placement[],
    publishedAt: Date | null,
  ): Promise<Meeting[]> {
    const meetings: Meeting[] = [];
    await this.assertSessionsInUse(manager, placements);
    try {
      for (let start = 0; start < placements.length; start += PLACEMENTS_PER_STATEMENT) {
        const chunk = placements.slice(start, start + PLACEMENTS_PER_STATEMENT);
        const column = <K extends keyof Placement>(key: K) => chunk.map((placement) => placement[key]);
        const inserted: { id: string; request_id: string }[] = await manager.query(
          `WITH placed AS (
             INSERT INTO meetings (event_id, request_id, session_id, slot_index, table_label, starts_at,
                                   ends_at, participant_a_id, participant_b_id, published_at)
             SELECT $1, p.request_id, p.session_id, p.slot_index, p.table_label, p.starts_at, p.ends_at,
                    p.a, p.b, $2
             FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::varchar[], $7::timestamptz[],
                         $8::timestamptz[], $9::uuid[], $10::uuid[])
               AS p(request_id, session_id, slot_index, table_label, starts_at, ends_at, a, b)
             RETURNING id, request_id, session_id, slot_index, participant_a_id, participant_b_id
           ), sides AS (
             INSERT INTO meeting_participants (meeting_id, participant_id, event_id, session_id, slot_index)
             SELECT placed.id, side.participant_id, $1, placed.session_id, placed.slot_index
             FROM placed, LATERAL (VALUES (placed.participant_a_id), (placed.participant_b_id))
               AS side(participant_id)
           )
           SELECT id, request_id FROM placed`,
          [
            eventId,
            publishedAt,
            column('requestId'),
            column('sessionId'),
            column('slotIndex'),
            column('tableLabel'),
            column('startsAt'),
            column('endsAt'),
            column('participantAId'),
            column('participantBId'),
          ],
        );
        const idOf = new Map(inserted.map((row) => [row.request_id, row.id]));
        for (const placement of chunk) {
          meetings.push(
            Object.assign(new Meeting(), {
              ...placement,
              id: idOf.get(placement.requestId)!,
              eventId,
              status: MeetingStatus.SCHEDULED,
              sequence: 0,
              publishedAt,
            }),
          );
        }
      }
      return meetings;
    } catch (error) {
      if (isUniqueViolation(error, 'uq_meetings_live_request')) throw MeetingErrors.alreadyPlaced();
      if (isUniqueViolation(error, ...SLOT_CONSTRAINTS)) throw this.slotTaken(error);
      throw error;
    }
  }

  /**
   * The 商談枠 the caller checked before its transaction are still in use: one removed meanwhile
   * takes no meeting (its row is kept for the meetings cancelled in it, so nothing else refuses).
   * Read under a share lock, which removing the session waits for before it counts the meetings
   * in it: whichever comes second sees the other.
   */
  private async assertSessionsInUse(
    manager: EntityManager,
    placements: Pick<Placement, 'sessionId'>[],
  ): Promise<void> {
    const ids = [...new Set(placements.map((placement) => placement.sessionId))];
    if (ids.length === 0) return;
    const inUse: { id: string }[] = await manager.query(
      `SELECT id FROM matchmaking_sessions WHERE id = ANY($1::uuid[]) AND removed_at IS NULL FOR SHARE`,
      [ids],
    );
    if (inUse.length < ids.length) throw MeetingErrors.sessionNotInEvent();
  }

  /** Marks one meeting published and sends both sides their agenda (caller's transaction). */
  private async publishOne(manager: EntityManager, meeting: Meeting): Promise<void> {
    await manager.update(Meeting, meeting.id, { publishedAt: new Date() });
    await this.outbox.enqueue(
      manager,
      [meeting.participantAId, meeting.participantBId].map((participantId) =>
        agendaEmail(meeting.eventId, participantId, `meeting-offered-${meeting.id}-${participantId}`),
      ),
    );
  }

  private async setOutcome(
    actor: Actor,
    id: string,
    to: MeetingStatus,
    /** Who missed it: one side (by id), both, or none. */
    missed: string | 'both' | 'none',
  ): Promise<Meeting> {
    const meeting = await this.get(id);
    await this.events.getManaged(actor, meeting.eventId, () => MeetingErrors.meetingNotFound(id));
    const sides = [meeting.participantAId, meeting.participantBId];
    if (missed !== 'both' && missed !== 'none' && !sides.includes(missed)) throw MeetingErrors.notInMeeting();
    const absent = missed === 'both' ? sides : missed === 'none' ? [] : [missed];
    // Held or missed is what happened, so not before it could: a meeting marked held ahead of
    // time would count as 実施 in reports and let a deal be recorded from it.
    if (Date.now() < meeting.startsAt.getTime())
      throw MeetingErrors.notStarted(formatTokyoJapanese(meeting.startsAt));
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw MeetingErrors.meetingNotFound(id);
      if (locked.status !== to) {
        if (!MEETING_TRANSITIONS.can(locked.status, to))
          throw MeetingErrors.invalidTransition(locked.status, to);
        await manager.update(Meeting, id, { status: to });
      }
      // HELD clears earlier no-show marks (a correction); NO_SHOW marks the sides that missed it.
      await manager.update(MeetingParticipant, { meetingId: id }, { noShow: false });
      if (absent.length > 0)
        await manager.update(
          MeetingParticipant,
          { meetingId: id, participantId: In(absent) },
          { noShow: true },
        );
      // Whoever came to the meeting came to the event: a side the list has as 欠席 (closed with
      // everyone not yet checked in marked absent, while meetings were still to come) is 出席
      // from the meeting's start, so the event's and the year's figures count them.
      const came = sides.filter((side) => !absent.includes(side));
      if (came.length > 0)
        await manager.update(
          Registration,
          { eventId: meeting.eventId, participantId: In(came), status: RegistrationStatus.NO_SHOW },
          { status: RegistrationStatus.ATTENDED, checkedInAt: meeting.startsAt },
        );
      // A correction (held → the other side missed it) takes back the 出席 that this meeting
      // alone gave the side who did not come: one checked in at reception keeps theirs. (The
      // 出席 was written from the meeting's start as JavaScript holds it, to the millisecond.)
      if (absent.length > 0)
        await manager.query(
          `UPDATE registrations r SET status = 'NO_SHOW', checked_in_at = NULL, updated_at = now()
            WHERE r.event_id = $1 AND r.participant_id = ANY($2::uuid[]) AND r.status = 'ATTENDED'
              AND r.checked_in_at = (SELECT date_trunc('milliseconds', starts_at) FROM meetings WHERE id = $3)
              AND NOT ${cameToAMeetingSql('r')}`,
          [meeting.eventId, absent, meeting.id],
        );
    });
    return this.get(id);
  }

  /**
   * The booth of a booth-mode placement or move has no other live meeting in the slot, compared as
   * booths (boothKey): the database's uq_meetings_table_slot compares labels as written, so a
   * meeting stored at 「B-1」 (older data, from before B-1 and B-01 were one booth) would not stop
   * another from being put at 「B-01」 then. Refused as the index refuses one label, naming the booth
   * as the meeting there writes it. Two writers of one booth and slot take turns (a lock for the
   * transaction on that booth and slot), so neither misses the other; one label alone is still
   * kept by the index against every writer.
   */
  private async assertBoothFree(
    manager: EntityManager,
    target: Pick<Placement, 'sessionId' | 'slotIndex' | 'tableLabel'>,
    movingId: string | null,
  ): Promise<void> {
    const key = boothKey(target.tableLabel);
    if (key === null) return;
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `booth ${target.sessionId} ${target.slotIndex} ${key}`,
    ]);
    const there: { table_label: string }[] = await manager.query(
      `SELECT table_label FROM meetings
        WHERE session_id = $1 AND slot_index = $2 AND status <> 'CANCELLED' AND id IS DISTINCT FROM $3::uuid
        ORDER BY id`,
      [target.sessionId, target.slotIndex, movingId],
    );
    const taken = there.find((row) => boothKey(row.table_label) === key);
    if (taken) throw MeetingErrors.slotTaken(`ブース ${taken.table_label} に別の面談があります`);
  }

  /**
   * Runs `write` in a transaction that first locks the rows of the two people it writes a meeting
   * of, as `sidesOf` reads them (a request's or a meeting's two sides), ahead of the event's and
   * the meeting's: see withPeopleLocked, which starts again with the people a merge committed
   * meanwhile put the request or meeting on. A slot found taken by one of the two is refused
   * naming them once the transaction has ended (PersonBusy).
   */
  private async withSidesLocked<T>(
    sidesOf: (manager: EntityManager) => Promise<string[]>,
    write: (manager: EntityManager, sides: string[]) => Promise<T>,
  ): Promise<T> {
    try {
      return await withPeopleLocked(this.dataSource, sidesOf, write);
    } catch (error) {
      throw error instanceof PersonBusy ? await this.nameBusyPerson(error) : error;
    }
  }

  /**
   * Share-locks the event's row in the transaction of a placement, a move, a call-off or a freed
   * slot given: after the two people's rows (withSidesLocked), before the request's and the
   * meeting's, never after. A booth change (RegistrationsService, under the event's row lock
   * for update) and a scheduling run writing its placements (the same lock) then either committed
   * before, and the exhibitor's booth and the meetings in the slot are read as they left them, or
   * wait until this commits. The run re-reads what it planned around under its lock, so a meeting
   * moved before it gets there has it compute again.
   */
  private async lockEventShared(manager: EntityManager, eventId: string): Promise<Event | null> {
    return manager.findOne(Event, { where: { id: eventId }, lock: { mode: 'pessimistic_read' } });
  }

  /**
   * The request a meeting is about to be written for, share-locked after the event's row
   * (lockEventShared) and read as it stands, whether it is still agreed. Its withdrawal
   * (MeetingRequestsService.cancel) locks it for update, after the event's row too, before it looks
   * for a live meeting to call off: one waits for the other. Without this lock the meeting's
   * foreign key would only wait for the withdrawal to commit, then find the row still there, and a
   * meeting would be placed on a request withdrawn meanwhile, which nobody calls off. Shared, so two
   * placements of one request are still decided by the unique index (ALREADY_PLACED).
   */
  private async lockAgreement(manager: EntityManager, requestId: string): Promise<MeetingRequest | null> {
    return manager.findOne(MeetingRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_read' } });
  }

  /**
   * Validates a target slot for a request and computes its times and table, in the caller's
   * transaction: a booth is read under the event's lock (lockEventShared).
   */
  private async resolveSlot(
    manager: EntityManager,
    event: Event,
    request: Pick<MeetingRequest, 'id' | 'fromParticipantId' | 'toParticipantId'>,
    sessionId: string,
    slotIndex: number,
    table: string | null,
  ): Promise<Placement> {
    const session = (event.sessions ?? []).find((candidate) => candidate.id === sessionId);
    if (!session) throw MeetingErrors.sessionNotInEvent();
    if (!Number.isInteger(slotIndex) || slotIndex < 0 || slotIndex >= session.slotCount)
      throw MeetingErrors.invalidSlot(session.slotCount);
    const { startsAt, endsAt } = slotTimes(session, slotIndex);
    // Nobody can be sent to a time that has gone; a meeting that took place is recorded as held.
    if (startsAt.getTime() <= Date.now()) throw MeetingErrors.slotPast(formatTokyoJapanese(startsAt));
    const label = await this.tableFor(manager, session, request, table);
    return {
      requestId: request.id,
      participantAId: request.fromParticipantId,
      participantBId: request.toParticipantId,
      sessionId,
      slotIndex,
      tableLabel: label,
      startsAt,
      endsAt,
    };
  }

  private async tableFor(
    manager: EntityManager,
    session: MatchmakingSession,
    request: Pick<MeetingRequest, 'fromParticipantId' | 'toParticipantId'>,
    table: string | null,
  ): Promise<string> {
    if (session.mode === SessionMode.BOOTHS) {
      const booth = await this.boothBetween(manager, session.eventId, [
        request.fromParticipantId,
        request.toParticipantId,
      ]);
      if (booth === null)
        throw MeetingErrors.invalidTable(
          'ブース方式では、どちらか一方だけが出展者（ブースあり）である必要があります',
        );
      return booth;
    }
    const count = session.tableCount ?? 0;
    // As the floor sheet writes it (「テーブル 3」), or the number alone, in either width.
    const number = Number(
      table
        ?.normalize('NFKC')
        .replace(/^\s*(テーブル|table)\s*/i, '')
        .trim(),
    );
    if (!table || !Number.isInteger(number) || number < 1 || number > count)
      throw MeetingErrors.invalidTable(`テーブル番号は 1〜${count} で指定してください（例: 3、テーブル 3）`);
    return String(number);
  }

  /**
   * Where two people meet in a booth-mode 商談枠: the booth of the one of them who has one, as their
   * registration writes it; null unless exactly one has a booth.
   */
  private async boothBetween(
    manager: EntityManager,
    eventId: string,
    sides: string[],
  ): Promise<string | null> {
    const registrations = await manager.find(Registration, {
      where: { eventId, participantId: In(sides) },
    });
    const withBooth = registrations.filter((registration) => registration.booth);
    return withBooth.length === 1 ? withBooth[0].booth : null;
  }

  private async freedSlotCandidates(
    freed: FreedSlot,
  ): Promise<{ atBooth: boolean; candidates: Placement[] }> {
    const manager = this.dataSource.manager;
    const session = await manager.findOneBy(MatchmakingSession, { id: freed.sessionId });
    if (!session) return { atBooth: false, candidates: [] };
    const atBooth = session.mode === SessionMode.BOOTHS;
    const { startsAt, endsAt } = slotTimes(session, freed.slotIndex);
    // A slot that has begun is nobody's to take: both would be told of a meeting already late.
    if (startsAt.getTime() <= Date.now()) return { atBooth, candidates: [] };
    const settings = await this.settings.get(manager, freed.eventId);
    // The freed booth as the event's registrations write it, compared as booths: the meeting may
    // have been written 「B-1」 (older data) where its exhibitor's booth is 「B-01」. The event's
    // booths are few (one per exhibitor), so they are compared here.
    const spellings = atBooth
      ? (
          (await manager.query(
            'SELECT DISTINCT booth FROM registrations WHERE event_id = $1 AND booth IS NOT NULL',
            [freed.eventId],
          )) as { booth: string }[]
        )
          .map((row) => row.booth)
          .filter((booth) => sameBooth(booth, freed.tableLabel))
      : [];
    const rows: { id: string; from_participant_id: string; to_participant_id: string }[] =
      await manager.query(
        `SELECT r.id, r.from_participant_id, r.to_participant_id
         FROM meeting_requests r
         JOIN registrations ra ON ra.event_id = r.event_id AND ra.participant_id = r.from_participant_id
         JOIN registrations rb ON rb.event_id = r.event_id AND rb.participant_id = r.to_participant_id
        WHERE r.event_id = $1 AND r.status = 'ACCEPTED'
          AND ra.status = ANY($2) AND rb.status = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status <> 'CANCELLED')
          AND NOT EXISTS (SELECT 1 FROM meeting_participants mp
                           WHERE mp.active AND mp.session_id = $3 AND mp.slot_index = $4
                             AND mp.participant_id IN (r.from_participant_id, r.to_participant_id))
          AND ($5::int IS NULL OR (
                (SELECT count(*) FROM meeting_participants mp WHERE mp.active AND mp.event_id = r.event_id AND mp.participant_id = r.from_participant_id) < $5
            AND (SELECT count(*) FROM meeting_participants mp WHERE mp.active AND mp.event_id = r.event_id AND mp.participant_id = r.to_participant_id) < $5))
          AND CASE WHEN $6 = 'BOOTHS'
                   THEN (ra.booth = ANY($7::text[]) AND rb.booth IS NULL)
                     OR (rb.booth = ANY($7::text[]) AND ra.booth IS NULL)
                   ELSE NOT EXISTS (SELECT 1 FROM matchmaking_sessions s
                                     WHERE s.event_id = r.event_id AND s.mode = 'BOOTHS' AND s.removed_at IS NULL)
                        OR (ra.booth IS NULL AND rb.booth IS NULL)
              END
        ORDER BY r.weight DESC, r.responded_at ASC NULLS LAST, r.id
        LIMIT 20`,
        [
          freed.eventId,
          SEATED,
          freed.sessionId,
          freed.slotIndex,
          settings.maxMeetingsPerParticipant,
          session.mode,
          spellings,
        ],
      );
    const candidates = rows.map((row) => ({
      requestId: row.id,
      participantAId: row.from_participant_id,
      participantBId: row.to_participant_id,
      sessionId: freed.sessionId,
      slotIndex: freed.slotIndex,
      tableLabel: freed.tableLabel,
      startsAt,
      endsAt,
    }));
    return { atBooth, candidates };
  }
}

/** The agenda email for one participant at one event; `key` names the change that caused it. */
export function agendaEmail(eventId: string, participantId: string, key: string): OutboxRequest {
  return {
    key,
    template: MeetingMailTemplate.AGENDA,
    participantId,
    eventId,
    transactional: true,
    params: { eventId },
  };
}

/**
 * 【面談中止】 to both sides of an agreed meeting that was on no published agenda (MeetingCancelledComposer
 * with `requestId`): a meeting at the venue, one placed and not yet published, or an agreed request
 * without a meeting. Keyed by the request, which is called off once; the composer sends it only to a
 * side that was told it was agreed (toldOfAgreement).
 */
export function calledOffEmails(agreement: {
  eventId: string;
  requestId: string;
  participantAId: string;
  participantBId: string;
}): OutboxRequest[] {
  return [agreement.participantAId, agreement.participantBId].map((participantId) => ({
    key: `meeting-called-off-${agreement.requestId}-${participantId}`,
    template: MeetingMailTemplate.CANCELLED,
    participantId,
    eventId: agreement.eventId,
    transactional: true,
    params: { requestId: agreement.requestId },
  }));
}

/** Whether `sessionId` is one of the event's booth-mode 商談枠 (meetings at the exhibitor's booth). */
function inBooths(event: Event, sessionId: string): boolean {
  return (event.sessions ?? []).some(
    (session) => session.id === sessionId && session.mode === SessionMode.BOOTHS,
  );
}

/** The side of a meeting or request that is not `participantId`. */
function otherSide(a: string, b: string, participantId: string): string {
  return a === participantId ? b : a;
}

/** The two sides of a request, as they stand (none for one that is gone), for withPeopleLocked. */
export function requestSides(id: string) {
  return async (manager: EntityManager): Promise<string[]> => {
    const request = await manager.findOneBy(MeetingRequest, { id });
    return request ? [request.fromParticipantId, request.toParticipantId] : [];
  };
}

/** The two sides of a meeting, as they stand (none for one that is gone), for withSidesLocked. */
function meetingSides(id: string) {
  return async (manager: EntityManager): Promise<string[]> => {
    const meeting = await manager.findOneBy(Meeting, { id });
    return meeting ? [meeting.participantAId, meeting.participantBId] : [];
  };
}
