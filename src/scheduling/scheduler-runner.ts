import { Injectable } from '@nestjs/common';
import { runInThread, ThreadRunError } from '../common/threads/engine-thread';
import { InstanceError, ScheduleInstance, ScheduleOptions, ScheduleProgress, ScheduleResult } from './engine';

export interface SchedulerRequest {
  instance: ScheduleInstance;
  options: Omit<ScheduleOptions, 'onProgress'>;
}

/**
 * Calls the meeting scheduler in a worker thread (runInThread says why): it computes for up to
 * SCHEDULING_TIME_LIMIT_MS, which on the main thread would stop the service that runs the worker
 * in process from answering, and the run's progress from reaching staff, for as long.
 */
@Injectable()
export class SchedulerRunner {
  async schedule(
    instance: ScheduleInstance,
    options: Omit<ScheduleOptions, 'onProgress'>,
    onProgress: (progress: ScheduleProgress) => void,
  ): Promise<ScheduleResult> {
    const request: SchedulerRequest = { instance, options };
    try {
      return (await runInThread(__dirname, 'scheduler-thread', request, onProgress)) as ScheduleResult;
    } catch (error) {
      // The engine refusing its input is told apart from a crash, as on the main thread.
      if (error instanceof ThreadRunError && error.errorName === 'InstanceError')
        throw new InstanceError(error.message);
      throw error;
    }
  }
}
