import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Actor, ParticipantActor } from '../auth/actor';
import { SessionMode } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { eventTitleFor, eventVenueFor } from '../events/event-title';
import { OutboxService } from '../mail/outbox.service';
import { languageOf } from '../participants/participant-kind';
import { nameShownToOthers } from '../participants/participant-label';
import { Participant } from '../participants/participant.entity';
import { agendaChanges, AgendaChanges, AgendaSnapshot, agendaSnapshot } from './agenda-changes';
import { AgendaDeliveries } from './agenda-deliveries.service';
import { Meeting } from './meeting.entity';
import { MeetingRequestStatus, MeetingStatus } from './meeting-enums';
import { MeetingRequest } from './meeting-request.entity';
import { MeetingCalendarEntry, MissedBy } from './meeting-ics';
import { MeetingParticipant } from './meeting-participant.entity';
import { MeetingErrors } from './meetings.errors';
import { agendaEmail } from './meetings.service';

const LIVE = [MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW];

export interface SchedulePublication {
  publishedMeetings: number;
  /** Agreed meetings waiting for a slot, told to both sides for the first time (not those at the venue). */
  unscheduledMeetings: number;
  /**
   * People the publication concerns, an agenda email written for each. One whose agenda has nothing
   * new since the one they received is skipped as it leaves (the composer compares; doing it here
   * would read every agenda inside this transaction): emailProgress says how many went.
   */
  notifiedParticipants: number;
  /** The agenda emails' batch, for emailProgress. */
  batchId: string;
}

/** A participant's published agenda at an event: meetings with a time, and agreed ones without. */
export interface ParticipantAgenda {
  meetings: Meeting[];
  unscheduled: UnscheduledAgendaEntry[];
}

/**
 * An agreed meeting without a time: an ACCEPTED request the published schedule has no slot for, or
 * a meeting at the venue (no 商談枠), which has a meeting of its own from its agreement.
 */
export interface UnscheduledAgendaEntry {
  request: MeetingRequest;
  /** The other side, company loaded. */
  other: Participant;
  /** The meeting at the venue, its sides loaded; null for an agreed request waiting for a slot. */
  meeting: Meeting | null;
  /** Who staff recorded as not having come to the meeting at the venue, as the reader reads it. */
  missedBy: MissedBy | null;
}

export interface AgendaListing {
  entries: MeetingCalendarEntry[];
  unscheduled: UnscheduledAgendaEntry[];
  snapshot: AgendaSnapshot;
}

