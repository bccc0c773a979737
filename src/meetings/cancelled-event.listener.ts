import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { EventChanges } from '../events/event-changes';
import { Event } from '../events/event.entity';
import { OutboxService } from '../mail/outbox.service';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { MeetingMailTemplate } from './mail/meeting-mail-templates';
import { inviteesWithInvitationSent, requestersInvitedByDecision } from './invitees-told';
import { MeetingsService } from './meetings.service';

/**
 * Who hears of a cancelled event: everyone holding or waiting for a seat, the invitees who have
 * not answered yet (see inviteesWithInvitationSent), and a mini-salon's requester who has not
 * answered, whether its 開催決定 reached them or not (requestersInvitedByDecision). Those who
 * declined or cancelled already know they are not coming.
 */
const TOLD = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED];

/**
 * When an event is cancelled, in the same transaction: its meetings and open meeting requests are
 * called off, and each person signed up for it gets one 開催中止 email.
 *
 * The email is sent as a service message (transactional), whatever the person's consent to
 * newsletters: it is not advertising but news about something they signed up for, and someone who
 * opted out of announcements must not travel to a venue for an event that will not happen. A
 * bounced address is still skipped. Registrations keep their status: the list of who signed up
 * stays as the organiser's record, and the event's status says it did not take place.
 */
@Injectable()
export class CancelledEventListener {
  constructor(
    changes: EventChanges,
    private readonly meetings: MeetingsService,
    private readonly outbox: OutboxService,
  ) {
    changes.register({ cancelled: (manager, event) => this.cancelled(manager, event) });
  }

  private async cancelled(manager: EntityManager, event: Event): Promise<void> {
    const calledOff = await this.meetings.cancelForCancelledEvent(manager, event.id);
    const registrations = await manager.find(Registration, {
      select: { id: true, participantId: true },
      where: { eventId: event.id, status: In(TOLD) },
      order: { id: 'ASC' },
    });
    const requesters = await requestersInvitedByDecision(manager, event.id);
    const requested = new Set(requesters.map((registration) => registration.id));
    const invitees = (await inviteesWithInvitationSent(manager, event.id)).filter(
      (registration) => !requested.has(registration.id),
    );
    const tell = (registration: { id: string; participantId: string }, transactional: boolean) => ({
      key: `event-cancelled-${registration.id}`,
      template: MeetingMailTemplate.EVENT_CANCELLED,
      participantId: registration.participantId,
      eventId: event.id,
      transactional,
      params: {
        registrationId: registration.id,
        meetingIds: (calledOff.get(registration.participantId) ?? []).join(','),
      },
    });
    await this.outbox.enqueue(manager, [
      ...registrations.map((registration) => tell(registration, true)),
      // The answer to what they asked for, as the 開催決定 was: whatever their consent to newsletters.
      ...requesters.map((registration) => tell(registration, true)),
      // Still an invitation: it needs consent to email and honours an unsubscribe, as the first did.
      ...invitees.map((registration) => tell(registration, false)),
    ]);
  }
}
