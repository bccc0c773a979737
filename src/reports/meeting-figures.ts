import { EntityManager } from 'typeorm';
import {
  MEETING_REQUEST_STATUS_LABEL,
  MEETING_STATUS_LABEL,
  MeetingRequestStatus,
  MeetingStatus,
} from '../meetings/meeting-enums';
import { EventMeetingFiguresModel } from './models/event-report.model';
import { MeetingRequestFiguresModel } from './models/meeting-request-figures.model';
import { RollupRow, splitRollup } from './rollup';

/**
 * The events a report counts 面談申込 and 面談 at: SQL for a CTE `report_events (id)`, and its
 * parameters. eventReport reads one event, fiscalYearReport the year's events, through the same
 * statements below, so that the figures of a year's events add up to the year's.
 */
export interface ReportEvents {
  cte: string;
  params: unknown[];
}

export const oneEvent = (eventId: string): ReportEvents => ({
  cte: 'report_events AS (SELECT CAST($1 AS uuid) AS id)',
  params: [eventId],
});

/**
 * 面談申込 by status as the list shows it (effectiveStatus): a pending request past its 回答期限
 * is 期限切れ before the sweep writes it. Agreed (面談成立) counts those later called off too: only
 * an accepted request can be cancelled after an answer (`responded_at`), a declined one cannot.
 * 面談成立率 is taken over the same rows as the total, rounded as the アンケート share is.
 */
export async function meetingRequestFigures(
  manager: EntityManager,
  events: ReportEvents,
): Promise<MeetingRequestFiguresModel> {
  const rows: RollupRow<
    MeetingRequestStatus,
    { count: number; agreed: number; agreedRate: number | null; unplaced: number }
  >[] = await manager.query(
    `WITH ${events.cte},
          requests AS (
            SELECT CASE WHEN q.status = 'PENDING' AND q.expires_at <= now() THEN 'EXPIRED'
                        ELSE CAST(q.status AS text) END AS status,
                   q.status = 'ACCEPTED' OR (q.status = 'CANCELLED' AND q.responded_at IS NOT NULL) AS agreed,
                   q.status = 'ACCEPTED' AND NOT EXISTS (
                     SELECT 1 FROM meetings m WHERE m.request_id = q.id AND m.status <> 'CANCELLED') AS unplaced
              FROM meeting_requests q WHERE q.event_id IN (SELECT id FROM report_events))
     SELECT status AS key, count(*)::int AS count,
            count(*) FILTER (WHERE agreed)::int AS agreed,
            round(100.0 * count(*) FILTER (WHERE agreed) / NULLIF(count(*), 0), 1)::float8 AS "agreedRate",
            count(*) FILTER (WHERE unplaced)::int AS unplaced
       FROM requests GROUP BY ROLLUP (status)`,
    events.params,
  );
  const { total, byKey } = splitRollup(rows, Object.values(MeetingRequestStatus), {
    count: 0,
    agreed: 0,
    agreedRate: null,
    unplaced: 0,
  });
  return {
    total: total.count,
    byStatus: byKey.map(({ key, count }) => ({
      status: key,
      label: MEETING_REQUEST_STATUS_LABEL[key],
      count,
    })),
    agreed: total.agreed,
    agreedRate: total.agreedRate,
    unplaced: total.unplaced,
  };
}

/** 面談 by status; placed are those not called off (予定, 実施, 不参加あり). */
export async function meetingFigures(
  manager: EntityManager,
  events: ReportEvents,
): Promise<EventMeetingFiguresModel> {
  const rows: RollupRow<MeetingStatus, { count: number }>[] = await manager.query(
    `WITH ${events.cte}
     SELECT status AS key, count(*)::int AS count
       FROM meetings WHERE event_id IN (SELECT id FROM report_events) GROUP BY ROLLUP (status)`,
    events.params,
  );
  const { total, byKey } = splitRollup(rows, Object.values(MeetingStatus), { count: 0 });
  const cancelled = byKey.find(({ key }) => key === MeetingStatus.CANCELLED)?.count ?? 0;
  return {
    total: total.count,
    byStatus: byKey.map(({ key, count }) => ({ status: key, label: MEETING_STATUS_LABEL[key], count })),
    placed: total.count - cancelled,
  };
}