/** Publishing a schedule and reading it back as a participant's agenda or calendar. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly deliveries: AgendaDeliveries,
  ) {}

  /**
   * Locks every unpublished meeting of the event in place (re-running the scheduler no longer
   * moves them) and writes one agenda email per participant who has a newly published meeting or
   * an agreed meeting that is left without a slot: the run lists such a pair as unscheduled for
   * the organiser, and both people would otherwise come expecting a meeting nobody told them
   * about. Publishing again publishes only what was added since, and emails only those it concerns.
   * A meeting at the venue (no 商談枠) is not published: it is on the agenda from its agreement, as
   * one of the people to meet on the day, and is told (like an agreed one without a slot) once here.
   */
  async publish(actor: Actor, eventId: string): Promise<SchedulePublication> {
    // Under the event lock: a scheduling run writing placements waits, and vice versa. The people
    // the agenda emails point at are locked before it (the lock order of participant-store.ts),
    // so an erasure or a merge of one of them goes first or waits, rather than deadlock with this.
    const toldOf = (manager: EntityManager) => peopleToldOfSchedule(manager, eventId);
    return this.events.withPeopleAndEventLocked(actor, eventId, toldOf, async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE meetings m SET published_at = now(), updated_at = now()
          WHERE ${PLACED_UNPUBLISHED_SQL}
          RETURNING participant_a_id, participant_b_id`,
        [eventId],
      )) as [{ participant_a_id: string; participant_b_id: string }[], number];
      const [unscheduled] = (await manager.query(
        `UPDATE meeting_requests r SET unscheduled_published_at = now(), updated_at = now()
          WHERE ${AGREED_UNTOLD_SQL}
          RETURNING from_participant_id, to_participant_id,
            EXISTS (SELECT 1 FROM meetings m
                     WHERE m.request_id = r.id AND m.status <> 'CANCELLED' AND m.session_id IS NULL) AS at_venue`,
        [eventId, MeetingRequestStatus.ACCEPTED],
      )) as [{ from_participant_id: string; to_participant_id: string; at_venue: boolean }[], number];
      const participants = [
        ...new Set([
          ...rows.flatMap((row) => [row.participant_a_id, row.participant_b_id]),
          ...unscheduled.flatMap((row) => [row.from_participant_id, row.to_participant_id]),
        ]),
      ];
      const batch = randomUUID();
      await this.outbox.enqueue(
        manager,
        participants.map((participantId) => ({
          ...agendaEmail(eventId, participantId, `agenda-${batch}-${participantId}`),
          batchId: batch,
        })),
      );
      return {
        publishedMeetings: rows.length,
        // A meeting at the venue is told here too, but it waits for no slot.
        unscheduledMeetings: unscheduled.filter((row) => !row.at_venue).length,
        notifiedParticipants: participants.length,
        batchId: batch,
      };
    });
  }

  /**
   * The participant's agenda at the event emailed to them again, as it stands (a lost email, a new
   * phone): sent even when nothing changed since the last one. With nothing on it, it is sent only
   * to show what was called off since the agenda they hold (「取り消しになった面談」: someone whose
   * only meeting was called off asks where it went); refused when it would show nothing at all.
   */
  async sendAgain(actor: Actor, eventId: string, participantId: string): Promise<void> {
    await this.events.getManaged(actor, eventId);
    await this.dataSource.transaction(async (manager) => {
      const { entries, unscheduled, snapshot } = await this.listing(manager, participantId, eventId);
      if (entries.length === 0 && unscheduled.length === 0) {
        const previous = await this.deliveries.lastReceived(manager, participantId, eventId);
        if (!agendaChanges(previous, snapshot)?.removed.length) throw MeetingErrors.agendaEmpty();
      }
      const email = agendaEmail(eventId, participantId, `agenda-again-${randomUUID()}`);
      await this.outbox.enqueue(manager, [{ ...email, params: { ...email.params, again: 'true' } }]);
    });
  }

  /**
   * A participant's published, live meetings at an event in time order, and the agreed meetings
   * without a slot (published so, or at the venue): two queries, whatever the number of meetings.
   * An event that does not exist, or that they may not see (EventsService.maySee), is not found:
   * a mistyped id must not read as "no meetings"; one they may see is their agenda, empty or not.
   */
  async agenda(actor: ParticipantActor, eventId: string): Promise<ParticipantAgenda> {
    const manager = this.dataSource.manager;
    if (!(await this.mayOpen(manager, actor, eventId))) throw MeetingErrors.agendaEventNotFound(eventId);
    const participantId = actor.participantId;
    const meetings = await manager.find(Meeting, {
      where: {
        eventId,
        status: In(LIVE),
        publishedAt: Not(IsNull()),
        sessionId: Not(IsNull()),
        sides: { participantId },
      },
      relations: { session: true, participantA: { company: true }, participantB: { company: true } },
      order: { startsAt: 'ASC' },
    });
    return { meetings, unscheduled: await this.unscheduled(manager, participantId, eventId) };
  }

  /**
   * Whether the participant may open their agenda at the event: it is there and they may see it
   * (EventsService.maySee). myAgenda and the agenda page behind the email's link ask the same, so
   * that neither shows a draft or an invite-only event to someone it is hidden from.
   */
  async mayOpen(manager: EntityManager, actor: ParticipantActor, eventId: string): Promise<boolean> {
    const event = await manager.findOne(Event, { where: { id: eventId }, relations: { coHosts: true } });
    return !!event && (await this.events.maySee(manager, actor, event));
  }

  /**
   * Agreed meetings the participant was told have no time yet, until they have a published one:
   * one the scheduler places later is still unannounced until the organiser publishes it, so it
   * stays here rather than vanish from the agenda. At an event without 商談枠 there is nothing to
   * publish: a meeting at the venue is here from the moment it is agreed (its 面談成立 emails point
   * to this agenda), not from the last publishSchedule. Oldest agreement first.
   */
  async unscheduled(
    manager: EntityManager,
    participantId: string,
    eventId: string,
  ): Promise<UnscheduledAgendaEntry[]> {
    const requests = await manager
      .createQueryBuilder(MeetingRequest, 'request')
      .innerJoinAndSelect('request.fromParticipant', 'fromParticipant')
      .leftJoinAndSelect('fromParticipant.company', 'fromCompany')
      .innerJoinAndSelect('request.toParticipant', 'toParticipant')
      .leftJoinAndSelect('toParticipant.company', 'toCompany')
      .where('request.eventId = :eventId AND request.status = :accepted', {
        eventId,
        accepted: MeetingRequestStatus.ACCEPTED,
      })
      .andWhere(
        `(request.unscheduledPublishedAt IS NOT NULL
          OR EXISTS (SELECT 1 FROM meetings m
                      WHERE m.request_id = request.id AND m.status <> 'CANCELLED' AND m.session_id IS NULL))`,
      )
      .andWhere('(request.fromParticipantId = :participantId OR request.toParticipantId = :participantId)', {
        participantId,
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM meetings m
                      WHERE m.request_id = request.id AND m.status <> 'CANCELLED' AND m.published_at IS NOT NULL)`,
      )
      .orderBy('request.respondedAt', 'ASC', 'NULLS LAST')
      .addOrderBy('request.id', 'ASC')
      .getMany();
    const atVenue = await this.meetingsAtTheVenue(
      manager,
      requests.map(({ id }) => id),
      { live: true },
    );
    return requests.map((request) => {
      const meeting = atVenue.get(request.id) ?? null;
      return {
        request,
        other: request.fromParticipantId === participantId ? request.toParticipant : request.fromParticipant,
        meeting,
        missedBy:
          meeting &&
          missedBy(
            meeting,
            participantId,
            meeting.sides.filter((side) => side.noShow).map((side) => side.participantId),
          ),
      };
    });
  }

  /**
   * The meetings at the venue (no 商談枠) of these requests, by request id, their sides loaded: the
   * live one of each (held or missed ones included), or, for the entries an agenda lists as gone
   * since (`live: false`), whichever there was. One query.
   */
  async meetingsAtTheVenue(
    manager: EntityManager,
    requestIds: string[],
    { live }: { live: boolean },
  ): Promise<Map<string, Meeting>> {
    if (requestIds.length === 0) return new Map();
    const meetings = await manager.find(Meeting, {
      where: { requestId: In(requestIds), sessionId: IsNull(), ...(live ? { status: In(LIVE) } : {}) },
      relations: { sides: true },
      order: { createdAt: 'ASC' },
    });
    return new Map(meetings.map((meeting) => [meeting.requestId, meeting]));
  }

  /**
   * Whether the agreed meeting of a request is one at the venue (no time is to come), as its
   * 面談成立 emails and the page behind a digest's link say: read from its meeting when they are
   * composed or shown, not from whether the event has 商談枠 then, which staff may have changed
   * since the agreement.
   */
  async agreedAtTheVenue(manager: EntityManager, requestId: string): Promise<boolean> {
    return (await this.meetingsAtTheVenue(manager, [requestId], { live: true })).has(requestId);
  }

  /**
   * The entries of an agenda gone since the one it is compared with, each that was a meeting at the
   * venue named by its meeting and marked so: an agenda says where a meeting called off was, and
   * for one at the venue that is no time but the venue, not "no time yet".
   */
  async removedAtTheVenue(
    manager: EntityManager,
    changes: AgendaChanges | null,
  ): Promise<AgendaChanges | null> {
    const untimed = changes?.removed.filter((entry) => entry.meetingId === null) ?? [];
    if (!changes || untimed.length === 0) return changes;
    const atVenue = await this.meetingsAtTheVenue(
      manager,
      untimed.map(({ requestId }) => requestId),
      { live: false },
    );
    return {
      ...changes,
      removed: changes.removed.map((entry) => {
        const meeting = entry.meetingId === null ? atVenue.get(entry.requestId) : undefined;
        return meeting ? { ...entry, meetingId: meeting.id, atVenue: true } : entry;
      }),
    };
  }

  /**
   * A participant's agenda at an event as the agenda email, the agenda page and the reminder list
   * it: the published meetings as calendar entries, the agreed ones without a time, and what the
   * two amount to for comparing (AgendaSnapshot).
   */
  async listing(manager: EntityManager, participantId: string, eventId: string): Promise<AgendaListing> {
    const entries = await this.calendarEntries(manager, participantId, { eventId, includeCancelled: false });
    const unscheduled = await this.unscheduled(manager, participantId, eventId);
    return {
      entries,
      unscheduled,
      snapshot: agendaSnapshot(
        entries,
        unscheduled.map(({ request }) => request.id),
      ),
    };
  }

  /** Calendar entries for one participant: an event's agenda, or every event's (the feed). */
  async calendarEntries(
    manager: EntityManager,
    participantId: string,
    filter: { eventId?: string; meetingIds?: string[]; includeCancelled: boolean },
  ): Promise<MeetingCalendarEntry[]> {
    const meetings = await manager.find(Meeting, {
      where: {
        ...(filter.eventId ? { eventId: filter.eventId } : {}),
        ...(filter.meetingIds ? { id: In(filter.meetingIds) } : {}),
        ...(filter.includeCancelled ? {} : { status: In(LIVE) }),
        publishedAt: Not(IsNull()),
        // A meeting at the venue has no time of its own: no calendar entry (the event has its own).
        sessionId: Not(IsNull()),
        sides: { participantId },
      },
      relations: {
        event: true,
        session: true,
        participantA: { company: true },
        participantB: { company: true },
      },
      // One cancelled in a 商談枠 removed since still names it (the feed keeps it as cancelled).
      withDeleted: true,
      order: { startsAt: 'ASC' },
    });
    const missed = await this.missedSides(manager, meetings);
    return meetings.map((meeting) => {
      const [me, other] =
        meeting.participantAId === participantId
          ? [meeting.participantA, meeting.participantB]
          : [meeting.participantB, meeting.participantA];
      return {
        id: meeting.id,
        requestId: meeting.requestId,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        sequence: meeting.sequence,
        cancelled: meeting.status === MeetingStatus.CANCELLED,
        eventTitle: eventTitleFor(meeting.event, languageOf(me)),
        venue: eventVenueFor(meeting.event, languageOf(me)),
        sessionName: meeting.session?.name ?? '',
        tableLabel: meeting.tableLabel ?? '',
        booth: meeting.session?.mode === SessionMode.BOOTHS,
        // Someone erased since is named to nobody (their row keeps only a placeholder for staff,
        // and no company).
        counterpartName: nameShownToOthers(other),
        counterpartCompany: other.company?.name ?? null,
        missedBy: missedBy(meeting, participantId, missed.get(meeting.id)),
        updatedAt: meeting.updatedAt,
      };
    });
  }

  /** Who was recorded as not having come, by meeting, for the NO_SHOW ones: one query. */
  private async missedSides(manager: EntityManager, meetings: Meeting[]): Promise<Map<string, string[]>> {
    const ids = meetings.filter((meeting) => meeting.status === MeetingStatus.NO_SHOW).map(({ id }) => id);
    const missed = new Map<string, string[]>();
    if (ids.length === 0) return missed;
    const sides = await manager.find(MeetingParticipant, { where: { meetingId: In(ids), noShow: true } });
    for (const side of sides)
      missed.set(side.meetingId, [...(missed.get(side.meetingId) ?? []), side.participantId]);
    return missed;
  }
}

