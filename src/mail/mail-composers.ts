import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TokenRequest } from '../action-tokens/action-tokens.service';
import { Participant } from '../participants/participant.entity';
import { OutboxMessage } from './outbox-message.entity';
import { ComposedEmail } from './templates/email-layout';

export interface ComposeInput {
  message: OutboxMessage;
  /**
   * The recipient, reloaded at send time: the participant, or for work mail to staff (`userId`
   * rows) the staff member, with their user id, name and address.
   */
  participant: Participant;
  /** Set for non-transactional mail: the one-click unsubscribe link to show in the footer. */
  unsubscribeUrl: string | null;
  /** For reads. */
  manager: EntityManager;
  /**
   * A token for a link in this email (raw value returned). The sender stores every token of the
   * email in one INSERT before it goes out.
   */
  issueToken(request: TokenRequest): string;
}

/**
 * Writes the email for one outbox row from the rows its params name. Answers null when there is
 * nothing to send any more (e.g. the invitation was answered before it went out). Throws
 * EarlierEmailInFlight when what it says depends on an earlier email to the reader still being sent.
 */
export interface MailComposer {
  readonly template: string;
  compose(input: ComposeInput): Promise<ComposedEmail | null>;
}

/** How soon an email that waits for an earlier one (EarlierEmailInFlight) is composed again. */
export const LOOK_AGAIN_MS = 1_000;

/**
 * Thrown by a composer whose email depends on what an earlier email to the same reader showed them,
 * while that one is still being sent (SENDING): it may reach them or not, and which it is decides
 * what this one says (or whether it is sent at all). The sender hands the row back as it was
 * (PENDING, its try given back) and composes it again a moment later, once that one has gone or
 * come back. Only ever about an earlier email, so two never wait for each other.
 */
export class EarlierEmailInFlight extends Error {
  readonly until = new Date(Date.now() + LOOK_AGAIN_MS);

  constructor() {
    super('an earlier email to the same reader is still being sent');
  }
}

/** Composers by template name; each feature registers its own (see src/mail/README.md). */
@Injectable()
export class MailComposers {
  private readonly composers = new Map<string, MailComposer>();

  register(composer: MailComposer): void {
    if (this.composers.has(composer.template))
      throw new Error(`template ${composer.template} registered twice`);
    this.composers.set(composer.template, composer);
  }

  /** Every template name registered, e.g. to check that each has a label for staff. */
  templates(): string[] {
    return [...this.composers.keys()];
  }

  get(template: string): MailComposer {
    const composer = this.composers.get(template);
    if (!composer) throw new Error(`no composer for mail template "${template}"`);
    return composer;
  }
}
