import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { Actor, isStaff, ParticipantActor } from '../auth/actor';
import { EventsService } from '../events/events.service';
import { MatchingErrors } from './matching.errors';
import { Suggestion } from './suggestion.entity';

const WITH_PEOPLE = { suggestedParticipant: { company: true } } as const;

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

  /** The signed-in participant's current suggestions at the event, best first. */
  mine(actor: ParticipantActor, eventId: string): Promise<Suggestion[]> {
    return this.list(eventId, actor.participantId, false);
  }

  /**
   * One participant's suggestions: for staff of the event's organisers (dismissed ones on
   * request), or for that participant themself.
   */
  async forParticipant(
    actor: Actor,
    eventId: string,
    participantId: string,
    includeDismissed: boolean,
  ): Promise<Suggestion[]> {
    if (isStaff(actor)) {
      await this.events.getManaged(actor, eventId);
      return this.list(eventId, participantId, includeDismissed);
    }
    if (actor.participantId !== participantId) throw MatchingErrors.notYours();
    return this.list(eventId, participantId, false);
  }

  /** "Not interested": hidden now, and never suggested again at this event. */
  async dismiss(actor: ParticipantActor, id: string): Promise<Suggestion> {
    const suggestion = await this.suggestions.findOneBy({ id });
    if (!suggestion) throw MatchingErrors.suggestionNotFound(id);
    if (suggestion.participantId !== actor.participantId) throw MatchingErrors.notYours();
    if (!suggestion.dismissed) {
      await this.suggestions.update({ id }, { dismissed: true, dismissedAt: new Date() });
    }
    return this.get(id);
  }

  async get(id: string): Promise<Suggestion> {
    const suggestion = await this.suggestions.findOne({ where: { id }, relations: WITH_PEOPLE });
    if (!suggestion) throw MatchingErrors.suggestionNotFound(id);
    return suggestion;
  }

  /** Every suggestion of an event, for the staff's CSV (grouped by receiver, best first). */
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
      .orderBy('participant.furigana', 'ASC')
      .addOrderBy('participant.id', 'ASC')
      .addOrderBy('suggestion.dismissed', 'ASC')
      .addOrderBy('suggestion.rank', 'ASC')
      .getMany();
    return { event, rows };
  }

  private list(eventId: string, participantId: string, includeDismissed: boolean): Promise<Suggestion[]> {
    const where: FindOptionsWhere<Suggestion> = { eventId, participantId };
    if (!includeDismissed) where.dismissed = false;
    return this.suggestions.find({
      where,
      relations: WITH_PEOPLE,
      order: { dismissed: 'ASC', rank: 'ASC' },
    });
  }
}
