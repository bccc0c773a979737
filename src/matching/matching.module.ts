import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { MailModule } from '../mail/mail.module';
import { MeetingRequestsService } from '../meetings/meeting-requests.service';
import { MeetingsModule } from '../meetings/meetings.module';
import { EngineRunner } from './engine-runner';
import { InviteeRecommendationsService } from './invitee-recommendations.service';
import { MatchInputLoader } from './match-input.loader';
import { MatchingRun } from './matching-run.entity';
import { MatchingProcessor } from './matching.processor';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { MEETING_REQUEST_PORT } from './meeting-request-port';
import { Suggestion } from './suggestion.entity';
import { SuggestionDigestComposer } from './suggestion-digest.composer';
import { SuggestionDigestsService } from './suggestion-digests.service';
import { SuggestionLinksService } from './suggestion-links.service';
import { SuggestionPagesController } from './suggestion-pages.controller';
import { SuggestionsExportController } from './suggestions-export.controller';
import { SuggestionsService } from './suggestions.service';

/**
 * Who should meet whom: runs of the pure engine (./engine) as jobs, the stored suggestions, the
 * digest email and its 「面談を申し込む」 page, and "who to invite".
 */
@Module({
  imports: [TypeOrmModule.forFeature([MatchingRun, Suggestion]), EventsModule, MailModule, MeetingsModule],
  controllers: [SuggestionPagesController, SuggestionsExportController],
  providers: [
    EngineRunner,
    MatchInputLoader,
    MatchingService,
    MatchingProcessor,
    SuggestionsService,
    SuggestionDigestsService,
    SuggestionDigestComposer,
    SuggestionLinksService,
    { provide: MEETING_REQUEST_PORT, useExisting: MeetingRequestsService },
    InviteeRecommendationsService,
    MatchingResolver,
  ],
  exports: [MatchingService, SuggestionsService],
})
export class MatchingModule {}
