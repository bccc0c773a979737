import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionMode } from '../events/event-enums';
import { Participant } from '../participants/participant.entity';
import { lockSelfAgainstErasure } from '../participants/participant-store';
import {
  agendaChanges,
  AgendaChanges,
  AgendaSnapshot,
  agendaSnapshot,
  agendaVersion,
  unchanged,
} from './agenda-changes';
import { AgendaDeliveries } from './agenda-deliveries.service';
import { AgendaService, ParticipantAgenda } from './agenda.service';
import { MeetingErrors } from './meetings.errors';

/** An agenda as it stands, against the one the participant last looked at. */
export interface AgendaComparison {
  /** Sent back to markSeen (agendaVersion). */
  version: string;
  /** When they last marked it seen (SEEN), or were first sent it (FIRST_SENT); null when neither. */
  since: Date | null;
  baseline: 'SEEN' | 'FIRST_SENT' | null;
  /** Null when there is nothing to compare with. */
  changes: AgendaChanges | null;
  /** The other side of each meeting gone since, by request id, company loaded. */
  removedCounterparts: Map<string, Participant>;
}

/**
 * What changed on a participant's agenda since they last looked (AgendaView), for myAgenda and the
 * agenda page. An email that went out is not taken as read: until they mark the agenda seen, the
 * marks are against the first agenda they were sent, so someone who never opened the updates still
 * sees every move on the day.
 */
@Injectable()
export class AgendaViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: AgendaDeliveries,
    private readonly agenda: AgendaService,
  ) {}

  async compare(participantId: string, eventId: string, snapshot: AgendaSnapshot): Promise<AgendaComparison> {
    const baseline = await this.baseline(participantId, eventId);
    const changes = await this.agenda.removedAtTheVenue(
      this.dataSource.manager,
      agendaChanges(baseline?.agenda ?? null, snapshot),
    );
    return {
      version: agendaVersion(snapshot),
      since: baseline?.since ?? null,
      baseline: baseline?.kind ?? null,
      changes,
      removedCounterparts: await this.deliveries.counterparts(
        this.dataSource.manager,
        participantId,
        changes?.removed.map((entry) => entry.requestId) ?? [],
      ),
    };
  }

  /**
   * Records `snapshot`, the agenda as it stands, as seen; answers the agenda against what is now the
   * reader's baseline. Refused when the reader was shown another `version`: a change made while they
   * were reading would otherwise never be marked. With nothing on the agenda and nothing gone from
   * it since they last looked, there is nothing to mark and no change to miss: it answers the
   * agenda as it stands and records nothing, whatever the version (an app marking the agenda seen
   * as it opens the event page may hold none), so that their first agenda is not marked all new
   * against an empty one.
   */
  async markSeen(
    participantId: string,
    eventId: string,
    snapshot: AgendaSnapshot,
    version: string,
  ): Promise<AgendaComparison> {
    const [event]: unknown[] = await this.dataSource.query(`SELECT 1 FROM events WHERE id = $1`, [eventId]);
    if (!event) throw MeetingErrors.agendaEventNotFound(eventId);
    if (snapshot.meetings.length === 0 && snapshot.unscheduled.length === 0) {
      const comparison = await this.compare(participantId, eventId, snapshot);
      if (!comparison.changes || unchanged(comparison.changes)) return comparison;
    }
    if (agendaVersion(snapshot) !== version) throw MeetingErrors.agendaChangedSinceRead();
    const [{ seen_at: seenAt }]: { seen_at: Date }[] = await this.dataSource.transaction(async (manager) => {
      // An erasure of the reader under way (which deletes their agenda views) is waited for, and
      // no view of theirs is recorded after it (see lockSelfAgainstErasure).
      await lockSelfAgainstErasure(manager, participantId);
      return manager.query(
        `INSERT INTO agenda_views (participant_id, event_id, agenda, seen_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (participant_id, event_id) DO UPDATE SET agenda = excluded.agenda, seen_at = excluded.seen_at
         RETURNING seen_at`,
        [participantId, eventId, JSON.stringify(snapshot)],
      );
    });
    return { version, since: seenAt, baseline: 'SEEN', changes: null, removedCounterparts: new Map() };
  }

  /**
   * The sides of these meetings who have marked seen an agenda with the meeting where it is now
   * (its time and table), as `meetingId/participantId`: for the floor staff, who call those who
   * may not know of a last-minute move. Asked for a page of meetings, it reads only their sides'
   * agenda views.
   */
  async seenWhereTheyAre(meetingIds: readonly string[]): Promise<Set<string>> {
    if (meetingIds.length === 0) return new Set();
    const rows: { meeting_id: string; participant_id: string }[] = await this.dataSource.query(
      `SELECT m.id AS meeting_id, v.participant_id
         FROM meetings m
         JOIN agenda_views v
           ON v.event_id = m.event_id AND v.participant_id IN (m.participant_a_id, m.participant_b_id)
         CROSS JOIN LATERAL jsonb_array_elements(v.agenda->'meetings') seen
        WHERE m.id = ANY($1) AND seen->>'id' = m.id::text
          AND (seen->>'startsAt')::timestamptz = m.starts_at AND (seen->>'endsAt')::timestamptz = m.ends_at
          AND seen->>'table' = m.table_label`,
      [meetingIds],
    );
    return new Set(rows.map((row) => `${row.meeting_id}/${row.participant_id}`));
  }

  /** The agenda last marked seen, or else the first one whose email went out; null when neither. */
  private async baseline(
    participantId: string,
    eventId: string,
  ): Promise<{ agenda: AgendaSnapshot; since: Date; kind: 'SEEN' | 'FIRST_SENT' } | null> {
    const [row]: { agenda: AgendaSnapshot; since: Date; kind: 'SEEN' | 'FIRST_SENT' }[] =
      await this.dataSource.query(
        `SELECT agenda, since, kind FROM (
           SELECT v.agenda, v.seen_at AS since, 'SEEN' AS kind, 0 AS rank FROM agenda_views v
            WHERE v.participant_id = $1 AND v.event_id = $2
           UNION ALL
           (SELECT d.agenda, m.sent_at, 'FIRST_SENT', 1 FROM agenda_deliveries d
              JOIN outbox_messages m ON m.id = d.outbox_message_id
             WHERE d.participant_id = $1 AND d.event_id = $2 AND m.status = 'SENT'
             ORDER BY m.sent_at LIMIT 1)
         ) baseline
         ORDER BY rank LIMIT 1`,
        [participantId, eventId],
      );
    return row ?? null;
  }
}

/** The agenda myAgenda shows, as compared and marked seen. */
export function snapshotOf({ meetings, unscheduled }: ParticipantAgenda): AgendaSnapshot {
  return agendaSnapshot(
    meetings.map((meeting) => ({
      ...meeting,
      tableLabel: meeting.tableLabel ?? '',
      booth: meeting.session?.mode === SessionMode.BOOTHS,
    })),
    unscheduled.map(({ request }) => request.id),
  );
}
