import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { EventsService } from '../events/events.service';
import { languageOf } from '../participants/participant-kind';
import { Registration } from './registration.entity';
import { previewRegistrationLink, RegistrationLinkPreview } from './registration-link-preview';
import { REGISTRATION_TRANSITIONS, RegistrationStatus } from './registration-enums';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationsService } from './registrations.service';

export interface CancelLinkResult {
  locale: 'ja' | 'en';
  eventTitle: string;
  /** False when the registration was already cancelled (a second press, a replayed link). */
  changed: boolean;
}

/**
 * The 「参加をキャンセルする」 link of a reminder or a registration confirmation: the token names
 * the registration and does nothing else. Cancelling goes through RegistrationsService's own path
 * under the event lock, so the waitlist moves up and the cancellation listeners run.
 */
@Injectable()
export class RegistrationCancelLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly tokens: ActionTokensService,
  ) {}

  /** For the page behind the link: reads, changes nothing. */
  preview(rawToken: string): Promise<RegistrationLinkPreview> {
    return previewRegistrationLink(
      this.dataSource.manager,
      this.tokens,
      TokenPurpose.REGISTRATION_CANCEL,
      rawToken,
    );
  }

  async cancel(rawToken: string): Promise<CancelLinkResult> {
    const { result, afterCommit } = await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.resolve(manager, TokenPurpose.REGISTRATION_CANCEL, rawToken);
      const found = await manager.findOne(Registration, {
        where: { id: token.subjectId },
        relations: { participant: true },
      });
      if (!found) throw ActionTokenErrors.invalid();
      const event = await this.events.lockManaged(manager, null, found.eventId);
      // Re-read under the event lock: seats change one at a time.
      const registration = await manager.findOneByOrFail(Registration, { id: found.id });
      const base = {
        locale: languageOf(found.participant),
        eventTitle: event.title,
      } as const;
      await this.tokens.markUsed(manager, token);
      if (registration.status === RegistrationStatus.CANCELLED) {
        return { result: { ...base, changed: false }, afterCommit: [] };
      }
      if (!REGISTRATION_TRANSITIONS.can(registration.status, RegistrationStatus.CANCELLED)) {
        throw RegistrationErrors.notCancellable();
      }
      const then = await this.registrations.cancelLocked(manager, registration, event);
      return { result: { ...base, changed: true }, afterCommit: then };
    });
    for (const then of afterCommit) await then();
    return result;
  }
}
