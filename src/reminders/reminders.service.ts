import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DAY_MS, startOfTokyoDay } from '../common/japan/tokyo-day';
import { tokyoDate } from '../common/time/tokyo-time';
import { EventStatus } from '../events/event-enums';
import { OutboxService } from '../mail/outbox.service';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { REMINDER_TEMPLATE } from './reminder.composer';

/** The day-before reminder for everyone registered. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Writes a reminder (key `reminder-<registrationId>-<event day>`, so a second scan adds nothing)
   * for each REGISTERED participant of every published event starting tomorrow in Asia/Tokyo.
   * Those who cancelled are not REGISTERED; those who unsubscribed are filtered by the outbox. The
   * day is in the key: an event moved to another day is reminded of again the day before it.
   */
  async writeRemindersForTomorrow(now = new Date()): Promise<{ events: number; written: number }> {
    const today = startOfTokyoDay(now).getTime();
    const from = new Date(today + DAY_MS);
    const to = new Date(today + 2 * DAY_MS);
    return this.dataSource.transaction(async (manager) => {
      const registrations = await manager
        .createQueryBuilder(Registration, 'registration')
        .innerJoin('registration.event', 'event')
        .select(['registration.id', 'registration.participantId', 'registration.eventId'])
        .where('event.status = :published', { published: EventStatus.PUBLISHED })
        .andWhere('event.startsAt >= :from AND event.startsAt < :to', { from, to })
        .andWhere('registration.status = :registered', { registered: RegistrationStatus.REGISTERED })
        .getMany();
      const eventDay = tokyoDate(from);
      const result = await this.outbox.enqueue(
        manager,
        registrations.map((registration) => ({
          key: `reminder-${registration.id}-${eventDay}`,
          template: REMINDER_TEMPLATE,
          participantId: registration.participantId,
          eventId: registration.eventId,
          params: { registrationId: registration.id, eventDay },
        })),
      );
      return {
        events: new Set(registrations.map((registration) => registration.eventId)).size,
        written: result.written.length,
      };
    });
  }
}
