import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffActor } from '../auth/actor';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../mail/outbox.service';
import { organizerAddressMissing } from '../organizations/organizer-address';
import { requireOrganizerContact } from '../organizations/organizer-contact';
import { MatchingRun } from './matching-run.entity';
import { MatchingRunStatus } from './matching-run-status';
import { MATCHABLE_EVENT_STATUSES } from './matching.service';
import { MatchingErrors } from './matching.errors';
import { SuggestionDigestResultModel } from './models/suggestion-digest-result.model';
import { DIGEST_NAMING_SQL, DIGEST_SIZE, SUGGESTION_DIGEST_TEMPLATE } from './suggestion-digest.composer';
import {
  CONSENTING_PAIR_SQL,
  SEATED_PAIR_SQL,
  UNASKED_PAIR_SQL,
  UNMATCHED_REGISTRATIONS_SQL,
} from './suggestion-pairs';

/**
 * Writes one digest email per participant who has suggestions from the event's latest successful
 * run, in one transaction; the outbox key (run + participant) makes a second call send nothing new.
 *
 * A digest introduces only people the participant has not been introduced to by an earlier digest
 * of the event, and none they already asked or were asked by: after a re-run of matching, those
 * whose list only reshuffled get no email, the others hear of the newcomers only. An earlier digest
 * that was skipped or failed introduced nobody: the people it named are introduced afresh.
 */
@Injectable()
export class SuggestionDigestsService {
  constructor(
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
  ) {}

  async send(actor: StaffActor, eventId: string): Promise<SuggestionDigestResultModel> {
    // Under the event lock: a run cannot swap the suggestions between reading and writing. The
    // people the digests point at are locked before it (the lock order of participant-store.ts), so
    // an erasure or a merge of one of them goes first or waits, rather than deadlock with this.
    const peopleOf = (manager: EntityManager) => peopleWithSuggestions(manager, eventId);
    return this.events.withPeopleAndEventLocked(actor, eventId, peopleOf, async (manager, event) => {
      if (!MATCHABLE_EVENT_STATUSES.includes(event.status)) throw MatchingErrors.eventNotOpen();
      const organizer = await requireOrganizerContact(manager, event.organizationId, 'digest');
      const run = await manager.findOne(MatchingRun, {
        where: { eventId, status: MatchingRunStatus.SUCCEEDED },
        order: { finishedAt: 'DESC' },
      });
      if (!run) throw MatchingErrors.noSucceededRun();
      const receivers: { participant_id: string }[] = await manager.query(
        `SELECT DISTINCT participant_id FROM suggestions s
          WHERE event_id = $1 AND run_id = $2 AND dismissed = false
            AND ${SEATED_PAIR_SQL} AND ${CONSENTING_PAIR_SQL}
          ORDER BY participant_id`,
        [eventId, run.id],
      );
      const keyOf = (participantId: string) => `suggestion-digest-${run.id}-${participantId}`;
      const queuedBefore = new Set(
        (
          (await manager.query(`SELECT key FROM outbox_messages WHERE key = ANY($1::varchar[])`, [
            receivers.map((row) => keyOf(row.participant_id)),
          ])) as { key: string }[]
        ).map((row) => row.key),
      );
      // Each participant's digest as it stands (the best five not dismissed, not asked, of people
      // still registered and agreeing to matchmaking), less the people an earlier digest introduced (sent, or on its way): a
      // list that only reshuffled brings nothing new.
      const fresh: { id: string; participant_id: string }[] = await manager.query(
        `SELECT id, participant_id FROM (
           SELECT s.id, s.participant_id, s.event_id,
                  row_number() OVER (PARTITION BY s.participant_id ORDER BY s.rank) AS position
             FROM suggestions s
            WHERE s.event_id = $1 AND s.run_id = $2 AND s.dismissed = false
              AND ${SEATED_PAIR_SQL} AND ${CONSENTING_PAIR_SQL} AND ${UNASKED_PAIR_SQL}
         ) s
         WHERE position <= $3
           AND NOT EXISTS (SELECT 1 FROM outbox_messages d
                            WHERE ${DIGEST_NAMING_SQL} AND d.status IN ('PENDING', 'SENDING', 'SENT'))
         ORDER BY participant_id, position`,
        [eventId, run.id, DIGEST_SIZE],
      );
      const byParticipant = new Map<string, string[]>();
      for (const row of fresh) {
        if (queuedBefore.has(keyOf(row.participant_id))) continue;
        byParticipant.set(row.participant_id, [...(byParticipant.get(row.participant_id) ?? []), row.id]);
      }
      const result = await this.outbox.enqueue(
        manager,
        [...byParticipant].map(([participantId, ids]) => ({
          key: keyOf(participantId),
          template: SUGGESTION_DIGEST_TEMPLATE,
          participantId,
          eventId,
          batchId: run.id,
          params: { runId: run.id, suggestionIds: ids.join(',') },
        })),
      );
      const [{ unmatched }]: { unmatched: number }[] = await manager.query(
        // Those who agreed to matchmaking: the others expect no おすすめ.
        `SELECT count(*)::int AS unmatched ${UNMATCHED_REGISTRATIONS_SQL} AND p.consent_matchmaking`,
        [eventId, run.id],
      );
      return Object.assign(new SuggestionDigestResultModel(), {
        runId: run.id,
        participants: receivers.length,
        queued: result.written.length,
        alreadyQueued: queuedBefore.size + result.existing.length,
        notEmailable: result.notEmailable.length,
        nothingNew: receivers.length - queuedBefore.size - byParticipant.size,
        withoutSuggestions: unmatched,
        organizerAddressMissing: organizerAddressMissing(organizer),
      });
    });
  }
}

/**
 * Everyone at the event with a suggestion not dismissed, for EventsService.withPeopleAndEventLocked:
 * the digests go to some of them (those of the latest run still seated and consenting, chosen under
 * the event's lock), and locking a few more costs nothing. One indexed read.
 */
async function peopleWithSuggestions(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    'SELECT DISTINCT participant_id AS id FROM suggestions WHERE event_id = $1 AND NOT dismissed',
    [eventId],
  );
  return rows.map((row) => row.id);
}
