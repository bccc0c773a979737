import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { fiscalYearDates, fiscalYearLabel, fiscalYearRange } from '../common/japan/fiscal-year';
import { tokyoDateOf } from '../common/time/calendar-date';
import { DEAL_TYPE_LABEL, DealType } from '../deals/deal-enums';
import { changesYear, NO_DEALS, yearCount } from '../deals/deal-year-count';
import { countsInFiscalYearReportSql } from '../events/counts-in-fiscal-year-report';
import { EventKind } from '../events/event-enums';
import { EVENT_KIND_LABEL } from '../events/event-labels';
import { COUNTED_REGISTRATION_STATUSES } from '../events/registration-counts';
import { MeetingStatus } from '../meetings/meeting-enums';
import { OrganizationModel } from '../organizations/models/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { ANSWERING_STATUSES } from '../surveys/survey-rules';
import { correctionFields, correctionsAfterYearEnd } from './corrections-after-year-end';
import { meetingFigures, meetingRequestFigures, ReportEvents } from './meeting-figures';
import {
  DealYearFigures,
  FiscalYearDealFiguresModel,
  FiscalYearEventFiguresModel,
  FiscalYearFollowUpFiguresModel,
  FiscalYearMeetingFiguresModel,
  FiscalYearParticipationFiguresModel,
  FiscalYearReportModel,
  FiscalYearSurveyFiguresModel,
} from './models/fiscal-year-report.model';
import { readsReportsOf } from './report-access';
import { ReportErrors } from './reports.errors';
import { RollupRow, splitRollup } from './rollup';
import { FiscalYearTargetsService } from './targets/fiscal-year-targets.service';

/**
 * The events that count for an organisation: run or co-hosted (共催) by it ($1), counted at all
 * (countsInFiscalYearReportSql: neither a draft nor called off, begun by the time of the report),
 * and starting in the fiscal year $2 (`=`) or in it and any year before (`<=`);
 * `events.fiscal_year` is kept from `starts_at` in Asia/Tokyo. `now()` is the report's snapshot.
 */
const countedEvents = (name: string, years: '=' | '<=') => `${name} AS (
  SELECT e.id, e.kind, e.fiscal_year
    FROM events e
   WHERE e.fiscal_year ${years} $2
     AND ${countsInFiscalYearReportSql('e')}
     AND (e.organization_id = $1
          OR EXISTS (SELECT 1 FROM event_co_hosts ch WHERE ch.event_id = e.id AND ch.organization_id = $1)))`;

const YEAR_EVENTS = countedEvents('year_events', '=');

/**
 * The year's events for the figures an event's report has too (面談申込, 面談): a request or a
 * meeting counts in the year of its event, whenever it was made, as the event's own figures do.
 */
const yearEvents = (organizationId: string, fiscalYear: number): ReportEvents => ({
  cte: countedEvents('report_events', '='),
  params: [organizationId, fiscalYear],
});

/** A fiscal year on the Tokyo calendar: the instants for timestamps, the dates for date columns. */
interface YearBounds {
  start: Date;
  end: Date;
  firstDay: string;
  lastDay: string;
  /** The first day of the next year: date columns are compared with [firstDay, nextFirstDay). */
  nextFirstDay: string;
}

/**
 * 年度実績報告 of one organisation: a fixed number of aggregate statements, whatever the volume,
 * read from one snapshot so that the figures agree with each other while staff keep recording.
 */
