import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, StaffActor } from '../auth/actor';
import { AppError } from '../common/errors/app-error';
import { ProgressWriter } from '../common/progress/progress-writer';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { ComputeSuggestionsPayload, MatchingJob, QueueName } from '../queue/queue-names';
import { queueReady } from '../queue/queue-ready';
import { MatchingSettingsInput } from './dto/matching-settings.input';
import { MatchOutput } from './engine';
import { EngineRunError, EngineRunner } from './engine-runner';
import { MatchInputLoader } from './match-input.loader';
import { MatchingRun } from './matching-run.entity';
import { ACTIVE_RUN_STATUSES, MATCHING_RUN_TRANSITIONS, MatchingRunStatus } from './matching-run-status';
import { MatchingErrors } from './matching.errors';
import { Suggestion } from './suggestion.entity';

/** Events whose people can still be matched. */
export const MATCHABLE_EVENT_STATUSES = [EventStatus.DRAFT, EventStatus.PUBLISHED];
/** Suggestions kept per participant; the digest shows the first five. */
export const STORED_SUGGESTIONS = 10;
const INSERT_CHUNK = 1000;
/** Progress is written at most this often, so a big run does not hammer its own row. */
const PROGRESS_EVERY_MS = 500;
/** Share of the bar for loading (before) and writing (after) the engine's part. */
// Progress (0–100) by stage, so the bar moves while each stage works: loading the room (→ 5),
// starting the engine thread and building its index (→ 10), scoring participant by participant
// (→ 90). Saving is one transaction that holds the run's row, so 100 arrives with SUCCEEDED.
const LOADED = 5;
const ENGINE_READY = 10;
const ENGINE_FROM = 10;
const ENGINE_TO = 90;

