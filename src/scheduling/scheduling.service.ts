import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, isStaff } from '../auth/actor';
import { AppError } from '../common/errors/app-error';
import { ProgressWriter } from '../common/progress/progress-writer';
import { formatTokyoJapanese } from '../common/time/tokyo-time';
import { AppConfig } from '../config/app-config';
import { EventsService } from '../events/events.service';
import { MatchmakingSession } from '../events/matchmaking-session.entity';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingRequestStatus, MeetingStatus } from '../meetings/meeting-enums';
import { MeetingRequest } from '../meetings/meeting-request.entity';
import { MeetingSettingsService } from '../meetings/meeting-settings.service';
import { MeetingErrorCode } from '../meetings/meetings.errors';
import { MeetingsService } from '../meetings/meetings.service';
import { Participant } from '../participants/participant.entity';
import { lockPeople } from '../participants/participant-store';
import { QueueName, SchedulingJob, SchedulingPayload } from '../queue/queue-names';
import { queueReady } from '../queue/queue-ready';
import { SEATED } from '../registrations/registration-enums';
import { InstanceError, progressAt, ScheduleProgress } from './engine';
import { SchedulerRunner } from './scheduler-runner';
import {
  RunPhase,
  SchedulingRun,
  SchedulingRunStatus,
  SchedulingWarningEntry,
  UnscheduledEntry,
} from './scheduling-run.entity';
import { SchedulingErrors } from './scheduling.errors';
import {
  boothsSharedByCompanies,
  buildInstance,
  LockedBoothClash,
  SchedulingInputs,
  slotTimes,
  toPlacements,
  unscheduledReason,
} from './scheduling-instance';

const LIVE = [MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW];
/** Another writer changed the locked meetings between computing and writing: compute again. */
const MAX_ATTEMPTS = 3;
const PROGRESS_EVERY_MS = 250;
/** The share of a run's progress bar that is the engine's computing. */
const ENGINE_SHARE = 90;

class InputsChanged extends Error {}

/** The run's phase for an engine report: its end is when the meetings are being saved. */
function enginePhase(report: ScheduleProgress): RunPhase {
  return report.phase === 'done' ? 'saving' : report.phase;
}

/** A request a run could not place, with both parties; null for one deleted since the run. */
export interface UnscheduledWithParties extends UnscheduledEntry {
  participantA: Participant | null;
  participantB: Participant | null;
}

/** A warning of a run as staff read it: what to check, naming who is concerned as they are now. */
export interface SchedulingWarning {
  code: SchedulingWarningEntry['code'];
  booth: string;
  message: string;
}

/**
 * The scheduling job's use case: snapshot the event, run the engine outside any transaction, then
 * write the placements under the event lock (the people they name locked first) — if the locked
 * meetings are still those it planned around. Published meetings never move; unpublished
 * placements are replaced.
 */
