import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Event } from '../events/event.entity';
import { boothsOnly } from '../events/booths-only';
import { MeetingStatus } from '../meetings/meeting-enums';
import { MiniSalonRequest } from '../mini-salons/mini-salon-request.entity';
import { Participant } from '../participants/participant.entity';
import { Registration } from '../registrations/registration.entity';
import { EventRole, RegistrationStatus, SEATED } from '../registrations/registration-enums';
import { InviteeInput, MatchInput } from './engine';
import { MatchPerson, toInviteeInput, toMatchInput } from './match-input';
import { Suggestion } from './suggestion.entity';

/** Reads what the engine needs from the database; the mapping itself is pure (match-input.ts). */
@Injectable()
export class MatchInputLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Registered (REGISTERED / ATTENDED) people of the event, their history, the event's settings. */
  async forEvent(event: Event): Promise<MatchInput> {
    const registrations = await this.dataSource.getRepository(Registration).find({
      where: { eventId: event.id, status: In(SEATED) },
      relations: { participant: { company: true } },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    // Where every 商談枠 is at a booth, an exhibitor with no booth yet hosts nobody: matched as a visitor.
    const atBooths = boothsOnly(event.sessions);
    const people = registrations.map((r) =>
      toPerson(
        r.participant,
        atBooths && r.role === EventRole.EXHIBITOR && !r.booth ? EventRole.VISITOR : r.role,
      ),
    );
    const ids = people.filter((person) => person.consentMatchmaking).map((person) => person.id);
    const [metBefore, dismissed] = await Promise.all([
      this.metBefore(event, ids),
      this.dataSource.getRepository(Suggestion).find({
        select: { participantId: true, suggestedParticipantId: true },
        where: { eventId: event.id, dismissed: true },
      }),
    ]);
    return toMatchInput(
      people,
      {
        metBefore,
        dismissed: dismissed.map((s) => ({
          participantId: s.participantId,
          dismissedId: s.suggestedParticipantId,
        })),
      },
      {
        crossIndustryBonus: event.matchCrossIndustryBonus,
        allowExhibitorPairs: event.matchAllowExhibitorPairs,
        boothsOnly: atBooths,
      },
    );
  }

  /**
   * The room (people holding a seat) and the pool: everyone with matchmaking consent who may be
   * emailed an invitation and has no registration for this event in any status; and, for a
   * mini-salon accepted from a request, the area it was asked for.
   */
  async forInvitees(event: Event, limit: number): Promise<InviteeInput> {
    const seated = await this.dataSource.getRepository(Registration).find({
      where: { eventId: event.id, status: In(SEATED) },
      relations: { participant: { company: true } },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const pool = await this.dataSource
      .getRepository(Participant)
      .createQueryBuilder('participant')
      .leftJoinAndSelect('participant.company', 'company')
      .where('participant.consentMatchmaking = true')
      .andWhere('participant.consentEmail = true')
      .andWhere('participant.emailOptOut = false')
      .andWhere('participant.emailSuppressedAt IS NULL')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = :eventId AND r.participant_id = participant.id)',
        { eventId: event.id },
      )
      .orderBy('participant.createdAt', 'ASC')
      .addOrderBy('participant.id', 'ASC')
      .getMany();
    // A mini-salon accepted from a request is held where it was asked for.
    const request = await this.dataSource
      .getRepository(MiniSalonRequest)
      .findOne({ select: { id: true, area: true }, where: { eventId: event.id } });
    return toInviteeInput(
      event,
      seated.map((r) => toPerson(r.participant, r.role)),
      pool.map((p) => toPerson(p)),
      limit,
      request?.area ?? null,
    );
  }

  /** Pairs among `ids` who have met: both attended the same earlier event… */
  private async metBefore(event: Event, ids: string[]): Promise<Array<[string, string]>> {
    if (ids.length < 2) return [];
    const rows: { a: string; b: string }[] = await this.dataSource.query(
      `SELECT DISTINCT a.participant_id AS a, b.participant_id AS b
         FROM registrations a
         JOIN registrations b
           ON b.event_id = a.event_id AND b.participant_id > a.participant_id AND b.status = $1
         JOIN events e ON e.id = a.event_id
        WHERE a.status = $1 AND a.event_id <> $2 AND e.starts_at < $3
          AND a.participant_id = ANY($4::uuid[]) AND b.participant_id = ANY($4::uuid[])`,
      [RegistrationStatus.ATTENDED, event.id, event.startsAt, ids],
    );
    // …and pairs whose 1:1 meeting was recorded as held, at any event.
    const held: { a: string; b: string }[] = await this.dataSource.query(
      `SELECT DISTINCT participant_a_id AS a, participant_b_id AS b
         FROM meetings
        WHERE status = $1 AND participant_a_id = ANY($2::uuid[]) AND participant_b_id = ANY($2::uuid[])`,
      [MeetingStatus.HELD, ids],
    );
    return [...rows, ...held].map((row) => [row.a, row.b]);
  }
}

function toPerson(participant: Participant, role?: string): MatchPerson {
  return {
    id: participant.id,
    name: participant.name,
    kind: participant.kind,
    locale: participant.locale,
    offers: participant.offers,
    needs: participant.needs,
    themes: participant.themes,
    offersText: participant.offersText,
    needsText: participant.needsText,
    consentMatchmaking: participant.consentMatchmaking,
    company: participant.company
      ? {
          id: participant.company.id,
          name: participant.company.name,
          industry: participant.company.industry,
          municipality: participant.company.municipality,
        }
      : null,
    role,
  };
}
