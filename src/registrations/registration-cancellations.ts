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

@Injectable()
export class RegistrationCancellations {
  private readonly listeners: CancellationListener[] = [];

  register(listener: CancellationListener): void {
    this.listeners.push(listener);
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
