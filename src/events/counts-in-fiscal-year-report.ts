import { EventStatus } from './event-enums';

/**
 * Whether an event counts in the 年度実績報告 of the organisations that run or co-host it (its
 * events, 参加登録数, 面談申込, 面談 and アンケート): neither a draft nor called off, and begun by
 * now (an event still ahead is a plan, and its sign-ups are not 参加). SQL over the events row
 * `alias`, `now()` being the statement's (or its transaction's) time. One rule for the report and
 * for what tells staff which events it counts (events.csv's 年度実績に計上,
 * Event.countsInFiscalYearReport), so that their 参加登録数 add up to the year's: a cancelled
 * event's registrations stay 参加登録済, and a future event's are as 公開中 as a held one's.
 */
export const countsInFiscalYearReportSql = (alias: string): string =>
  `(${alias}.status NOT IN ('${EventStatus.DRAFT}', '${EventStatus.CANCELLED}') AND ${alias}.starts_at <= now())`;