@Injectable()
export class FiscalYearReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly targets: FiscalYearTargetsService,
  ) {}

  async build(actor: Actor, organizationId: string, fiscalYear: number): Promise<FiscalYearReportModel> {
    if (!readsReportsOf(actor, organizationId)) throw ReportErrors.notYourOrganization();
    const organization = await this.organizations.get(organizationId, 'organizationId');
    const year = yearBounds(fiscalYear);
    const generatedAt = new Date();
    const today = tokyoDateOf(generatedAt);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const figures = {
        events: await this.events(manager, organizationId, fiscalYear),
        participation: await this.participation(manager, organizationId, fiscalYear),
        meetingRequests: await meetingRequestFigures(manager, yearEvents(organizationId, fiscalYear)),
        meetings: await this.meetings(manager, organizationId, fiscalYear),
        deals: await this.deals(manager, organizationId, year),
        followUps: await this.followUps(manager, organizationId, year, today),
        surveys: await this.surveys(manager, organizationId, fiscalYear),
      };
      return {
        organization: OrganizationModel.from(organization),
        fiscalYear,
        label: fiscalYearLabel(fiscalYear),
        firstDay: year.firstDay,
        lastDay: year.lastDay,
        generatedAt,
        ...figures,
        ...(await this.correctionsAfterYearEnd(manager, organizationId, fiscalYear, year, generatedAt)),
        targets: await this.targets.compare(manager, organizationId, fiscalYear, figures),
      };
    });
  }

  private async events(
    manager: EntityManager,
    organizationId: string,
    fiscalYear: number,
  ): Promise<FiscalYearEventFiguresModel> {
    const rows: RollupRow<EventKind, { count: number }>[] = await manager.query(
      `WITH ${YEAR_EVENTS}
       SELECT kind AS key, count(*)::int AS count FROM year_events GROUP BY ROLLUP (kind)`,
      [organizationId, fiscalYear],
    );
    const { total, byKey } = splitRollup(rows, Object.values(EventKind), { count: 0 });
    return {
      total: total.count,
      byKind: byKey.map(({ key, count }) => ({ kind: key, label: EVENT_KIND_LABEL[key], count })),
    };
  }

  /**
   * 参加登録数 as every list and report counts it (COUNTED_REGISTRATION_STATUSES: 参加登録済, 出席 and
   * 欠席), so the events list's figures add up to it. Who took part leaves out those recorded
   * as 欠席. Companies are counted as of each registration, so a closed year's figure stays as it
   * was reported. A company is 新規 in the first year it took part in; 累計 counts every company up
   * to the year.
   */
  private async participation(
    manager: EntityManager,
    organizationId: string,
    fiscalYear: number,
  ): Promise<FiscalYearParticipationFiguresModel> {
    const [figures]: Omit<FiscalYearParticipationFiguresModel, 'newCompanies' | 'companiesToDate'>[] =
      await manager.query(
        `WITH ${YEAR_EVENTS}
         SELECT count(*)::int AS registrations,
                count(*) FILTER (WHERE r.status = 'ATTENDED')::int AS attended,
                count(DISTINCT r.participant_id) FILTER (WHERE r.status <> 'NO_SHOW')::int AS participants,
                count(DISTINCT r.company_id) FILTER (WHERE r.status <> 'NO_SHOW')::int AS companies
           FROM registrations r
          WHERE r.event_id IN (SELECT id FROM year_events)
            AND r.status = ANY($3)`,
        [organizationId, fiscalYear, COUNTED_REGISTRATION_STATUSES],
      );
    const [companies]: Pick<FiscalYearParticipationFiguresModel, 'newCompanies' | 'companiesToDate'>[] =
      await manager.query(
        `WITH ${countedEvents('events_to_date', '<=')},
              first_years AS (
                SELECT r.company_id, min(e.fiscal_year) AS first_year
                  FROM registrations r
                  JOIN events_to_date e ON e.id = r.event_id
                 WHERE r.status IN ('REGISTERED', 'ATTENDED') AND r.company_id IS NOT NULL
                 GROUP BY r.company_id)
         SELECT count(*) FILTER (WHERE first_year = $2)::int AS "newCompanies",
                count(*)::int AS "companiesToDate"
           FROM first_years`,
        [organizationId, fiscalYear],
      );
    return { ...figures, ...companies };
  }

  /**
   * 面談 as an event's report counts them (meeting-figures.ts), over the year's events: the
   * year's 配置済み is the sum of its events'.
   */
  private async meetings(
    manager: EntityManager,
    organizationId: string,
    fiscalYear: number,
  ): Promise<FiscalYearMeetingFiguresModel> {
    const { byStatus, placed } = await meetingFigures(manager, yearEvents(organizationId, fiscalYear));
    const count = (status: MeetingStatus) => byStatus.find((entry) => entry.status === status)?.count ?? 0;
    return { held: count(MeetingStatus.HELD), noShow: count(MeetingStatus.NO_SHOW), placed };
  }

  /**
   * A deal counts as recorded in the year it started, and as 成約 or 不成立 in the year it closed,
   * so one deal can count in two years. Sums are cast to float8, exact for integers below 2^53.
   */
  private async deals(
    manager: EntityManager,
    organizationId: string,
    year: YearBounds,
  ): Promise<FiscalYearDealFiguresModel> {
    const rows: RollupRow<DealType, DealYearFigures>[] = await manager.query(
      `WITH year_deals AS (
         SELECT type, amount_yen,
                started_on >= $2 AND started_on < $3 AS recorded,
                stage = 'WON' AND closed_on >= $2 AND closed_on < $3 AS won,
                stage = 'LOST' AND closed_on >= $2 AND closed_on < $3 AS lost
           FROM deals
          WHERE organization_id = $1
            AND ((started_on >= $2 AND started_on < $3) OR (closed_on >= $2 AND closed_on < $3)))
       SELECT type AS key,
              count(*) FILTER (WHERE recorded)::int AS recorded,
              count(*) FILTER (WHERE won)::int AS won,
              count(*) FILTER (WHERE lost)::int AS lost,
              coalesce(sum(amount_yen) FILTER (WHERE won), 0)::float8 AS "wonAmountYen",
              count(*) FILTER (WHERE won AND amount_yen IS NULL)::int AS "wonWithoutAmount"
         FROM year_deals
        GROUP BY ROLLUP (type)`,
      [organizationId, year.firstDay, year.nextFirstDay],
    );
    const { total, byKey } = splitRollup(rows, Object.values(DealType), NO_DEALS);
    return {
      ...total,
      byType: byKey.map(({ key, ...figures }) => ({ type: key, label: DEAL_TYPE_LABEL[key], ...figures })),
    };
  }

  /**
   * 年度終了後の訂正 of the organisation's deals as the year's figures count a deal (recorded by its
   * start, 成約・不成立 by its closing date, under its type): those with a date in the year before or
   * after the correction (an addition has only the after), of which a change that moved only another
   * year's figures is not this year's. All null while the year runs.
   */
  private async correctionsAfterYearEnd(
    manager: EntityManager,
    organizationId: string,
    fiscalYear: number,
    year: YearBounds,
    generatedAt: Date,
  ): Promise<
    Pick<
      FiscalYearReportModel,
      'dealsDeletedAfterYearEnd' | 'dealsChangedAfterYearEnd' | 'dealsAddedAfterYearEnd'
    >
  > {
    const inYear = (column: string) => `(${column} >= :firstDay AND ${column} < :nextFirstDay)`;
    const dates = ['startedOn', 'closedOn', 'startedOnAfter', 'closedOnAfter'];
    return correctionFields(
      await correctionsAfterYearEnd(
        manager,
        { yearEnd: year.end, generatedAt },
        (query) =>
          query
            .andWhere('correction.organizationId = :organizationId', { organizationId })
            .andWhere(`(${dates.map((date) => inYear(`correction.${date}`)).join(' OR ')})`, {
              firstDay: year.firstDay,
              nextFirstDay: year.nextFirstDay,
            }),
        {
          count: (deal) => yearCount(deal, fiscalYear),
          changes: (before, after) => changesYear(before, after, fiscalYear),
        },
      ),
    );
  }

  /**
   * Done is judged by the Tokyo date of `done_at`; open and overdue as of `today` (Tokyo). A
   * cancelled one (取りやめ) was neither done nor is it waiting: it counts in none of them.
   */
  private async followUps(
    manager: EntityManager,
    organizationId: string,
    year: YearBounds,
    today: string,
  ): Promise<FiscalYearFollowUpFiguresModel> {
    const [figures]: FiscalYearFollowUpFiguresModel[] = await manager.query(
      `WITH year_follow_ups AS (
         SELECT due_on, done_at, due_on >= $2 AND due_on < $3 AS due
           FROM follow_ups
          WHERE organization_id = $1 AND cancelled_at IS NULL
            AND ((due_on >= $2 AND due_on < $3) OR (done_at >= $4 AND done_at < $5)))
       SELECT count(*) FILTER (WHERE due)::int AS due,
              count(*) FILTER (WHERE done_at >= $4 AND done_at < $5)::int AS done,
              count(*) FILTER (WHERE due AND done_at IS NULL)::int AS open,
              count(*) FILTER (WHERE due AND done_at IS NULL AND due_on < $6)::int AS overdue
         FROM year_follow_ups`,
      [organizationId, year.firstDay, year.nextFirstDay, year.start, year.end, today],
    );
    return figures;
  }
  /**
   * アンケート of the year's events: the programme's 受注機会の拡大 and 満足度, over the answers of
   * those who took part (ANSWERING_STATUSES; 施策の指標: 「参加した企業のうち」), as surveyResults.
   */
  private async surveys(
    manager: EntityManager,
    organizationId: string,
    fiscalYear: number,
  ): Promise<FiscalYearSurveyFiguresModel> {
    const [figures]: FiscalYearSurveyFiguresModel[] = await manager.query(
      `WITH ${YEAR_EVENTS}
       SELECT count(*)::int AS responses,
              count(*) FILTER (WHERE s.gained_opportunities)::int AS "gainedOpportunities",
              round(100.0 * count(*) FILTER (WHERE s.gained_opportunities) / NULLIF(count(*), 0), 1)::float8
                AS "gainedOpportunitiesRate",
              round(avg(s.satisfaction), 2)::float8 AS "satisfactionAverage"
         FROM survey_responses s
         JOIN registrations r ON r.id = s.registration_id
        WHERE s.event_id IN (SELECT id FROM year_events) AND r.status = ANY($3)`,
      [organizationId, fiscalYear, ANSWERING_STATUSES],
    );
    return figures;
  }
}

function yearBounds(fiscalYear: number): YearBounds {
  const { start, end } = fiscalYearDates(fiscalYear);
  return {
    ...fiscalYearRange(fiscalYear),
    firstDay: start,
    lastDay: `${fiscalYear + 1}-03-31`,
    nextFirstDay: end,
  };
}
