import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { ParticipantsModule } from '../participants/participants.module';
import { AgendaDeliveries } from './agenda-deliveries.service';
import { AgendaViews } from './agenda-views.service';
import { AgendaFeedController } from './agenda-feed.controller';
import { AgendaPageController } from './agenda-page.controller';
import { AgendaFeedLinks } from './agenda-feed-links';
import { AgendaResolver } from './agenda.resolver';
import { AgendaService } from './agenda.service';
import { CancelledEventListener } from './cancelled-event.listener';
import { ChangedEventListener } from './changed-event.listener';
import { AgendaComposer } from './mail/agenda.composer';
import { EventCancelledComposer } from './mail/event-cancelled.composer';
import { EventChangedComposer } from './mail/event-changed.composer';
import { MeetingAgreedComposer } from './mail/meeting-agreed.composer';
import { MeetingCancelledComposer } from './mail/meeting-cancelled.composer';
import { CounterpartLeftComposer } from './mail/counterpart-left.composer';
import { MeetingOutcomeComposer } from './mail/meeting-outcome.composer';
import { MeetingRequestComposer } from './mail/meeting-request.composer';
import { Meeting } from './meeting.entity';
import { MeetingPagesController } from './meeting-pages.controller';
import { MeetingParticipant } from './meeting-participant.entity';
import { MeetingRequest } from './meeting-request.entity';
import { MeetingRequestsResolver } from './meeting-requests.resolver';
import { MeetingRequestExpiryProcessor } from './meeting-request-expiry.processor';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingSettings } from './meeting-settings.entity';
import { MeetingSettingsService } from './meeting-settings.service';
import { NoShowHistoryExportController } from './no-show-history-export.controller';
import { MeetingsExportController } from './meetings-export.controller';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { LeaverMeetingsListener } from './leaver-meetings.listener';
import { WithoutSessionsListener } from './without-sessions.listener';
import { RegistrationsModule } from '../registrations/registrations.module';

/**
 * 面談: requests and their answers, placed meetings and their day, agendas by email and calendar
 * feed. The scheduling job (src/scheduling) writes placements through MeetingsService.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MeetingSettings, MeetingRequest, Meeting, MeetingParticipant]),
    EventsModule,
    ParticipantsModule,
    MailModule,
    RegistrationsModule,
  ],
  controllers: [
    MeetingPagesController,
    AgendaFeedController,
    AgendaPageController,
    MeetingsExportController,
    NoShowHistoryExportController,
  ],
  providers: [
    LeaverMeetingsListener,
    CancelledEventListener,
    ChangedEventListener,
    WithoutSessionsListener,
    MeetingRequestsService,
    MeetingRequestExpiryProcessor,
    MeetingsService,
    MeetingSettingsService,
    AgendaService,
    AgendaDeliveries,
    AgendaViews,
    AgendaFeedLinks,
    MeetingRequestsResolver,
    MeetingsResolver,
    AgendaResolver,
    MeetingRequestComposer,
    MeetingOutcomeComposer,
    MeetingAgreedComposer,
    AgendaComposer,
    MeetingCancelledComposer,
    CounterpartLeftComposer,
    EventCancelledComposer,
    EventChangedComposer,
  ],
  exports: [MeetingRequestsService, MeetingsService, MeetingSettingsService, AgendaService, AgendaFeedLinks],
})
export class MeetingsModule {}
