import { Module } from '@nestjs/common';
import { ActionTokensModule } from './action-tokens/action-tokens.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MailModule } from './mail/mail.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MatchingModule } from './matching/matching.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { RemindersModule } from './reminders/reminders.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { SignInModule } from './sign-in/sign-in.module';
import { EmailChangeModule } from './email-change/email-change.module';
import { SurveysModule } from './surveys/surveys.module';
import { DealsModule } from './deals/deals.module';
import { MiniSalonsModule } from './mini-salons/mini-salons.module';

/**
 * What the worker process needs: the queues it consumes and the features whose mail composers
 * and processors run there. No GraphQL, no HTTP. A feature with jobs adds its module here.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    QueueModule.forRoot({ consume: true }),
    AuthModule,
    ActionTokensModule,
    MailModule,
    InvitationsModule,
    SignInModule,
    EmailChangeModule,
    PasswordResetModule,
    RemindersModule,
    MatchingModule,
    MeetingsModule,
    SchedulingModule,
    SurveysModule,
    MiniSalonsModule,
    DealsModule,
  ],
})
export class WorkerModule {}
