import { Injectable } from '@nestjs/common';
import { EmailChangeRequest } from '../email-change/email-change-request.entity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { toTokyoIso } from '../common/graphql/tokyo-date-time.scalar';
import { Deal } from '../deals/deal.entity';
import { FollowUp } from '../deals/follow-up.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { Suggestion } from '../matching/suggestion.entity';
import { MiniSalonRequest } from '../mini-salons/mini-salon-request.entity';
import { MiniSalonRequestModel } from '../mini-salons/models/mini-salon-request.model';
import { haveAgreedToMeet } from '../meetings/contact-sharing';
import { Meeting } from '../meetings/meeting.entity';
import { AgendaView } from '../meetings/agenda-view.entity';
import { MeetingRequest } from '../meetings/meeting-request.entity';
import { Registration } from '../registrations/registration.entity';
import { SurveyResponse } from '../surveys/survey-response.entity';
import {
  MyDataAgendaViewModel,
  MyDataDealModel,
  MyDataFollowUpModel,
  MyDataEmailChangeRequestModel,
  MyDataEmailModel,
  MyDataMeetingModel,
  MyDataMeetingRequestModel,
  MyDataMergedProfileModel,
  MyDataModel,
  MyDataPersonModel,
  MyDataProfileModel,
  MyDataRegistrationModel,
  MyDataSuggestionModel,
  MyDataSurveyAnswerModel,
} from './models/my-data.model';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { MergedParticipant } from '../participant-merge/merged-participant.entity';
import { ParticipantProfileChange } from '../participants/participant-profile-change.entity';
import { ProfileChangeModel } from '../participants/models/profile-change.model';
import { sharesContactWithCounterpart } from '../participants/participant-access';
import { ParticipantErrors } from '../participants/participants.errors';

/**
 * 個人情報の開示: everything the service holds about one participant, for that participant.
 *
 * Other people appear by name (and company) only; their email and phone are shown when the two
 * agreed to meet and that person consented to share them, the same rule as everywhere else
 * (maySeeContact in src/participants/participant-access.ts). The deals they are a party to, and
 * the follow-ups on those deals and on their own plans, are given as staff recorded them (dates,
 * notes, results, status), with the organisation's name but not the staff members': those are
 * the staff's personal data, not theirs.
 */
