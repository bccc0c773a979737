import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Event } from '../events/event.entity';
import { Registration } from './registration.entity';

/**
 * What a later feature does when people are given a seat (REGISTERED) at an event, inside the same
 * transaction (the event row is locked, and the people's rows before it): a registration, an
 * invitation accepted, the waiting list moving up. Its writes go to the people given the seat, whom
 * the seat's own writes point at already. Features register themselves here, as with
 * RegistrationCancellations, so that registrations need not know about reminders.
 */
export type SeatListener = (
  manager: EntityManager,
  event: Event,
  registrations: Pick<Registration, 'id' | 'participantId' | 'eventId'>[],
) => Promise<void>;

@Injectable()
export class SeatsGiven {
  private readonly listeners: SeatListener[] = [];

  register(listener: SeatListener): void {
    this.listeners.push(listener);
  }

  /** Runs every listener for `registrations`, which now hold a seat at `event`. */
  async notify(
    manager: EntityManager,
    event: Event,
    registrations: Pick<Registration, 'id' | 'participantId' | 'eventId'>[],
  ): Promise<void> {
    if (registrations.length === 0) return;
    for (const listener of this.listeners) await listener(manager, event, registrations);
  }
}
