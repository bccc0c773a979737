import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { sweepForgottenMailFiles } from '../mail/forgotten-addresses';
import { MailTransport } from '../mail/mail-transport';
import { EmailChangeRetentionJob, QueueName } from '../queue/queue-names';
import { QueueWorkers } from '../queue/queue-workers';
import { EmailChangeService } from './email-change.service';

export const RETENTION_SCHEDULER = 'email-change-retention';

/**
 * At EMAIL_CHANGE_RETENTION_CRON (Asia/Tokyo), the address changes never confirmed that ended more
 * than EMAIL_CHANGE_RETENTION_DAYS ago forget the address they asked for (see
 * EmailChangeService.forgetEndedAddresses), and so does the mail log of the confirmation sent
 * there: nobody confirmed it is the person's, and nothing needs it once the link is long dead.
 * Then the .eml files left behind of emails already forgotten go (sweepForgottenMailFiles).
 * Idempotent: a scan that fails is simply tried again.
 */
@Injectable()
export class EmailChangeRetentionProcessor {
  private readonly logger = new Logger(EmailChangeRetentionProcessor.name);

  constructor(
    workers: QueueWorkers,
    @InjectQueue(QueueName.EMAIL_CHANGE_RETENTION) queue: Queue,
    private readonly config: AppConfig,
    private readonly emailChanges: EmailChangeService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
  ) {
    workers.registerPeriodic(
      queue,
      {
        scheduler: RETENTION_SCHEDULER,
        pattern: config.EMAIL_CHANGE_RETENTION_CRON,
        job: EmailChangeRetentionJob.FORGET_ENDED,
      },
      () => this.process(),
    );
  }

  async process(): Promise<number> {
    const forgotten = await this.emailChanges.forgetEndedAddresses(this.config.EMAIL_CHANGE_RETENTION_DAYS);
    if (forgotten > 0) this.logger.log(`addresses of ended email changes forgotten: ${forgotten}`);
    const swept = await sweepForgottenMailFiles(this.dataSource.manager, this.transport);
    if (swept > 0) this.logger.log(`.eml files of forgotten emails left behind, deleted: ${swept}`);
    return forgotten;
  }
}
