/** What the Nest service (the scheduling job) uses; everything else here is internal. */
export { scheduleMeetings } from './schedule';
export { progressAt } from './progress';
export { verifySchedule } from './verify-schedule';
export { InstanceError, validateInstance } from './validate-instance';
export * from './types';
