import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EventStatus } from '../../events/event-enums';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { languageOf } from '../../participants/participant-kind';
import { Registration } from '../../registrations/registration.entity';
import { SEATED } from '../../registrations/registration-enums';
import { MeetingRequestStatus } from '../meeting-enums';
import { MeetingRequest } from '../meeting-request.entity';
import { toldOfAgreement } from '../told-of-agreement';
import { CounterpartLeftKind, counterpartLeftEmail } from './meeting-emails.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/**
 * To the other side of someone who left the event (MeetingsService.cancelForLeaver): their agreed
 * meeting is off (if they were told it was on: toldOfAgreement), or their request cannot go ahead.
 * The person who left is read at send time, so one erased since is named to nobody.
 */
@Injectable()
export class CounterpartLeftComposer implements MailComposer {
  readonly template = MeetingMailTemplate.COUNTERPART_LEFT;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
  ) {
    composers.register(this);
  }

  async compose({ message, participant, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const request = await manager.findOne(MeetingRequest, {
      where: { id: message.params.requestId },
      relations: { fromParticipant: { company: true }, toParticipant: { company: true } },
    });
    // Only while it is still off (a request is never reopened, but a row may be gone).
    if (request?.status !== MeetingRequestStatus.CANCELLED) return null;
    const leaver =
      request.fromParticipantId === participant.id ? request.toParticipant : request.fromParticipant;
    if (leaver.id === participant.id) return null;
    const event = await this.contexts.get(manager, request.eventId, languageOf(participant));
    // Called off as a whole since: its 開催中止 says all there is to say.
    if (!event || event.status === EventStatus.CANCELLED || event.endsAt.getTime() <= Date.now()) return null;
    // The reader has left too since: the meeting is no longer theirs to miss.
    const seated = await manager.existsBy(Registration, {
      eventId: request.eventId,
      participantId: participant.id,
      status: In(SEATED),
    });
    if (!seated) return null;
    // An agreed meeting whose 面談成立 never reached the reader: they never heard it was on.
    const kind = message.params.kind as CounterpartLeftKind;
    if (kind === 'AGREED' && !(await toldOfAgreement(manager, request, participant.id))) return null;
    return counterpartLeftEmail({
      locale: languageOf(participant),
      recipientName: participant.name,
      kind,
      leaver: leaver.erasedAt ? null : { name: leaver.name, company: leaver.company?.name ?? null },
      event,
    });
  }
}
