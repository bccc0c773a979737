import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { fiscalYearRange } from '../common/japan/fiscal-year';
import { DEAL_STAGE_LABEL, DealStage } from '../deals/deal-enums';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { COUNTED_REGISTRATION_STATUSES } from '../events/registration-counts';
import { EventModel } from '../events/models/event.model';
import { RegistrationStatus } from '../registrations/registration-enums';
import { REGISTRATION_STATUS_LABEL } from '../registrations/registration-labels';
import { ANSWERING_STATUSES } from '../surveys/survey-rules';
import { correctionFields, correctionsAfterYearEnd } from './corrections-after-year-end';
import { EVENT_DEAL_COUNTING } from './event-deal-count';
import { meetingFigures, meetingRequestFigures, oneEvent } from './meeting-figures';
import {
  EventDealFiguresModel,
  EventRegistrationFiguresModel,
  EventReportModel,
  EventSurveyFiguresModel,
} from './models/event-report.model';
import { RollupRow, splitRollup } from './rollup';

interface DealStageSums {
  count: number;
  amountYen: number;
  withoutAmount: number;
}

/**
 * The figures of one event for the staff who run or co-host it: five aggregate statements, and the
 * corrections of its deals once its 年度 has ended, read from one snapshot so that they agree with
 * each other.
 */
@Injectable()
export class EventReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async build(actor: Actor, eventId: string): Promise<EventReportModel> {
    const event = await this.events.getManaged(actor, eventId);
    const generatedAt = new Date();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
      event: EventModel.from(event),
      generatedAt,
      registrations: await this.registrations(manager, eventId),
      meetingRequests: await meetingRequestFigures(manager, oneEvent(eventId)),
      meetings: await meetingFigures(manager, oneEvent(eventId)),
      deals: await this.deals(manager, eventId),
      ...(await this.correctionsAfterYearEnd(manager, event, generatedAt)),
      surveys: await this.surveys(manager, eventId),
    }));
  }

  private async registrations(
    manager: EntityManager,
    eventId: string,
  ): Promise<EventRegistrationFiguresModel> {
    const rows: RollupRow<RegistrationStatus, { count: number }>[] = await manager.query(
      `SELECT status AS key, count(*)::int AS count
         FROM registrations WHERE event_id = $1 GROUP BY ROLLUP (status)`,
      [eventId],
    );
    const { total, byKey } = splitRollup(rows, Object.values(RegistrationStatus), { count: 0 });
    return {
      registrations: byKey
        .filter(({ key }) => COUNTED_REGISTRATION_STATUSES.includes(key))
        .reduce((sum, { count }) => sum + count, 0),
      total: total.count,
      byStatus: byKey.map(({ key, count }) => ({
        status: key,
        label: REGISTRATION_STATUS_LABEL[key],
        count,
      })),
    };
  }

  /**
   * Deals that came out of this event (`deals.event_id`), whichever of its organiser and co-hosts
   * recorded them, by stage: the rows `deals(filter: { eventId })` lists to the same staff. Sums
   * as float8, exact below 2^53.
   */
  private async deals(manager: EntityManager, eventId: string): Promise<EventDealFiguresModel> {
    const rows: RollupRow<DealStage, DealStageSums>[] = await manager.query(
      `SELECT stage AS key,
              count(*)::int AS count,
              coalesce(sum(amount_yen), 0)::float8 AS "amountYen",
              count(*) FILTER (WHERE amount_yen IS NULL)::int AS "withoutAmount"
         FROM deals WHERE event_id = $1 GROUP BY ROLLUP (stage)`,
      [eventId],
    );
    const { total, byKey } = splitRollup(rows, Object.values(DealStage), {
      count: 0,
      amountYen: 0,
      withoutAmount: 0,
    });
    const won = byKey.find(({ key }) => key === DealStage.WON) ?? {
      count: 0,
      amountYen: 0,
      withoutAmount: 0,
    };
    return {
      total: total.count,
      won: won.count,
      wonAmountYen: won.amountYen,
      wonWithoutAmount: won.withoutAmount,
      amountYen: total.amountYen,
      withoutAmount: total.withoutAmount,
      byStage: byKey.map(({ key, ...sums }) => ({ stage: key, label: DEAL_STAGE_LABEL[key], ...sums })),
    };
  }

  /**
   * 年度終了後の訂正 of the event's deals, whichever of its organiser and co-hosts recorded them, as
   * `deals` counts them: the deletions, changes and additions made since the event's 年度 ended (when
   * its figures were most likely reported with the year's) that moved a stage's count or amount. All
   * null while that year runs.
   */
  private async correctionsAfterYearEnd(
    manager: EntityManager,
    event: Event,
    generatedAt: Date,
  ): Promise<
    Pick<EventReportModel, 'dealsDeletedAfterYearEnd' | 'dealsChangedAfterYearEnd' | 'dealsAddedAfterYearEnd'>
  > {
    return correctionFields(
      await correctionsAfterYearEnd(
        manager,
        { yearEnd: fiscalYearRange(event.fiscalYear).end, generatedAt },
        (query) => query.andWhere('correction.eventId = :eventId', { eventId: event.id }),
        EVENT_DEAL_COUNTING,
      ),
    );
  }

  /**
   * アンケート: 受注機会の拡大 and 満足度, as the fiscal-year report counts them: the answers of those
   * who took part (ANSWERING_STATUSES), as surveyResults does.
   */
  private async surveys(manager: EntityManager, eventId: string): Promise<EventSurveyFiguresModel> {
    const [figures]: EventSurveyFiguresModel[] = await manager.query(
      `SELECT count(*)::int AS responses,
              count(*) FILTER (WHERE s.gained_opportunities)::int AS "gainedOpportunities",
              round(100.0 * count(*) FILTER (WHERE s.gained_opportunities) / NULLIF(count(*), 0), 1)::float8
                AS "gainedOpportunitiesRate",
              round(avg(s.satisfaction), 2)::float8 AS "satisfactionAverage"
         FROM survey_responses s
         JOIN registrations r ON r.id = s.registration_id
        WHERE s.event_id = $1 AND r.status = ANY($2)`,
      [eventId, ANSWERING_STATUSES],
    );
    return figures;
  }
}
