import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Registration } from './registration.entity';

/**
 * What a later feature does when someone gives up their seat, inside the same transaction (the
 * event row is locked). It may return work to run after the commit, such as offering a freed
 * meeting slot to someone else. Features register themselves here, as mail composers do, so that
 * registrations need not know about meetings.
 */
export type CancellationListener = (
  manager: EntityManager,
  registration: Registration,
) => Promise<(() => Promise<void>) | void>;

/**
 * Whom a listener's writes point at besides the person leaving (the other sides of their
 * meetings, whom it emails): the canceller locks their rows before the event's (the lock order in
 * participant-store.ts).
 */
export type CancellationPeople = (manager: EntityManager, registration: Registration) => Promise<string[]>;

@Injectable()
export class RegistrationCancellations {
  private readonly listeners: CancellationListener[] = [];
  private readonly people: CancellationPeople[] = [];

  register(listener: CancellationListener, peopleTold?: CancellationPeople): void {
    this.listeners.push(listener);
    if (peopleTold) this.people.push(peopleTold);
  }

  /** Whom the listeners would write to if `registration` were cancelled now, besides its person. */
  async peopleTold(manager: EntityManager, registration: Registration): Promise<string[]> {
    const told: string[] = [];
    for (const peopleOf of this.people) told.push(...(await peopleOf(manager, registration)));
    return told;
  }

  /** Runs every listener in `manager`'s transaction; returns what they left for after the commit. */
  async notify(manager: EntityManager, registration: Registration): Promise<(() => Promise<void>)[]> {
    const afterCommit: (() => Promise<void>)[] = [];
    for (const listener of this.listeners) {
      const then = await listener(manager, registration);
      if (then) afterCommit.push(then);
    }
    return afterCommit;
  }
}
