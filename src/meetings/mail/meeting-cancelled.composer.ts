import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EventStatus } from '../../events/event-enums';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { nameShownToOthers } from '../../participants/participant-label';
import { Participant } from '../../participants/participant.entity';
import { AgendaFeedLinks } from '../agenda-feed-links';
import { AgendaService } from '../agenda.service';
import { Meeting } from '../meeting.entity';
import { MeetingRequestStatus, MeetingStatus } from '../meeting-enums';
import { MeetingRequest } from '../meeting-request.entity';
import { toldOfAgreement } from '../told-of-agreement';
import { cancelIcsAttachment } from './cancel-ics-attachment';
import { meetingCancelledEmail } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/**
 * One meeting called off. A published one (`meetingId`): METHOD:CANCEL with the meeting's UID and
 * raised SEQUENCE. An agreed one that was on no published agenda (`requestId`: at the venue, placed
 * and not yet published, or without a meeting): the same words with no calendar file, to a side
 * that was told it was agreed, while the event is still to come.
 */
@Injectable()
export class MeetingCancelledComposer implements MailComposer {
  readonly template = MeetingMailTemplate.CANCELLED;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly agenda: AgendaService,
    private readonly config: AppConfig,
    private readonly links: AgendaFeedLinks,
  ) {
    composers.register(this);
  }

  async compose(input: ComposeInput): Promise<ComposedEmail | null> {
    if (input.message.params.requestId) return this.composeUncalendared(input);
    const { message, participant, manager } = input;
    const [entry] = await this.agenda.calendarEntries(manager, participant.id, {
      meetingIds: [message.params.meetingId],
      includeCancelled: true,
    });
    if (!entry?.cancelled) return null;
    const event = await this.contexts.get(manager, message.eventId ?? '', languageOf(participant));
    if (!event) return null;
    const locale = languageOf(participant);
    const recipient = { name: participant.name, email: participant.email };
    return {
      ...meetingCancelledEmail({
        locale,
        participantName: participant.name,
        event,
        entry,
        why: !message.params.leftBy
          ? undefined
          : message.params.leftBy === participant.id
            ? 'YOU_LEFT'
            : 'THEY_LEFT',
        pageUrl: this.links.pageUrl(participant.id, event.id),
      }),
      attachments: [
        cancelIcsAttachment({ locale, event, entries: [entry], recipient, mailFrom: this.config.MAIL_FROM }),
      ],
    };
  }

  private async composeUncalendared({ message, participant, manager }: ComposeInput) {
    const request = await manager.findOne(MeetingRequest, {
      where: { id: message.params.requestId },
      relations: { fromParticipant: { company: true }, toParticipant: { company: true } },
    });
    // Only while it is off (a request is never reopened, but a row may be gone).
    if (request?.status !== MeetingRequestStatus.CANCELLED) return null;
    const other = counterpart(request, participant.id);
    if (!other) return null;
    const locale = languageOf(participant);
    const event = await this.contexts.get(manager, request.eventId, locale);
    // Called off as a whole since (its 開催中止 says all there is to say), or over: no longer news.
    if (!event || event.status === EventStatus.CANCELLED || event.endsAt.getTime() <= Date.now()) return null;
    const meetings = await manager.find(Meeting, {
      select: { id: true, status: true, sessionId: true },
      where: { requestId: request.id },
    });
    // A meeting of it that took place is not called off, whatever became of the request.
    if (meetings.some((meeting) => [MeetingStatus.HELD, MeetingStatus.NO_SHOW].includes(meeting.status)))
      return null;
    if (!(await toldOfAgreement(manager, request, participant.id))) return null;
    return meetingCancelledEmail({
      locale,
      participantName: participant.name,
      event,
      entry: {
        counterpartName: nameShownToOthers(other),
        counterpartCompany: other.company?.name ?? null,
        atVenue: meetings.some((meeting) => meeting.sessionId === null),
      },
      pageUrl: this.links.pageUrl(participant.id, event.id),
    });
  }
}

/** The side of the request that is not the reader; null when the reader is neither. */
function counterpart(request: MeetingRequest, participantId: string): Participant | null {
  if (request.fromParticipantId === participantId) return request.toParticipant;
  if (request.toParticipantId === participantId) return request.fromParticipant;
  return null;
}
