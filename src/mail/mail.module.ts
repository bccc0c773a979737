import { MailExportController } from './mail-export.controller';
import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { EmailPreferencesService } from './email-preferences.service';
import { EventMailContexts } from './event-mail-context';
import { MailComposers } from './mail-composers';
import { MailDelivery } from './mail-delivery.service';
import { MailHealthController } from './mail-health.controller';
import { MailProcessor } from './mail.processor';
import { MailResolver } from './mail.resolver';
import { MailTransport } from './mail-transport';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeLinks } from './unsubscribe-links';

/**
 * Email for every feature: the outbox, its relay to the queue, the sender, the transport and the
 * unsubscribe page, and `/health/mail` for whoever is on call. Features write rows with OutboxService and register a MailComposer.
 */
@Module({
  imports: [EventsModule],
  controllers: [UnsubscribeController, MailExportController, MailHealthController],
  providers: [
    OutboxService,
    OutboxRelay,
    OutboxCommitSubscriber,
    MailComposers,
    MailTransport,
    MailDelivery,
    MailProcessor,
    EventMailContexts,
    EmailPreferencesService,
    UnsubscribeLinks,
    MailResolver,
  ],
  exports: [OutboxService, OutboxRelay, MailComposers, EventMailContexts, MailTransport],
})
export class MailModule {}
