import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { SurveyAfterEventProcessor } from './survey-after-event.processor';
import { SurveyComposer } from './survey.composer';
import { SurveyPagesController } from './survey-pages.controller';
import { SurveysExportController } from './surveys-export.controller';
import { SurveysResolver } from './surveys.resolver';
import { SurveysService } from './surveys.service';

/**
 * アンケート after an event: the email (composed in the worker, sent the morning after or when staff
 * ask), the page behind its link, and the figures for staff.
 */
@Module({
  imports: [EventsModule, MailModule],
  controllers: [SurveyPagesController, SurveysExportController],
  providers: [SurveysService, SurveysResolver, SurveyComposer, SurveyAfterEventProcessor],
})
export class SurveysModule {}
