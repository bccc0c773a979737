import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, isStaff, ParticipantActor } from '../auth/actor';
import { EventsService } from '../events/events.service';
import { MeetingRequestStatus } from '../meetings/meeting-enums';
import { Participant } from '../participants/participant.entity';
import { MatchingRun } from './matching-run.entity';
import { MatchingRunStatus } from './matching-run-status';
import { MatchingErrors } from './matching.errors';
import { Suggestion } from './suggestion.entity';
import {
  CONSENTING_PAIR_SQL,
  DECLINED_PAIR_REQUEST_SQL,
  PAIR_OPEN_REQUEST_SQL,
  SEATED_PAIR_SQL,
  UNMATCHED_REGISTRATIONS_SQL,
} from './suggestion-pairs';
import { UnmatchedReason, unmatchedReason } from './unmatched-reason';

const WITH_PEOPLE = { suggestedParticipant: { company: true } } as const;

/** A suggestion as listed, with what has happened between the two since the run. */
export interface ListedSuggestion {
  suggestion: Suggestion;
  /**
   * Their request waiting for an answer or agreed, either way (PAIR_OPEN_REQUEST_SQL); else the
   * receiver's request the suggested person declined (DECLINED_PAIR_REQUEST_SQL); null: none.
   */
  request: { id: string; status: MeetingRequestStatus; incoming: boolean } | null;
  /** Both still hold a seat (SEATED_PAIR_SQL); false only in the staff's lists. */
  bothRegistered: boolean;
}

/** Someone the latest run left without anyone to meet, and why. */
export interface UnmatchedParticipant {
  participant: Participant;
  registeredAt: Date | null;
  reason: UnmatchedReason;
}

