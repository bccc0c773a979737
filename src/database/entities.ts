import { ActionToken } from '../action-tokens/action-token.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { Deal } from '../deals/deal.entity';
import { DealCorrection } from '../deals/deal-correction.entity';
import { EmailChangeRequest } from '../email-change/email-change-request.entity';
import { FollowUp } from '../deals/follow-up.entity';
import { Event } from '../events/event.entity';
import { InvitationCampaign } from '../invitations/invitation-campaign.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { MatchingRun } from '../matching/matching-run.entity';
import { Suggestion } from '../matching/suggestion.entity';
import { AgendaDelivery } from '../meetings/agenda-delivery.entity';
import { AgendaView } from '../meetings/agenda-view.entity';
import { Meeting } from '../meetings/meeting.entity';
import { MiniSalonRequest } from '../mini-salons/mini-salon-request.entity';
import { MeetingParticipant } from '../meetings/meeting-participant.entity';
import { MeetingRequest } from '../meetings/meeting-request.entity';
import { MeetingSettings } from '../meetings/meeting-settings.entity';
import { MatchmakingSession } from '../events/matchmaking-session.entity';
import { Organization } from '../organizations/organization.entity';
import { Company } from '../participants/company.entity';
import { MergedParticipant } from '../participant-merge/merged-participant.entity';
import { ParticipantDistinctPair } from '../participant-merge/participant-distinct-pair.entity';
import { Participant } from '../participants/participant.entity';
import { ParticipantProfileChange } from '../participants/participant-profile-change.entity';
import { Registration } from '../registrations/registration.entity';
import { FiscalYearTarget } from '../reports/targets/fiscal-year-target.entity';
import { SchedulingRun } from '../scheduling/scheduling-run.entity';
import { SurveyResponse } from '../surveys/survey-response.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once: the service and the migration CLI both read this. */
export const ENTITIES = [
  Organization,
  User,
  LoginFailure,
  Company,
  Participant,
  ParticipantProfileChange,
  EmailChangeRequest,
  ParticipantDistinctPair,
  MergedParticipant,
  Event,
  MatchmakingSession,
  Registration,
  ActionToken,
  OutboxMessage,
  InvitationCampaign,
  MatchingRun,
  Suggestion,
  MeetingSettings,
  MeetingRequest,
  Meeting,
  MeetingParticipant,
  AgendaDelivery,
  AgendaView,
  SchedulingRun,
  Deal,
  DealCorrection,
  FollowUp,
  SurveyResponse,
  MiniSalonRequest,
  FiscalYearTarget,
];