@Injectable()
export class SchedulingService {
  private readonly logger = new Logger(SchedulingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.SCHEDULING) private readonly queue: Queue<SchedulingPayload>,
    private readonly config: AppConfig,
    private readonly events: EventsService,
    private readonly meetings: MeetingsService,
    private readonly settings: MeetingSettingsService,
    private readonly scheduler: SchedulerRunner,
  ) {}

  private get runs() {
    return this.dataSource.getRepository(SchedulingRun);
  }

  /**
   * Records a run and hands it to the queue; the answer shows it QUEUED. While the event has a run
   * queued or running, that run is the answer (a second organiser pressing the button waits for
   * the same one), and its job is handed to the queue again: a no-op, unless Redis lost it. An
   * event with no time slot still to come is refused at once, saying why, rather than
   * "succeeding" with nothing placed.
   */
  async start(actor: Actor, eventId: string): Promise<SchedulingRun> {
    const event = await this.events.getManaged(actor, eventId);
    const sessions = event.sessions ?? [];
    if (sessions.length === 0) throw SchedulingErrors.noSessions();
    const lastSlot = new Date(
      Math.max(...sessions.map((session) => slotTimes(session, session.slotCount - 1).startsAt.getTime())),
    );
    if (lastSlot.getTime() <= Date.now()) throw SchedulingErrors.sessionsOver(formatTokyoJapanese(lastSlot));
    const run = await this.dataSource.transaction(async (manager) => {
      await this.events.lockManaged(manager, actor, eventId);
      const active = await manager.findOne(SchedulingRun, {
        where: { eventId, status: In([SchedulingRunStatus.QUEUED, SchedulingRunStatus.RUNNING]) },
        order: { createdAt: 'DESC' },
      });
      return (
        active ??
        manager.save(
          manager.create(SchedulingRun, { eventId, requestedByUserId: isStaff(actor) ? actor.userId : null }),
        )
      );
    });
    try {
      // After the commit: the worker must find the row. The job id makes a second add a no-op.
      await queueReady(this.queue);
      await this.queue.add(
        SchedulingJob.RUN,
        { runId: run.id },
        {
          jobId: run.id,
          attempts: 3,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: 100,
        },
      );
    } catch (error) {
      this.logger.error(
        `could not enqueue scheduling run ${run.id} (event ${eventId}): ${(error as Error).message}`,
      );
      // Only a run still waiting: a running one is in a worker's hands, which will finish it.
      await this.runs.update(
        { id: run.id, status: SchedulingRunStatus.QUEUED },
        {
          status: SchedulingRunStatus.FAILED,
          error: 'ジョブをキューに登録できませんでした。しばらくしてから再実行してください',
          finishedAt: new Date(),
        },
      );
    }
    return this.runs.findOneByOrFail({ id: run.id });
  }

  async get(actor: Actor, id: string): Promise<SchedulingRun> {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.runs.findOneBy({ id }) : null;
    if (!run) throw SchedulingErrors.runNotFound(id);
    await this.events.getManaged(actor, run.eventId, () => SchedulingErrors.runNotFound(id));
    return run;
  }

  /**
   * The requests a run could not place, each with both parties (and their companies) as they are
   * now, for staff to follow up. The run stores ids only; one query names everyone in it.
   */
  async unscheduledWithParties(actor: Actor, runId: string): Promise<UnscheduledWithParties[]> {
    const run = await this.get(actor, runId);
    const ids = [
      ...new Set(run.unscheduled.flatMap((entry) => [entry.participantAId, entry.participantBId])),
    ];
    const people = new Map(
      (ids.length
        ? await this.dataSource
            .getRepository(Participant)
            .find({ where: { id: In(ids) }, relations: { company: true } })
        : []
      ).map((participant) => [participant.id, participant]),
    );
    return run.unscheduled.map((entry) => ({
      ...entry,
      participantA: people.get(entry.participantAId) ?? null,
      participantB: people.get(entry.participantBId) ?? null,
    }));
  }

  /**
   * What staff should check about the run, each naming the companies concerned as the event's
   * registrations name them now (a company renamed since shows its new name).
   */
  async warnings(actor: Actor, runId: string): Promise<SchedulingWarning[]> {
    const run = await this.get(actor, runId);
    if (run.warnings.length === 0) return [];
    const names = await this.namesAtEvent(
      run.eventId,
      run.warnings.flatMap((warning) => warning.participantIds),
    );
    return run.warnings.map((warning) => ({
      code: warning.code,
      booth: warning.booth,
      message:
        `ブース ${warning.booth} に、別々の事業者（` +
        `${warning.participantIds.map((id) => names.get(id) ?? '削除された参加者').join('、')}）が割り当てられています。` +
        '表記の違うブース番号（例: B-1 と B-01）も同じブースとして扱うため、ここでの面談は1件ずつ、重ならないように配置しました。' +
        '別々のブースの場合は、どちらかのブースを正しい番号に変更してから、もう一度自動配置してください',
    }));
  }

  /** 「株式会社糀谷金属（糀谷 二郎 様）」, or 「糀谷 二郎 様」 without a company: as staff name an exhibitor. */
  private async namesAtEvent(eventId: string, participantIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string; company: string | null }[] = await this.dataSource.query(
      `SELECT p.id, p.name, c.name AS company
         FROM participants p
         LEFT JOIN registrations r ON r.participant_id = p.id AND r.event_id = $1
         LEFT JOIN companies c ON c.id = coalesce(r.company_id, p.company_id)
        WHERE p.id = ANY($2::uuid[])`,
      [eventId, [...new Set(participantIds)]],
    );
    return new Map(
      rows.map((row) => [row.id, row.company ? `${row.company}（${row.name} 様）` : `${row.name} 様`]),
    );
  }

  /**
   * The refusal of a run that meets published meetings at one booth at one time: the first such
   * place (by time), each meeting with both sides and its id for moveMeeting, and how many more.
   */
  private async boothDoubleBooked(run: SchedulingRun, inputs: SchedulingInputs, clashes: LockedBoothClash[]) {
    const sessions = new Map(inputs.sessions.map((session) => [session.id, session]));
    const startOf = (clash: LockedBoothClash) =>
      slotTimes(sessions.get(clash.sessionId)!, clash.slotIndex).startsAt.getTime();
    const [first] = [...clashes].sort((a, b) => startOf(a) - startOf(b));
    const names = await this.namesAtEvent(
      run.eventId,
      first.meetings.flatMap((meeting) => [meeting.participantAId, meeting.participantBId]),
    );
    const name = (id: string) => names.get(id) ?? '削除された参加者';
    return SchedulingErrors.boothDoubleBooked(
      first.booth,
      `${formatTokyoJapanese(new Date(startOf(first)))} 開始の枠（枠番号 ${first.slotIndex + 1}）`,
      first.meetings.map(
        (meeting) =>
          `${name(meeting.participantAId)} と ${name(meeting.participantBId)} の面談（面談ID ${meeting.id}、ブース表記「${meeting.tableLabel}」）`,
      ),
      clashes.length - 1,
    );
  }

  /** The job: returns early when the run is gone or already finished (a retried or duplicate job). */
  async execute(runId: string, onProgress?: (percent: number) => Promise<void>): Promise<void> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run || ![SchedulingRunStatus.QUEUED, SchedulingRunStatus.RUNNING].includes(run.status)) return;
    await this.runs.update(runId, {
      status: SchedulingRunStatus.RUNNING,
      startedAt: new Date(),
      progress: 0,
    });
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.computeAndWrite(run, onProgress);
          return;
        } catch (error) {
          const raced =
            error instanceof InputsChanged ||
            (error instanceof AppError && error.code === MeetingErrorCode.SLOT_TAKEN);
          if (!raced || attempt >= MAX_ATTEMPTS) throw error;
          this.logger.log(`scheduling run ${runId}: the event changed while computing, computing again`);
        }
      }
    } catch (error) {
      // Staff read `error` on the run; the on-call engineer finds the run and event in the log.
      const where = `scheduling run ${runId} (event ${run.eventId}) failed`;
      let reason: string;
      if (error instanceof AppError) {
        reason = error.message;
        this.logger.warn(`${where}: ${error.message}`);
      } else if (error instanceof InstanceError) {
        reason = `面談の条件に矛盾があり、自動配置できませんでした（${error.message}）`;
        this.logger.warn(`${where}: the scheduler refused its input: ${error.message}`);
      } else {
        reason = `自動配置中に予期しないエラーが発生しました。システム担当者に実行ID ${runId} をお知らせください`;
        this.logger.error(`${where}: ${(error as Error).stack ?? String(error)}`);
      }
      await this.runs.update(runId, {
        status: SchedulingRunStatus.FAILED,
        error: reason,
        finishedAt: new Date(),
      });
    }
  }

  private async computeAndWrite(run: SchedulingRun, onProgress?: (percent: number) => Promise<void>) {
    const inputs = await this.loadInputs(this.dataSource.manager, run.eventId);
    const { instance, excluded, boothClashes } = buildInstance(inputs, new Date());
    // Before anything is computed or written: the run fails with what staff are to move.
    if (boothClashes.length > 0) throw await this.boothDoubleBooked(run, inputs, boothClashes);
    const warnings = boothsSharedByCompanies(inputs).map((shared): SchedulingWarningEntry => ({
      code: 'BOOTH_SHARED',
      ...shared,
    }));
    const progress = new ProgressWriter<RunPhase>(async (percent, phase) => {
      await this.runs.update(run.id, { progress: percent, phase });
      await onProgress?.(percent);
    }, PROGRESS_EVERY_MS);
    // The engine's part is the first 90 %; writing what it placed, seconds for a large event, the
    // rest: staff do not see 完了 while the meetings are still being saved.
    // Between the engine's reports, a phase that computes to a time budget moves the bar on.
    let last: { report: ScheduleProgress; at: number } | null = null;
    const show = () => {
      if (!last) return;
      const { report, at } = last;
      progress.set(progressAt(report, at, Date.now()) * ENGINE_SHARE, enginePhase(report));
    };
    const clock = setInterval(show, PROGRESS_EVERY_MS);
    const result = await this.scheduler
      .schedule(instance, { timeLimitMs: this.config.SCHEDULING_TIME_LIMIT_MS }, (report) => {
        last = { report, at: Date.now() };
        show();
      })
      .finally(() => clearInterval(clock));
    progress.set(ENGINE_SHARE, 'saving');
    await progress.flush();
    const { placements, unscheduled } = toPlacements(result, inputs.sessions);

    // Both sides of every meeting it writes, before the event (the lock order of
    // participant-store.ts), as the meetings' foreign keys lock them: an erasure or a merge of one
    // of them, which locks the person and then the event, waits for the save or the save for it,
    // rather than each holding what the other needs (a deadlock, failing one of them).
    const people = [
      ...new Set(placements.flatMap((placement) => [placement.participantAId, placement.participantBId])),
    ];
    await this.dataSource.transaction(async (manager) => {
      // Someone missing was merged away since the run read the event: their requests name the
      // profile kept now, which the run computes with.
      if ((await lockPeople(manager, people)).size < people.length) throw new InputsChanged();
      await this.events.lockManaged(manager, null, run.eventId);
      // The same inputs are the same placements, naming nobody but the people locked above. An
      // erasure that took one of them off the event, or a merge, committed before the lock has
      // changed the inputs (their requests withdrawn or moved): the run computes again, as after
      // any other change.
      const current = await this.loadInputs(manager, run.eventId);
      if (fingerprint(current) !== fingerprint(inputs)) throw new InputsChanged();
      await manager.query(
        // Meetings at the venue (agreed while the event had no 商談枠) are no placements to redo.
        `DELETE FROM meetings
          WHERE event_id = $1 AND published_at IS NULL AND status = 'SCHEDULED' AND session_id IS NOT NULL`,
        [run.eventId],
      );
      await this.meetings.insertPlacements(manager, run.eventId, placements, null);
    });

    const entries = [...excluded, ...unscheduled];
    // Once each: a large event has tens of thousands of entries, and a query at most 65,535 values.
    const named = [
      ...new Set(entries.map((entry) => entry.participantId).filter((id): id is string => Boolean(id))),
    ];
    const names = new Map(
      (named.length
        ? await this.dataSource
            .getRepository(Participant)
            .find({ select: { id: true, name: true }, where: { id: In(named) } })
        : []
      ).map((participant) => [participant.id, participant.name]),
    );
    await this.runs.update(run.id, {
      status: SchedulingRunStatus.SUCCEEDED,
      progress: 100,
      phase: 'done',
      requestCount: instance.requests.length + excluded.length,
      scheduledCount: placements.length,
      scheduledWeight: result.scheduledWeight,
      upperBound: result.upperBound,
      lockedCount: inputs.published.length,
      optimal: result.stats.optimal,
      elapsedMs: result.stats.elapsedMs,
      unscheduled: entries.map((entry): UnscheduledEntry => ({
        requestId: entry.requestId,
        participantAId: entry.participantAId,
        participantBId: entry.participantBId,
        code: entry.code,
        reason: unscheduledReason(entry, names),
      })),
      warnings,
      error: null,
      finishedAt: new Date(),
    });
    this.logger.log(
      `scheduling run ${run.id} (event ${run.eventId}) succeeded: ${placements.length} of ` +
        `${instance.requests.length + excluded.length} meetings placed, ${entries.length} not, ` +
        `weight ${result.scheduledWeight} of at most ${result.upperBound}` +
        `${result.stats.optimal ? ' (optimal)' : ''}, ${result.stats.elapsedMs} ms computing`,
    );
  }

  /** What the engine needs, read in one consistent order (so two reads can be compared). */
  private async loadInputs(manager: EntityManager, eventId: string): Promise<SchedulingInputs> {
    // One after another: the statements share the transaction's connection, which runs one at a time.
    const sessions = await manager.find(MatchmakingSession, {
      where: { eventId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    // The company as registering compares booth holders: the registration's, else the profile's.
    const attendees: { participantId: string; booth: string | null; companyId: string | null }[] =
      await manager.query(
        `SELECT r.participant_id AS "participantId", r.booth,
                coalesce(r.company_id, p.company_id) AS "companyId"
           FROM registrations r
           LEFT JOIN participants p ON p.id = r.participant_id
          WHERE r.event_id = $1 AND r.status = ANY($2::registration_status[])
          ORDER BY r.participant_id`,
        [eventId, SEATED],
      );
    // Not those agreed to meet at the venue before the event had 商談枠: they have their meeting.
    const requests = await manager
      .createQueryBuilder(MeetingRequest, 'request')
      .select(['request.id', 'request.fromParticipantId', 'request.toParticipantId', 'request.weight'])
      .where('request.eventId = :eventId AND request.status = :accepted', {
        eventId,
        accepted: MeetingRequestStatus.ACCEPTED,
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM meetings m
                      WHERE m.request_id = request.id AND m.status <> 'CANCELLED' AND m.session_id IS NULL)`,
      )
      .orderBy('request.id', 'ASC')
      .getMany();
    const locked = await manager
      .createQueryBuilder(Meeting, 'meeting')
      .where('meeting.eventId = :eventId', { eventId })
      .andWhere('meeting.status IN (:...live)', { live: LIVE })
      // Published meetings, and any meeting already held or missed, stay where they are.
      .andWhere(`(meeting.publishedAt IS NOT NULL OR meeting.status <> 'SCHEDULED')`)
      .andWhere('meeting.sessionId IS NOT NULL')
      .orderBy('meeting.id', 'ASC')
      .getMany();
    const settings = await this.settings.get(manager, eventId);
    return {
      sessions: sessions.map((session) => ({
        id: session.id,
        startsAt: session.startsAt,
        slotMinutes: session.slotMinutes,
        slotCount: session.slotCount,
        mode: session.mode,
        tableCount: session.tableCount,
      })),
      attendees: attendees.map((row) => ({
        participantId: row.participantId,
        booth: row.booth,
        companyId: row.companyId,
      })),
      requests: requests.map((row) => ({
        id: row.id,
        fromParticipantId: row.fromParticipantId,
        toParticipantId: row.toParticipantId,
        weight: row.weight,
      })),
      // Read with a session only (above), so each has its slot and table.
      published: locked.flatMap(({ id, sessionId, slotIndex, tableLabel, ...meeting }) =>
        sessionId === null || slotIndex === null || tableLabel === null
          ? []
          : [
              {
                id,
                requestId: meeting.requestId,
                participantAId: meeting.participantAId,
                participantBId: meeting.participantBId,
                sessionId,
                slotIndex,
                tableLabel,
              },
            ],
      ),
      maxMeetingsPerParticipant: settings.maxMeetingsPerParticipant,
    };
  }
}

function fingerprint(inputs: SchedulingInputs): string {
  return JSON.stringify(inputs);
}
