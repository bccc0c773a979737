import { TokenPurpose } from '../action-tokens/action-token-purpose';
import type { TokenRequest } from '../action-tokens/action-tokens.service';

/**
 * Which email the links are in, when it is not an invitation (【ご招待】) nor an email after it:
 * the page then names that email. `decision`: a mini-salon's 【開催決定】, which invites its requester.
 */
export type AnswerLinkFrom = 'decision';

/**
 * The accept and decline links for an invitation email about `registrationId`: one token for
 * both, working until the event ends (an answer after that has nothing to join).
 */
export function invitationAnswerUrls(
  publicUrl: string,
  issueToken: (request: TokenRequest) => string,
  registrationId: string,
  eventEndsAt: Date,
  from?: AnswerLinkFrom,
): { acceptUrl: string; declineUrl: string } {
  const token = issueToken({
    purpose: TokenPurpose.INVITATION_RESPONSE,
    subjectId: registrationId,
    expiresAt: eventEndsAt,
  });
  const respond = `${publicUrl}/invitations/respond?token=${token}`;
  const source = from ? `&from=${from}` : '';
  return { acceptUrl: `${respond}&accept=1${source}`, declineUrl: `${respond}&accept=0${source}` };
}
