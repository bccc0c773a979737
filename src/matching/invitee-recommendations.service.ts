import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { StaffActor } from '../auth/actor';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { Participant } from '../participants/participant.entity';
import { EngineRunner } from './engine-runner';
import { MatchInputLoader } from './match-input.loader';
import { MAX_INVITEE_RECOMMENDATIONS, MatchingErrors } from './matching.errors';

export interface InviteeRecommendationRow {
  participant: Participant;
  score: number;
  reasons: string[];
}

/**
 * "Who should we invite?": the shared pool ranked against the event's topic and the people
 * already registered — how a mini-salon finds its twenty.
 */
@Injectable()
export class InviteeRecommendationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly loader: MatchInputLoader,
    private readonly engine: EngineRunner,
  ) {}

  /** The best `first` people to invite, best first, and the event they are for. */
  async recommend(
    actor: StaffActor,
    eventId: string,
    first: number,
  ): Promise<{ event: Event; rows: InviteeRecommendationRow[] }> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_INVITEE_RECOMMENDATIONS) {
      throw MatchingErrors.invalidFirst();
    }
    const event = await this.events.getManaged(actor, eventId);
    const input = await this.loader.forInvitees(event, first);
    if (input.pool.length === 0) return { event, rows: [] };
    const ranked = await this.engine.invitees(input);
    const people = await this.dataSource.getRepository(Participant).find({
      where: { id: In(ranked.map((r) => r.id)) },
      relations: { company: true },
    });
    const byId = new Map(people.map((p) => [p.id, p]));
    const rows = ranked
      .filter((r) => byId.has(r.id))
      .map((r) => ({ participant: byId.get(r.id)!, score: r.score, reasons: r.reasons }));
    return { event, rows };
  }
}
