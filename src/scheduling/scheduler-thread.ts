import { serveOneRequest } from '../common/threads/engine-thread';
import { scheduleMeetings, ScheduleProgress } from './engine';
import type { SchedulerRequest } from './scheduler-runner';

/** Runs one scheduling off the main thread (see SchedulerRunner). */
serveOneRequest<SchedulerRequest, ScheduleProgress>((request, progress) =>
  scheduleMeetings(request.instance, { ...request.options, onProgress: progress }),
);
