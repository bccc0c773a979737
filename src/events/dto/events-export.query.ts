import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { dateRange, DateRangeQuery } from '../../common/validation/date-range.query';
import { QueryEnum, QueryInteger } from '../../common/validation/query-params';
import { EventKind, EventStatus } from '../event-enums';
import { EVENT_KIND_LABEL, EVENT_STATUS_LABEL } from '../event-labels';
import { EventFilter } from './event-filter.input';

const FISCAL_YEAR_MESSAGE = '年度は西暦4桁で指定してください（例: 2026）';

/** `?fiscalYear=2026&status=PUBLISHED&kind=SEMINAR&from=2026-12-01&to=2026-12-10` of events.csv. */
export class EventsExportQuery extends DateRangeQuery {
  @IsOptional()
  @QueryInteger()
  @IsInt({ message: FISCAL_YEAR_MESSAGE })
  @Min(1000, { message: FISCAL_YEAR_MESSAGE })
  @Max(9999, { message: FISCAL_YEAR_MESSAGE })
  fiscalYear?: number;

  @QueryEnum(EventStatus, EVENT_STATUS_LABEL)
  status?: EventStatus;

  @QueryEnum(EventKind, EVENT_KIND_LABEL)
  kind?: EventKind;
}

/** The `events` query's filter for the export's query string. */
export function eventFilterOf(query: EventsExportQuery): EventFilter {
  const { from, until } = dateRange(query);
  return Object.assign(new EventFilter(), {
    fiscalYear: query.fiscalYear,
    status: query.status,
    kind: query.kind,
    from,
    to: until,
  });
}
