import { Injectable } from '@nestjs/common';
import { RegistrationCancellations } from '../registrations/registration-cancellations';
import { MeetingsService } from './meetings.service';

/** When a registration is cancelled, that person's meetings at the event are called off. */
@Injectable()
export class LeaverMeetingsListener {
  constructor(cancellations: RegistrationCancellations, meetings: MeetingsService) {
    cancellations.register((manager, registration) =>
      meetings.cancelForLeaver(manager, registration.eventId, registration.participantId),
    );
  }
}
