import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DAY_MS, startOfTokyoDay } from '../common/japan/tokyo-day';
import { tokyoDate } from '../common/time/tokyo-time';
import { AppConfig } from '../config/app-config';
import { EventChanges } from '../events/event-changes';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { OutboxService } from '../mail/outbox.service';
import { Registration } from '../registrations/registration.entity';
import { RegistrationStatus } from '../registrations/registration-enums';
import { SeatsGiven } from '../registrations/seats-given';
import { REMINDER_TEMPLATE } from './reminder.composer';
import { reminderScanHasCome } from './reminder-scan-time';

type Seat = Pick<Registration, 'id' | 'participantId' | 'eventId'>;

/**
 * The day-before reminder for everyone registered: written by the daily scan, and at once for a seat
 * given after it (see remindIfMissed).
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    seats: SeatsGiven,
    changes: EventChanges,
  ) {
    seats.register((manager, event, given) => this.remindIfMissed(manager, event, given));
    changes.register({
      updated: async (manager, before, after) => {
        if (tokyoDate(before.startsAt) !== tokyoDate(after.startsAt))
          await this.remindIfMissed(manager, after);
      },
      published: (manager, event) => this.remindIfMissed(manager, event),
    });
  }

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
      return {
        events: new Set(registrations.map((registration) => registration.eventId)).size,
        written: await this.remind(manager, registrations, eventDay),
      };
    });
  }

  /**
   * The reminder of a seat the day's scan has missed, written at once in the caller's transaction:
   * a seat given (`seats`; without them, everyone REGISTERED: the event was just moved to tomorrow,
   * or published) after the scan's time (REMINDER_CRON) today, at a published event starting
   * tomorrow. Before that time the scan finds them itself, and reminds them with everyone else.
   * The same key as the scan's keeps it to one. The outbox leaves out those who unsubscribed; as it
   * leaves, the sender skips whoever has unsubscribed since, and the composer whoever has cancelled.
   */
  private async remindIfMissed(manager: EntityManager, event: Event, seats?: Seat[]): Promise<void> {
    const now = new Date();
    if (event.status !== EventStatus.PUBLISHED) return;
    const tomorrow = startOfTokyoDay(now).getTime() + DAY_MS;
    if (startOfTokyoDay(event.startsAt).getTime() !== tomorrow) return;
    if (!reminderScanHasCome(this.config.REMINDER_CRON, now)) return;
    const registered =
      seats ??
      (await manager.find(Registration, {
        select: { id: true, participantId: true, eventId: true },
        where: { eventId: event.id, status: RegistrationStatus.REGISTERED },
      }));
    await this.remind(manager, registered, tokyoDate(event.startsAt));
  }

  /**
   * Writes the reminders of `seats` at events on `eventDay`; answers how many were new. One that
   * was written before and skipped unsent (the event was moved away from tomorrow before it left,
   * and has come back; or the seat was cancelled, and is held again) goes again: the composer reads
   * where things stand now. One that was sent is not: one reminder for a date, however often the
   * event moves to it.
   */
  private async remind(manager: EntityManager, seats: Seat[], eventDay: string): Promise<number> {
    const result = await this.outbox.enqueue(
      manager,
      seats.map((registration) => ({
        key: `reminder-${registration.id}-${eventDay}`,
        template: REMINDER_TEMPLATE,
        participantId: registration.participantId,
        eventId: registration.eventId,
        params: { registrationId: registration.id, eventDay },
      })),
    );
    await this.outbox.reopenSkipped(manager, result.existing);
    return result.written.length;
  }
}
