import { EntityManager, In, IsNull } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import {
  EMAIL_CHANGE_LINK_HOURS,
  EmailChangeCallOffReason,
  EmailChangeRequest,
} from './email-change-request.entity';

/** Whose address a request moves: a participant's, or a staff account's login. */
export type EmailChangeOwner = { participantId: string } | { userId: string };

/** How the pending requests end: replaced by a newer one, or called off (and why). */
export type PendingEnd = { replacedBy: EmailChangeRequest } | { calledOff: EmailChangeCallOffReason };

/**
 * In the caller's transaction, with the owner's row locked first (the participant, or the staff
 * account: EmailChangeService.confirm locks it before the link too, so the two wait for each
 * other rather than deadlock): the owner's requests still waiting for their link (sent less than
 * EMAIL_CHANGE_LINK_HOURS ago, not confirmed) end, replaced by `end.replacedBy` (as of when it was
 * asked for, which is when its email was queued) or called off now. Their links stop working. The
 * rows stay, marked with when (and why), so that the page behind such a link still knows whose it
 * was and can say why it no longer works; whatever reads what is pending leaves them out.
 */
export async function endPendingEmailChanges(
  manager: EntityManager,
  tokens: ActionTokensService,
  owner: EmailChangeOwner,
  end: PendingEnd,
): Promise<void> {
  const [column, ownerId] =
    'userId' in owner ? ['user_id', owner.userId] : ['participant_id', owner.participantId];
  const keep = 'replacedBy' in end ? end.replacedBy : null;
  const earlier: { id: string }[] = await manager.query(
    `SELECT id FROM email_change_requests
      WHERE ${column} = $1 AND id IS DISTINCT FROM $2::uuid
        AND confirmed_at IS NULL AND replaced_at IS NULL AND called_off_at IS NULL
        AND created_at > now() - $3 * interval '1 hour'`,
    [ownerId, keep?.id ?? null, EMAIL_CHANGE_LINK_HOURS],
  );
  if (earlier.length === 0) return;
  const ids = earlier.map((row) => row.id);
  await tokens.expire(manager, TokenPurpose.EMAIL_CHANGE, ids);
  await manager.update(
    EmailChangeRequest,
    { id: In(ids), confirmedAt: IsNull() },
    'replacedBy' in end
      ? { replacedAt: end.replacedBy.createdAt }
      : { calledOffAt: new Date(), calledOffReason: end.calledOff },
  );
}
