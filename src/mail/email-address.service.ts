import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { StaffActor } from '../auth/actor';
import { Participant } from '../participants/participant.entity';
import { changeParticipantEmail } from '../participants/participant-store';
import { ParticipantErrors } from '../participants/participants.errors';
import { OutboxService } from './outbox.service';

/** Links mailed to the participant's address that let whoever holds them act as the person. */
const LINKS_TO_THE_ADDRESS = [TokenPurpose.MAGIC_LINK, TokenPurpose.EVENT_APPLICATION];

/**
 * Staff correct a participant's address, typically after 「宛先不明」 (a typo that bounced) or when
 * the person has a new one. In one transaction: the address changes (and its bounce suppression
 * lifts, see changeParticipantEmail), the sign-in and application links mailed to the old address
 * stop working, and every email that failed to reach the person goes again, to the new address.
 * Their composers read the event as it is then, so what no longer applies (a reminder after the
 * event, an expired sign-in link) is skipped rather than sent.
 */
@Injectable()
export class EmailAddressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ActionTokensService,
    private readonly outbox: OutboxService,
  ) {}

  /** Answers how many failed emails go again (none when the address was already this one). */
  async change(actor: StaffActor, participantId: string, email: string): Promise<number> {
    const address = email.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const participant = await manager.findOneBy(Participant, { id: participantId });
      if (!participant || participant.erasedAt)
        throw ParticipantErrors.notFound(participantId, 'participantId');
      const outcome = await changeParticipantEmail(manager, participantId, address, {
        kind: 'staff',
        userId: actor.userId,
      });
      if (outcome === 'taken') throw ParticipantErrors.emailTaken(address);
      if (outcome === 'unchanged') return 0;
      for (const purpose of LINKS_TO_THE_ADDRESS) await this.tokens.expire(manager, purpose, [participantId]);
      return this.outbox.resendFailedTo(manager, participantId);
    });
  }
}
