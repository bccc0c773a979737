import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStatus } from '../events/event-enums';
import { OutboxService } from '../mail/outbox.service';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { REMINDER_TEMPLATE } from './reminder.composer';

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/** The day-before reminder for everyone registered. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Writes a reminder (key `reminder-<registrationId>`, so a second scan adds nothing) for each
   * REGISTERED participant of every published event starting tomorrow in Asia/Tokyo. Those who
   * cancelled are not REGISTERED; those who unsubscribed are filtered by the outbox.
   */
  async writeRemindersForTomorrow(now = new Date()): Promise<{ events: number; written: number }> {
    const tokyoMidnight = Math.floor((now.getTime() + TOKYO_OFFSET_MS) / DAY_MS) * DAY_MS - TOKYO_OFFSET_MS;
    const from = new Date(tokyoMidnight + DAY_MS);
    const to = new Date(tokyoMidnight + 2 * DAY_MS);
    return this.dataSource.transaction(async (manager) => {
      const registrations = await manager
        .createQueryBuilder(Registration, 'registration')
        .innerJoin('registration.event', 'event')
        .select(['registration.id', 'registration.participantId', 'registration.eventId'])
        .where('event.status = :published', { published: EventStatus.PUBLISHED })
        .andWhere('event.startsAt >= :from AND event.startsAt < :to', { from, to })
        .andWhere('registration.status = :registered', { registered: RegistrationStatus.REGISTERED })
        .getMany();
      const result = await this.outbox.enqueue(
        manager,
        registrations.map((registration) => ({
          key: `reminder-${registration.id}`,
          template: REMINDER_TEMPLATE,
          participantId: registration.participantId,
          eventId: registration.eventId,
          params: { registrationId: registration.id },
        })),
      );
      return {
        events: new Set(registrations.map((registration) => registration.eventId)).size,
        written: result.written.length,
      };
    });
  }
}
