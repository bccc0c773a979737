import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffActor } from '../auth/actor';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../mail/outbox.service';
import { MatchingRun } from './matching-run.entity';
import { MatchingRunStatus } from './matching-run-status';
import { MATCHABLE_EVENT_STATUSES } from './matching.service';
import { MatchingErrors } from './matching.errors';
import { SuggestionDigestResultModel } from './models/suggestion-digest-result.model';
import { SUGGESTION_DIGEST_TEMPLATE } from './suggestion-digest.composer';

/**
 * Writes one digest email per participant who has suggestions from the event's latest successful
 * run, in one transaction; the outbox key (run + participant) makes a second call send nothing new.
 */
@Injectable()
export class SuggestionDigestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
  ) {}

  async send(actor: StaffActor, eventId: string): Promise<SuggestionDigestResultModel> {
    return this.dataSource.transaction(async (manager) => {
      // Under the event lock: a run cannot swap the suggestions between reading and writing.
      const event = await this.events.lockManaged(manager, actor, eventId);
      if (!MATCHABLE_EVENT_STATUSES.includes(event.status)) throw MatchingErrors.eventNotOpen();
      const run = await manager.findOne(MatchingRun, {
        where: { eventId, status: MatchingRunStatus.SUCCEEDED },
        order: { finishedAt: 'DESC' },
      });
      if (!run) throw MatchingErrors.noSucceededRun();
      const receivers: { participant_id: string }[] = await manager.query(
        `SELECT DISTINCT participant_id FROM suggestions
          WHERE event_id = $1 AND run_id = $2 AND dismissed = false
          ORDER BY participant_id`,
        [eventId, run.id],
      );
      const result = await this.outbox.enqueue(
        manager,
        receivers.map(({ participant_id: participantId }) => ({
          key: `suggestion-digest-${run.id}-${participantId}`,
          template: SUGGESTION_DIGEST_TEMPLATE,
          participantId,
          eventId,
          batchId: run.id,
          params: { runId: run.id },
        })),
      );
      return Object.assign(new SuggestionDigestResultModel(), {
        runId: run.id,
        participants: receivers.length,
        queued: result.written.length,
        alreadyQueued: result.existing.length,
        notEmailable: result.notEmailable.length,
      });
    });
  }
}