/** Reading and dismissing suggestions; writing them is the run's job (MatchingService). */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  private get suggestions() {
    return this.dataSource.getRepository(Suggestion);
  }

  /**
   * The signed-in participant's current suggestions at the event, best first, as the digest treats
   * them: people who have since left the event or withdrawn their matchmaking consent are not listed
   * (their request page refuses; nobody sees a participant who withdrew, CONSENTING_PAIR_SQL), and
   * anyone the participant asked, was asked by or agreed to meet keeps their place, marked with
   * that request, so the list they come back to says 申込済み／承諾済み where a button could only fail;
   * so does someone who declined their request (見送り: they may not ask again at this event).
   */
  mine(actor: ParticipantActor, eventId: string): Promise<ListedSuggestion[]> {
    return this.list(eventId, actor.participantId, { includeDismissed: false, includeLeft: false });
  }

  /**
   * One participant's suggestions: for staff of the event's organisers, everything the run
   * suggested (dismissed ones on request), people who left included and marked, since staff follow
   * up on the whole list, less anyone on either side without matchmaking consent now; for that
   * participant themself, what mySuggestions shows.
   */
  async forParticipant(
    actor: Actor,
    eventId: string,
    participantId: string,
    includeDismissed: boolean,
  ): Promise<ListedSuggestion[]> {
    if (isStaff(actor)) {
      await this.events.getManaged(actor, eventId);
      return this.list(eventId, participantId, { includeDismissed, includeLeft: true });
    }
    if (actor.participantId !== participantId) throw MatchingErrors.notYours();
    return this.list(eventId, participantId, { includeDismissed: false, includeLeft: false });
  }

  /** "Not interested": hidden now, and never suggested again at this event. */
  async dismiss(actor: ParticipantActor, id: string): Promise<ListedSuggestion> {
    const suggestion = await this.suggestions.findOneBy({ id });
    if (!suggestion) throw MatchingErrors.suggestionNotFound(id);
    if (suggestion.participantId !== actor.participantId) throw MatchingErrors.notYours();
    if (!suggestion.dismissed) {
      await this.suggestions.update({ id }, { dismissed: true, dismissedAt: new Date() });
    }
    const [listed] = await this.withPairState([await this.get(id)]);
    return listed;
  }

  async get(id: string): Promise<Suggestion> {
    const suggestion = await this.suggestions.findOne({ where: { id }, relations: WITH_PEOPLE });
    if (!suggestion) throw MatchingErrors.suggestionNotFound(id);
    return suggestion;
  }

  /**
   * Every suggestion of an event, for the staff's CSV (grouped by receiver, best first), with what
   * has happened between the two since: their request, and whether both still hold a seat. Pairs
   * with someone who has no matchmaking consent now are left out, as in every list.
   */
  async forExport(actor: Actor, eventId: string) {
    const event = await this.events.getManaged(actor, eventId);
    const rows = await this.suggestions
      .createQueryBuilder('suggestion')
      .innerJoinAndSelect('suggestion.participant', 'participant')
      .leftJoinAndSelect('participant.company', 'company')
      .innerJoinAndSelect('suggestion.suggestedParticipant', 'suggested')
      .leftJoinAndSelect('suggested.company', 'suggestedCompany')
      .innerJoinAndSelect('suggestion.run', 'run')
      .where('suggestion.eventId = :eventId', { eventId })
      .andWhere('participant.consentMatchmaking AND suggested.consentMatchmaking')
      .orderBy('participant.furigana', 'ASC')
      .addOrderBy('participant.id', 'ASC')
      .addOrderBy('suggestion.dismissed', 'ASC')
      .addOrderBy('suggestion.rank', 'ASC')
      .getMany();
    return { event, rows: await this.withPairState(rows) };
  }

  /**
   * Who holds a seat but has no suggestion left from the event's latest run: none found, every one
   * dismissed, or every person suggested has left or withdrawn consent since; they registered after
   * the run; or they have not agreed to matchmaking (staff who pair by hand need them most: an
   * exhibitor nobody is steered to). These are the people staff pair by hand (or run matching again
   * for). In registration order.
   */
  async withoutSuggestions(actor: Actor, eventId: string) {
    const event = await this.events.getManaged(actor, eventId);
    const run = await this.dataSource.getRepository(MatchingRun).findOne({
      where: { eventId, status: MatchingRunStatus.SUCCEEDED },
      order: { finishedAt: 'DESC' },
    });
    if (!run) throw MatchingErrors.noSucceededRun();
    const found: {
      participant_id: string;
      consented: boolean;
      registered_at: Date | null;
      consent_changed_at: Date | null;
      suggested: number;
      dismissed: number;
    }[] = await this.dataSource.query(
      `SELECT g.participant_id, p.consent_matchmaking AS consented, g.registered_at,
                (SELECT max(c.changed_at) FROM participant_profile_changes c
                  WHERE c.participant_id = g.participant_id AND c.changes ? 'consentMatchmaking') AS consent_changed_at,
                (SELECT count(*) FROM suggestions s
                  WHERE s.event_id = g.event_id AND s.participant_id = g.participant_id
                    AND s.run_id = $2 AND NOT s.dismissed)::int AS suggested,
                (SELECT count(*) FROM suggestions s
                  WHERE s.event_id = g.event_id AND s.participant_id = g.participant_id AND s.dismissed)::int AS dismissed
         ${UNMATCHED_REGISTRATIONS_SQL}
          ORDER BY g.registered_at NULLS LAST, g.id`,
      [eventId, run.id],
    );
    const people = new Map(
      (
        await this.dataSource.getRepository(Participant).find({
          where: { id: In(found.map((row) => row.participant_id)) },
          relations: { company: true },
        })
      ).map((participant) => [participant.id, participant]),
    );
    const rows: UnmatchedParticipant[] = found.map((row) => ({
      participant: people.get(row.participant_id)!,
      registeredAt: row.registered_at,
      reason: unmatchedReason(
        {
          consented: row.consented,
          registeredAt: row.registered_at,
          consentChangedAt: row.consent_changed_at,
          suggested: row.suggested,
          dismissed: row.dismissed,
        },
        run.startedAt,
      ),
    }));
    return { event, run, rows };
  }

  private async list(
    eventId: string,
    participantId: string,
    { includeDismissed, includeLeft }: { includeDismissed: boolean; includeLeft: boolean },
  ): Promise<ListedSuggestion[]> {
    const query = this.suggestions
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.suggestedParticipant', 'suggested')
      .leftJoinAndSelect('suggested.company', 'company')
      .where('s.eventId = :eventId AND s.participantId = :participantId', { eventId, participantId })
      .andWhere(CONSENTING_PAIR_SQL)
      .orderBy('s.dismissed', 'ASC')
      .addOrderBy('s.rank', 'ASC');
    if (!includeDismissed) query.andWhere('s.dismissed = false');
    if (!includeLeft) query.andWhere(SEATED_PAIR_SQL);
    return this.withPairState(await query.getMany());
  }

  /**
   * One statement for the whole list, with the digest's own conditions. An open request between
   * the two outweighs a declined one (they asked the receiver since): the page behind the digest's
   * link reads the pair in the same order (MeetingRequestsService.standing).
   */
  private async withPairState(suggestions: Suggestion[]): Promise<ListedSuggestion[]> {
    if (suggestions.length === 0) return [];
    const rows: {
      id: string;
      seated: boolean;
      request_id: string | null;
      request_status: MeetingRequestStatus | null;
      incoming: boolean | null;
    }[] = await this.dataSource.query(
      `SELECT s.id, ${SEATED_PAIR_SQL} AS seated,
              q.id AS request_id, q.status AS request_status,
              q.from_participant_id = s.suggested_participant_id AS incoming
         FROM suggestions s
         LEFT JOIN LATERAL (
           SELECT r.id, r.status, r.from_participant_id FROM meeting_requests r
            WHERE (${PAIR_OPEN_REQUEST_SQL}) OR (${DECLINED_PAIR_REQUEST_SQL})
            ORDER BY r.status = 'DECLINED', r.created_at DESC
            LIMIT 1) q ON true
        WHERE s.id = ANY($1)`,
      [suggestions.map((suggestion) => suggestion.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return suggestions.map((suggestion) => {
      const row = byId.get(suggestion.id);
      return {
        suggestion,
        request:
          row?.request_id && row.request_status
            ? { id: row.request_id, status: row.request_status, incoming: row.incoming === true }
            : null,
        bothRegistered: row?.seated === true,
      };
    });
  }
}
