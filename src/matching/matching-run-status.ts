import { registerEnumType } from '@nestjs/graphql';
import { TransitionTable } from '../common/state/transition-table';

export enum MatchingRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(MatchingRunStatus, {
  name: 'MatchingRunStatus',
  description: '待機中・計算中・完了・失敗',
});

/** Runs that still have work to do; one of them per event at a time. */
export const ACTIVE_RUN_STATUSES = [MatchingRunStatus.QUEUED, MatchingRunStatus.RUNNING];

/**
 * RUNNING → RUNNING is a worker that died mid-run: BullMQ hands the job to another worker, which
 * starts the computation again (it writes nothing until the end, so starting over is safe).
 */
export const MATCHING_RUN_TRANSITIONS = new TransitionTable<MatchingRunStatus>({
  QUEUED: [MatchingRunStatus.RUNNING, MatchingRunStatus.FAILED],
  RUNNING: [MatchingRunStatus.RUNNING, MatchingRunStatus.SUCCEEDED, MatchingRunStatus.FAILED],
  SUCCEEDED: [],
  FAILED: [],
});
