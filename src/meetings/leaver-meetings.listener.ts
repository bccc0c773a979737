import { Injectable } from '@nestjs/common';
import { RegistrationCancellations } from '../registrations/registration-cancellations';
import { MeetingsService } from './meetings.service';

/**
 * When a registration is cancelled, that person's meetings at the event are called off, and the
 * other sides told: the cancellation locks them first (RegistrationCancellations.peopleTold).
 */
@Injectable()
export class LeaverMeetingsListener {
  constructor(cancellations: RegistrationCancellations, meetings: MeetingsService) {
    cancellations.register(
      (manager, registration) =>
        meetings.cancelForLeaver(manager, registration.eventId, registration.participantId),
      (manager, registration) =>
        meetings.counterpartsOf(manager, registration.eventId, registration.participantId),
    );
  }
}
