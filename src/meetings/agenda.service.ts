import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Actor } from '../auth/actor';
import { SessionMode } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../mail/outbox.service';
import { Meeting } from './meeting.entity';
import { MeetingStatus } from './meeting-enums';
import { MeetingCalendarEntry } from './meeting-ics';
import { agendaEmail } from './meetings.service';

const LIVE = [MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW];

export interface SchedulePublication {
  publishedMeetings: number;
  notifiedParticipants: number;
  /** The agenda emails' batch, for emailProgress. */
  batchId: string;
}

/** Publishing a schedule and reading it back as a participant's agenda or calendar. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Locks every unpublished meeting of the event in place (re-running the scheduler no longer
   * moves them) and writes one agenda email per participant who has a newly published meeting.
   * Publishing again publishes only what was added since, and emails only those it concerns.
   */
  async publish(actor: Actor, eventId: string): Promise<SchedulePublication> {
    return this.dataSource.transaction(async (manager) => {
      // Under the event lock: a scheduling run writing placements waits, and vice versa.
      await this.events.lockManaged(manager, actor, eventId);
      const [rows] = (await manager.query(
        `UPDATE meetings SET published_at = now(), updated_at = now()
          WHERE event_id = $1 AND published_at IS NULL AND status = 'SCHEDULED'
          RETURNING participant_a_id, participant_b_id`,
        [eventId],
      )) as [{ participant_a_id: string; participant_b_id: string }[], number];
      const participants = [...new Set(rows.flatMap((row) => [row.participant_a_id, row.participant_b_id]))];
      const batch = randomUUID();
      await this.outbox.enqueue(
        manager,
        participants.map((participantId) => ({
          ...agendaEmail(eventId, participantId, `agenda-${batch}-${participantId}`),
          batchId: batch,
        })),
      );
      return { publishedMeetings: rows.length, notifiedParticipants: participants.length, batchId: batch };
    });
  }

  /** A participant's published, live meetings at an event, in time order. */
  async agenda(participantId: string, eventId: string): Promise<Meeting[]> {
    return this.dataSource.getRepository(Meeting).find({
      where: { eventId, status: In(LIVE), publishedAt: Not(IsNull()), sides: { participantId } },
      relations: { session: true, participantA: { company: true }, participantB: { company: true } },
      order: { startsAt: 'ASC' },
    });
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
        sides: { participantId },
      },
      relations: {
        event: true,
        session: true,
        participantA: { company: true },
        participantB: { company: true },
      },
      order: { startsAt: 'ASC' },
    });
    return meetings.map((meeting) => {
      const other = meeting.participantAId === participantId ? meeting.participantB : meeting.participantA;
      return {
        id: meeting.id,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        sequence: meeting.sequence,
        cancelled: meeting.status === MeetingStatus.CANCELLED,
        eventTitle: meeting.event.title,
        venue: meeting.event.venue,
        sessionName: meeting.session.name,
        tableLabel: meeting.tableLabel,
        booth: meeting.session.mode === SessionMode.BOOTHS,
        counterpartName: other.name,
        counterpartCompany: other.company?.name ?? null,
        updatedAt: meeting.updatedAt,
      };
    });
  }
}
