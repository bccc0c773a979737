import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueName, SurveyJob } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { SurveysService } from './surveys.service';

export const MORNING_SCHEDULER = 'surveys-after-events';

/** Sends each event's survey the morning after it ended, at SURVEY_CRON (Asia/Tokyo). */
@Injectable()
export class SurveyAfterEventProcessor {
  private readonly logger = new Logger(SurveyAfterEventProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.SURVEYS) queue: Queue,
    config: AppConfig,
    private readonly surveys: SurveysService,
  ) {
    workers.registerPeriodic(
      queue,
      { scheduler: MORNING_SCHEDULER, pattern: config.SURVEY_CRON, job: SurveyJob.SEND_AFTER_EVENTS },
      () => this.process(),
    );
  }

  async process(): Promise<void> {
    const { events, queued } = await this.surveys.sendForEndedEvents();
    if (events > 0) this.logger.log(`surveys after events: ${queued} emails for ${events} events`);
  }
}
