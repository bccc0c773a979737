import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DAY_MS, startOfTokyoDay } from '../common/japan/tokyo-day';
import { tokyoDate } from '../common/time/tokyo-time';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { AgendaFeedLinks } from '../meetings/agenda-feed-links';
import { AgendaService } from '../meetings/agenda.service';
import { languageOf } from '../participants/participant-kind';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { registrationCancelUrl } from '../registrations/registration-cancel-url';
import { reminderEmail } from './reminder.template';

export const REMINDER_TEMPLATE = 'reminder';

/**
 * The day-before reminder (【明日開催】, "Tomorrow:"), sent only on the day before the event in
 * Asia/Tokyo. Composed on any other day (the event's: a worker down until the next morning, or
 * staff's resendFailedEmails once the mail server is back), it is skipped, not sent: "tomorrow"
 * would be wrong, and a reminder on the day, reworded 【本日開催】, would not do its job. It is there to
 * plan the day, and to ask those who cannot come to cancel while someone on the waiting list can
 * still take the seat; on the morning it may reach them after they set off or once the event has
 * begun, while their 参加登録完了, its calendar entry and their agenda page already say when and where.
 */
@Injectable()
export class ReminderComposer implements MailComposer {
  readonly template = REMINDER_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
    private readonly agenda: AgendaService,
    private readonly agendaLinks: AgendaFeedLinks,
  ) {
    composers.register(this);
  }

  async compose({
    message,
    participant,
    unsubscribeUrl,
    manager,
    issueToken,
  }: ComposeInput): Promise<ComposedEmail | null> {
    const registration = await manager.findOneBy(Registration, { id: message.params.registrationId });
    // Cancelled since the scan: no reminder.
    if (registration?.status !== RegistrationStatus.REGISTERED) return null;
    // Read from the row, not the few-seconds cache: the event may have just been moved.
    const current = await manager.findOne(Event, {
      select: { id: true, status: true, startsAt: true },
      where: { id: registration.eventId },
    });
    if (current?.status !== EventStatus.PUBLISHED || current.startsAt.getTime() < Date.now()) return null;
    // Written for the day before an event that has since moved to another day: not "tomorrow" any
    // more. The scan writes a new one the day before the new date.
    if (message.params.eventDay && tokyoDate(current.startsAt) !== message.params.eventDay) return null;
    // Only on the day before (see above): not on the day itself, however late the sending.
    if (startOfTokyoDay(new Date()).getTime() + DAY_MS !== startOfTokyoDay(current.startsAt).getTime())
      return null;
    const event = await this.contexts.get(manager, registration.eventId, languageOf(participant));
    if (!event) return null;
    // Their meetings there, published with a time or agreed without one: the day before is when
    // they look up where to be.
    const { entries, unscheduled } = await this.agenda.listing(manager, participant.id, event.id);
    const meetings = entries.length + unscheduled.length;
    const atVenue = unscheduled.filter((entry) => entry.meeting !== null).length;
    const untimed = unscheduled.length - atVenue;
    return reminderEmail({
      locale: languageOf(participant),
      participantName: participant.name,
      event,
      cancelUrl: registrationCancelUrl(this.config.PUBLIC_URL, issueToken, registration.id, event.startsAt),
      agenda:
        meetings > 0
          ? { meetings, atVenue, untimed, url: this.agendaLinks.pageUrl(participant.id, event.id) }
          : null,
      unsubscribeUrl,
    });
  }
}
