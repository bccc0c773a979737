import { TokenPurpose } from '../action-tokens/action-token-purpose';
import type { TokenRequest } from '../action-tokens/action-tokens.service';

/**
 * The accept and decline links for an invitation email about `registrationId`: one token for
 * both, working until the event ends (an answer after that has nothing to join).
 */
export function invitationAnswerUrls(
  publicUrl: string,
  issueToken: (request: TokenRequest) => string,
  registrationId: string,
  eventEndsAt: Date,
): { acceptUrl: string; declineUrl: string } {
  const token = issueToken({
    purpose: TokenPurpose.INVITATION_RESPONSE,
    subjectId: registrationId,
    expiresAt: eventEndsAt,
  });
  const respond = `${publicUrl}/invitations/respond?token=${token}`;
  return { acceptUrl: `${respond}&accept=1`, declineUrl: `${respond}&accept=0` };
}