/**
 * Matching runs: start one (a job on the matching queue), and the job's work — load the event's
 * people, run the engine off the main thread, and replace the event's suggestions in one
 * transaction.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.MATCHING) private readonly queue: Queue<ComputeSuggestionsPayload>,
    private readonly events: EventsService,
    private readonly loader: MatchInputLoader,
    private readonly engine: EngineRunner,
  ) {}

  private get runs() {
    return this.dataSource.getRepository(MatchingRun);
  }

  /**
   * Starts a run for the event, or answers the one already queued or running (and hands its job
   * to the queue again, which is a no-op unless Redis lost it).
   */
  async start(actor: StaffActor, eventId: string): Promise<MatchingRun> {
    const runId = await this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockManaged(manager, actor, eventId);
      if (!MATCHABLE_EVENT_STATUSES.includes(event.status)) throw MatchingErrors.eventNotOpen();
      const active = await manager.findOne(MatchingRun, {
        where: { eventId, status: In(ACTIVE_RUN_STATUSES) },
        order: { createdAt: 'DESC' },
      });
      if (active) return active.id;
      const run = await manager.save(
        manager.create(MatchingRun, { eventId, requestedByUserId: actor.userId }),
      );
      return run.id;
    });
    try {
      // After the commit: the worker must find the row. The job id makes a second add a no-op.
      await queueReady(this.queue);
      await this.queue.add(
        MatchingJob.COMPUTE,
        { matchingRunId: runId },
        { jobId: runId, removeOnComplete: true, removeOnFail: 100 },
      );
    } catch (error) {
      this.logger.error(
        `could not enqueue matching run ${runId} (event ${eventId}): ${(error as Error).message}`,
      );
      await this.finishFailed(
        runId,
        'ジョブをキューに登録できませんでした。しばらくしてから再実行してください',
      );
    }
    return this.getRun(runId);
  }

  /** The event's matching settings; they apply from the next run. */
  async updateSettings(actor: Actor, eventId: string, input: MatchingSettingsInput): Promise<Event> {
    await this.dataSource.transaction(async (manager) => {
      await this.events.lockManaged(manager, actor, eventId);
      const changes: Partial<Event> = {};
      if (input.crossIndustryBonus !== undefined) changes.matchCrossIndustryBonus = input.crossIndustryBonus;
      if (input.allowExhibitorPairs !== undefined)
        changes.matchAllowExhibitorPairs = input.allowExhibitorPairs;
      if (Object.keys(changes).length > 0) await manager.update(Event, eventId, changes);
    });
    return this.events.get(eventId);
  }

  async getRun(id: string): Promise<MatchingRun> {
    const run = await this.runs.findOneBy({ id });
    if (!run) throw MatchingErrors.runNotFound(id);
    return run;
  }

  /** A run, for staff of an organisation that manages its event. */
  async getManagedRun(actor: Actor, id: string): Promise<MatchingRun> {
    const run = await this.getRun(id);
    await this.events.getManaged(actor, run.eventId, () => MatchingErrors.runNotFound(id));
    return run;
  }

  /** The job: returns quietly when the run is gone or already finished. */
  async execute(runId: string): Promise<void> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run || !MATCHING_RUN_TRANSITIONS.can(run.status, MatchingRunStatus.RUNNING)) return;
    const claimed = await this.runs.update(
      { id: runId, status: In(MATCHING_RUN_TRANSITIONS.sourcesOf(MatchingRunStatus.RUNNING)) },
      { status: MatchingRunStatus.RUNNING, startedAt: new Date(), progress: 0, error: null },
    );
    if (!claimed.affected) return;
    try {
      const event = await this.events.get(run.eventId);
      if (!MATCHABLE_EVENT_STATUSES.includes(event.status)) throw MatchingErrors.eventNotOpen();
      const progress = new ProgressWriter((value) => this.setProgress(runId, value), PROGRESS_EVERY_MS);
      progress.set(1);
      const input = await this.loader.forEvent(event);
      progress.set(LOADED);
      const output = await this.engine.suggestions(input, STORED_SUGGESTIONS, (done, total) =>
        progress.set(
          done === 0
            ? ENGINE_READY
            : ENGINE_FROM + Math.floor(((ENGINE_TO - ENGINE_FROM) * done) / Math.max(1, total)),
        ),
      );
      await progress.flush();
      await this.replaceSuggestions(runId, run.eventId, input.participants.length, output);
      const suggestions = Object.values(output.suggestions).reduce((sum, list) => sum + list.length, 0);
      this.logger.log(
        `matching run ${runId} (event ${run.eventId}) succeeded: ${suggestions} suggestions for ` +
          `${input.participants.length} participants`,
      );
    } catch (error) {
      // Staff read `error` on the run; the on-call engineer finds the run and event in the log.
      const where = `matching run ${runId} (event ${run.eventId}) failed`;
      let reason: string;
      if (error instanceof AppError) {
        reason = error.message;
        this.logger.warn(`${where}: ${error.message}`);
      } else if (error instanceof EngineRunError) {
        reason = `参加者データまたはマッチング設定に問題があり、計算できませんでした（${error.message}）`;
        this.logger.warn(`${where}: the engine refused its input: ${error.message}`);
      } else {
        reason = `マッチングの計算中に予期しないエラーが発生しました。システム担当者に実行ID ${runId} をお知らせください`;
        this.logger.error(`${where}: ${(error as Error).stack ?? String(error)}`);
      }
      await this.finishFailed(runId, reason);
    }
  }

  /**
   * The event's suggestions become this run's in one transaction, so readers see the old list or
   * the new one, never half of either. A pair suggested again keeps its row (and id: links in
   * digests already sent keep working) with the new rank, score and reasons; pairs not suggested
   * again are deleted. Dismissed rows stay: the engine was told about them, and they keep the
   * dismissal on record.
   *
   * The people the suggestions name are locked before the event (the lock order of
   * participant-store.ts), as the suggestions' foreign keys lock them: an erasure or a merge of one
   * of them, which locks the person and then the event, waits for the save or the save for it,
   * rather than each holding what the other needs (a deadlock, failing one of them). One that went
   * first has taken them out of the room the engine read: nobody is suggested to or of an erased
   * person, nor of a profile merged away (the next run suggests the one kept).
   */
  private async replaceSuggestions(
    runId: string,
    eventId: string,
    participantCount: number,
    output: MatchOutput,
  ): Promise<void> {
    const named = peopleNamed(output);
    const peopleOf = async () => named;
    // Under the event's lock: serialises with other writers of the event's suggestions (a second
    // run finishing).
    await this.events.withPeopleAndEventLocked(null, eventId, peopleOf, async (manager) => {
      const run = await manager.findOne(MatchingRun, {
        where: { id: runId },
        lock: { mode: 'pessimistic_write' },
      });
      if (run?.status !== MatchingRunStatus.RUNNING) return;
      // Less those erased or merged away since the engine read them (an erasure or a merge that
      // went first).
      const present = new Set(
        (
          (await manager.query(
            'SELECT id FROM participants WHERE id = ANY($1::uuid[]) AND erased_at IS NULL',
            [named],
          )) as { id: string }[]
        ).map((row) => row.id),
      );
      // Dismissed while the engine ran: the engine could not know, so filter here.
      const dismissed = new Set(
        (
          await manager.find(Suggestion, {
            select: { participantId: true, suggestedParticipantId: true },
            where: { eventId, dismissed: true },
          })
        ).map((s) => `${s.participantId}/${s.suggestedParticipantId}`),
      );
      const rows: Partial<Suggestion>[] = [];
      for (const [participantId, list] of Object.entries(output.suggestions)) {
        if (!present.has(participantId)) continue;
        let rank = 0;
        for (const suggestion of list) {
          if (dismissed.has(`${participantId}/${suggestion.id}`) || !present.has(suggestion.id)) continue;
          rank += 1;
          rows.push({
            eventId,
            runId,
            participantId,
            suggestedParticipantId: suggestion.id,
            rank,
            score: suggestion.score,
            reasons: suggestion.reasons,
          });
        }
      }
      await upsertSuggestions(manager, rows);
      await manager
        .createQueryBuilder()
        .delete()
        .from(Suggestion)
        .where('event_id = :eventId AND dismissed = false AND run_id <> :runId', { eventId, runId })
        .execute();
      await manager.update(MatchingRun, runId, {
        status: MatchingRunStatus.SUCCEEDED,
        progress: 100,
        participantCount,
        suggestionCount: rows.length,
        finishedAt: new Date(),
      });
    });
  }

  private async setProgress(runId: string, progress: number): Promise<void> {
    await this.runs.update({ id: runId, status: MatchingRunStatus.RUNNING }, { progress });
  }

  private async finishFailed(runId: string, reason: string): Promise<void> {
    await this.runs.update(
      { id: runId, status: In(MATCHING_RUN_TRANSITIONS.sourcesOf(MatchingRunStatus.FAILED)) },
      { status: MatchingRunStatus.FAILED, error: reason, finishedAt: new Date() },
    );
  }
}

/** Everyone the engine's suggestions name, either side. */
function peopleNamed(output: MatchOutput): string[] {
  const named = new Set<string>();
  for (const [participantId, list] of Object.entries(output.suggestions)) {
    named.add(participantId);
    for (const suggestion of list) named.add(suggestion.id);
  }
  return [...named];
}

/**
 * A row dismissed since the read above only gets its rank and score refreshed: `dismissed` is not
 * overwritten, so it stays hidden.
 */
async function upsertSuggestions(manager: EntityManager, rows: Partial<Suggestion>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Suggestion)
      .values(rows.slice(start, start + INSERT_CHUNK))
      .orUpdate(
        ['rank', 'score', 'reasons', 'run_id'],
        ['event_id', 'participant_id', 'suggested_participant_id'],
      )
      .updateEntity(false)
      .execute();
  }
}
