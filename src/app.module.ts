import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ActionTokensModule } from './action-tokens/action-tokens.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { AppExceptionFilter } from './common/errors/app-exception.filter';
import { GraphqlApiModule } from './common/graphql/graphql-api.module';
import { InputValidationPipe } from './common/validation/input-validation.pipe';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DealsModule } from './deals/deals.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MailModule } from './mail/mail.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MatchingModule } from './matching/matching.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ParticipantMergeModule } from './participant-merge/participant-merge.module';
import { ParticipantsModule } from './participants/participants.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { SignInModule } from './sign-in/sign-in.module';
import { EmailChangeModule } from './email-change/email-change.module';
import { SurveysModule } from './surveys/surveys.module';
import { MiniSalonsModule } from './mini-salons/mini-salons.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    QueueModule.forRoot(),
    GraphqlApiModule,
    AuthModule,
    HealthModule,
    OrganizationsModule,
    UsersModule,
    ParticipantsModule,
    EventsModule,
    RegistrationsModule,
    CalendarModule,
    ActionTokensModule,
    MailModule,
    InvitationsModule,
    SignInModule,
    EmailChangeModule,
    ParticipantMergeModule,
    PasswordResetModule,
    RemindersModule,
    MatchingModule,
    MeetingsModule,
    SchedulingModule,
    DealsModule,
    ReportsModule,
    SurveysModule,
    MiniSalonsModule,
    PrivacyModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
  ],
})
export class AppModule {}