@Injectable()
export class MyDataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Read from one snapshot, so the parts agree with each other. */
  async export(participantId: string): Promise<MyDataModel> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const participant = await manager.findOne(Participant, {
        where: { id: participantId },
        relations: { company: true, profileUpdatedBy: { organization: true } },
      });
      if (!participant) throw ParticipantErrors.notFound(participantId);
      const profileChanges = await manager.find(ParticipantProfileChange, {
        where: { participantId },
        relations: { changedByUser: { organization: true } },
        order: { changedAt: 'DESC', id: 'DESC' },
      });
      // The profiles merged into theirs: each the person's own, under another address.
      const mergedProfiles = await manager.find(MergedParticipant, {
        where: { participantId },
        order: { mergedAt: 'ASC', mergedId: 'ASC' },
      });
      const registrations = await manager.find(Registration, {
        where: { participantId },
        relations: { event: true },
        order: { event: { startsAt: 'ASC' } },
      });
      const sent = await manager.find(MeetingRequest, {
        where: { fromParticipantId: participantId },
        relations: { event: true, toParticipant: { company: true } },
        order: { createdAt: 'ASC' },
      });
      const received = await manager.find(MeetingRequest, {
        where: { toParticipantId: participantId },
        relations: { event: true, fromParticipant: { company: true } },
        order: { createdAt: 'ASC' },
      });
      const meetings = await manager.find(Meeting, {
        where: [{ participantAId: participantId }, { participantBId: participantId }],
        relations: {
          event: true,
          session: true,
          sides: true,
          participantA: { company: true },
          participantB: { company: true },
        },
        // A meeting cancelled in a 商談枠 removed since still names it.
        withDeleted: true,
        order: { startsAt: 'ASC' },
      });
      const suggestions = await manager.find(Suggestion, {
        where: { participantId },
        relations: { event: true, suggestedParticipant: { company: true } },
        order: { event: { startsAt: 'ASC' }, rank: 'ASC' },
      });
      const surveyAnswers = await manager.find(SurveyResponse, {
        where: { participantId },
        relations: { event: true },
        order: { createdAt: 'ASC' },
      });
      const miniSalonRequests = await manager.find(MiniSalonRequest, {
        where: { requestedById: participantId },
        relations: { organization: true, requestedBy: { company: true } },
        order: { createdAt: 'ASC' },
      });
      const emails = await manager.find(OutboxMessage, {
        where: { participantId },
        relations: { event: true },
        order: { createdAt: 'ASC' },
      });
      const emailChangeRequests = await manager.find(EmailChangeRequest, {
        where: { participantId },
        order: { createdAt: 'ASC' },
      });
      const agendaViews = await manager.find(AgendaView, {
        where: { participantId },
        relations: { event: true },
        order: { seenAt: 'ASC' },
      });
      const deals = await manager.find(Deal, {
        where: [{ participantAId: participantId }, { participantBId: participantId }],
        relations: {
          organization: true,
          event: true,
          participantA: { company: true },
          participantB: { company: true },
        },
        order: { startedOn: 'ASC', createdAt: 'ASC' },
      });
      const followUps = await manager.find(FollowUp, {
        where: [
          ...(deals.length > 0 ? [{ dealId: In(deals.map((deal) => deal.id)) }] : []),
          { participantId },
        ],
        relations: { organization: true },
        order: { dueOn: 'ASC', createdAt: 'ASC' },
      });

      // The person's own language, as their emails are written in.
      const locale = languageOf(participant);
      const otherSide = (meeting: Meeting) =>
        meeting.participantAId === participantId ? meeting.participantB : meeting.participantA;
      // Null once the other party has been removed from the roll (the deal keeps its figures).
      const otherParty = (deal: Deal) =>
        deal.participantAId === participantId ? deal.participantB : deal.participantA;
      const person = await this.people(manager, participantId, [
        ...sent.map((request) => request.toParticipant),
        ...received.map((request) => request.fromParticipant),
        ...meetings.map(otherSide),
        ...suggestions.map((suggestion) => suggestion.suggestedParticipant),
        ...deals.map(otherParty).filter((other): other is Participant => other !== null),
      ]);

      const data = Object.assign(new MyDataModel(), {
        exportedAt: new Date(),
        profile: MyDataProfileModel.from(participant, locale),
        profileChanges: profileChanges.map((change) =>
          ProfileChangeModel.from(
            {
              at: change.changedAt,
              byName: change.changedByUser?.name ?? null,
              byOrganization: change.changedByUser?.organization?.name ?? null,
              bySelf: change.changedBySelf,
              changes: change.changes,
              companyName: change.companyName,
            },
            locale,
          ),
        ),
        mergedProfiles: mergedProfiles.map((merged) => MyDataMergedProfileModel.from(merged)),
        registrations: registrations.map((registration) =>
          MyDataRegistrationModel.from(registration, locale),
        ),
        meetingRequestsSent: sent.map((request) =>
          MyDataMeetingRequestModel.from(request, person(request.toParticipant), locale, { sent: true }),
        ),
        meetingRequestsReceived: received.map((request) =>
          MyDataMeetingRequestModel.from(request, person(request.fromParticipant), locale, { sent: false }),
        ),
        meetings: meetings.map((meeting) =>
          MyDataMeetingModel.from(meeting, participantId, person(otherSide(meeting)), locale),
        ),
        suggestions: suggestions.map((suggestion) =>
          MyDataSuggestionModel.from(suggestion, person(suggestion.suggestedParticipant), locale),
        ),
        surveyAnswers: surveyAnswers.map((answer) => MyDataSurveyAnswerModel.from(answer, locale)),
        miniSalonRequests: miniSalonRequests.map((request) => MiniSalonRequestModel.from(request, locale)),
        emails: emails.map((email) => MyDataEmailModel.from(email, locale)),
        emailChangeRequests: emailChangeRequests.map((request) =>
          MyDataEmailChangeRequestModel.from(request),
        ),
        agendaViews: agendaViews.map((view) => MyDataAgendaViewModel.from(view, locale)),
        deals: deals.map((deal) => {
          const other = otherParty(deal);
          return MyDataDealModel.from(deal, other ? person(other) : null, locale);
        }),
        followUps: followUps.map((followUp) => MyDataFollowUpModel.from(followUp, locale)),
        dealCount: deals.length,
      });
      data.json = toJson(data);
      return data;
    });
  }

  /**
   * How each other person appears: contact details only for those the participant agreed to meet
   * and who consented to share them (one look-up per person they dealt with), and never for
   * someone who has since been erased.
   */
  private async people(manager: EntityManager, participantId: string, others: Participant[]) {
    const showContact = new Map<string, boolean>();
    for (const other of others) {
      if (showContact.has(other.id)) continue;
      showContact.set(
        other.id,
        other.erasedAt === null &&
          other.consentContactSharing &&
          sharesContactWithCounterpart(other, await haveAgreedToMeet(manager, participantId, other.id)),
      );
    }
    return (other: Participant) => MyDataPersonModel.from(other, showContact.get(other.id) ?? false);
  }
}

/** The same content as the typed fields, as a file: times in Asia/Tokyo as the API writes them. */
function toJson(data: Omit<MyDataModel, 'json'>): string {
  return JSON.stringify(
    data,
    function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      return raw instanceof Date ? toTokyoIso(raw) : value;
    },
    2,
  );
}
