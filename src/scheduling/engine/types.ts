/**
 * Public shapes of the meeting scheduler: the instance it reads and the schedule it writes.
 * The JSON file format in SPEC.md is exactly these types; optional fields are our additions
 * and are described in README.md beside this file.
 */

export interface SessionInput {
  id: string;
  /** Number of time slots; slot indexes run 0..slots-1. */
  slots: number;
  /** Table count (tables are then named "1".."N") or the list of table names. */
  tables: number | string[];
}

export interface SlotRef {
  session: string;
  slot: number;
}

export interface ParticipantInput {
  id: string;
  /** Ids of the sessions this participant attends. */
  sessions: string[];
  maxMeetings: number;
  /** When set, every meeting of this participant takes place at this booth. */
  booth?: string;
  /** Slots inside attended sessions the participant cannot meet in. */
  unavailable?: SlotRef[];
}

export interface MeetingRequestInput {
  a: string;
  b: string;
  /** Defaults to 1. */
  weight?: number;
  /** Caller's id for the request; echoed on the meeting or unscheduled entry. */
  id?: string;
}

/** A meeting already published: it stays exactly where it is. */
export interface LockedMeetingInput {
  a: string;
  b: string;
  session: string;
  slot: number;
  table: string;
}

export interface ScheduleInstance {
  sessions: SessionInput[];
  participants: ParticipantInput[];
  requests: MeetingRequestInput[];
  locked?: LockedMeetingInput[];
}

export interface ScheduledMeeting {
  a: string;
  b: string;
  session: string;
  slot: number;
  /** Table name, or the booth id when one side holds a booth. */
  table: string;
  /** Weight of the request this meeting fulfils (0 for a locked meeting nobody requested). */
  weight: number;
  requestId?: string;
  locked?: true;
}

export const UNSCHEDULED_CODES = [
  'DUPLICATE_REQUEST',
  'SELF_REQUEST',
  'BOTH_BOOTH_HOLDERS',
  'NO_BOOTH_NO_TABLES',
  'NO_COMMON_SESSION',
  'NO_COMMON_SLOT',
  'MAX_MEETINGS_REACHED',
  'NO_FREE_SLOT',
] as const;

export type UnscheduledCode = (typeof UNSCHEDULED_CODES)[number];

export interface UnscheduledRequest {
  a: string;
  b: string;
  weight: number;
  requestId?: string;
  code: UnscheduledCode;
  /** English sentence for people; the service translates by `code`. */
  reason: string;
  /** For MAX_MEETINGS_REACHED: the participant who is full. */
  participant?: string;
}

export interface ScheduleStats {
  /** Idle slots between a participant's first and last meeting of a session, summed over everyone. */
  idleGaps: number;
  /**
   * How the upper bound was obtained: the LP relaxation of the time-free b-matching, that
   * b-matching solved as a MIP (to optimality, or its proven dual bound when time ran out), the
   * exact time-indexed MIP (small events; equal to the optimum when `optimal`), or the per-person
   * capacity bound when no solver ran.
   */
  boundMethod: 'lp' | 'mip-optimal' | 'mip-dual' | 'time-indexed' | 'combinatorial';
  /** True when the schedule is proven to have the best possible weight. */
  optimal: boolean;
  elapsedMs: number;
}

export interface ScheduleResult {
  meetings: ScheduledMeeting[];
  unscheduled: UnscheduledRequest[];
  upperBound: number;
  scheduledWeight: number;
  stats: ScheduleStats;
}

export type SchedulePhase = 'validate' | 'bound' | 'greedy' | 'improve' | 'compact' | 'done';

export interface ScheduleProgress {
  phase: SchedulePhase;
  /** 0..1 over the whole run. */
  fraction: number;
  /**
   * For a phase that runs to a time budget and cannot report meanwhile (a solver call): the
   * fraction it will have reached by `by` (epoch ms) at the latest, so a bar can move until then.
   */
  toward?: { fraction: number; by: number };
  scheduledWeight?: number;
  upperBound?: number;
}

export interface ScheduleOptions {
  /** Soft wall-clock budget for the whole run. Default 8000 ms. */
  timeLimitMs?: number;
  onProgress?: (progress: ScheduleProgress) => void;
  /** Seed for the tie-breaking shuffles of the local search. Default 1. */
  seed?: number;
  /** Skip the HiGHS solver (bound and selection); the combinatorial bound is used instead. */
  useSolver?: boolean;
}
