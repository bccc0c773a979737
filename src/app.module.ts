import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { AppExceptionFilter } from './common/errors/app-exception.filter';
import { GraphqlApiModule } from './common/graphql/graphql-api.module';
import { InputValidationPipe } from './common/validation/input-validation.pipe';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ParticipantsModule } from './participants/participants.module';
import { RedisModule } from './redis/redis.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    GraphqlApiModule,
    AuthModule,
    HealthModule,
    OrganizationsModule,
    UsersModule,
    ParticipantsModule,
    EventsModule,
    RegistrationsModule,
    CalendarModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
  ],
})
export class AppModule {}