/** On a meeting `m` of event $1: placed in a 商談枠 and not yet published, which publish publishes. */
const PLACED_UNPUBLISHED_SQL = `m.event_id = $1 AND m.published_at IS NULL AND m.status = 'SCHEDULED' AND m.session_id IS NOT NULL`;

/**
 * On a meeting request `r` of event $1, agreed ($2: ACCEPTED): its two sides not yet told that it
 * has no slot (or is met at the venue), and it has no meeting in a 商談枠 to be published instead.
 */
const AGREED_UNTOLD_SQL = `r.event_id = $1 AND r.status = $2 AND r.unscheduled_published_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM meetings m
                   WHERE m.request_id = r.id AND m.status <> 'CANCELLED' AND m.session_id IS NOT NULL)`;

/**
 * Whom publishing the event's schedule as it stands would send an agenda: both sides of each
 * meeting it publishes and of each agreement it tells, read as publish's updates choose them, for
 * EventsService.withPeopleAndEventLocked.
 */
async function peopleToldOfSchedule(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: { a: string; b: string }[] = await manager.query(
    `SELECT m.participant_a_id AS a, m.participant_b_id AS b FROM meetings m WHERE ${PLACED_UNPUBLISHED_SQL}
     UNION
     SELECT r.from_participant_id, r.to_participant_id FROM meeting_requests r WHERE ${AGREED_UNTOLD_SQL}`,
    [eventId, MeetingRequestStatus.ACCEPTED],
  );
  return [...new Set(rows.flatMap((row) => [row.a, row.b]))];
}

/** A NO_SHOW meeting as `participantId` reads it: they missed it, the other side did, or both. */
function missedBy(meeting: Meeting, participantId: string, absent: string[] = []): MissedBy | null {
  if (meeting.status !== MeetingStatus.NO_SHOW) return null;
  const me = absent.includes(participantId);
  const them = absent.some((id) => id !== participantId);
  // A NO_SHOW meeting always has a side marked; with none found, say nothing rather than guess.
  return me && them ? 'BOTH' : me ? 'YOU' : them ? 'THEM' : null;
}
