import { ScheduleProgress } from './types';

/** The fraction to show at `now` for the last report: its own, or on the way to its `toward`. */
export function progressAt(report: ScheduleProgress, reportedAt: number, now: number): number {
  if (!report.toward || report.toward.by <= reportedAt) return report.toward?.fraction ?? report.fraction;
  const share = Math.min(1, Math.max(0, (now - reportedAt) / (report.toward.by - reportedAt)));
  return report.fraction + (report.toward.fraction - report.fraction) * share;
}
