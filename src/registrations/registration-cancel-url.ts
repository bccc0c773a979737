import { TokenPurpose } from '../action-tokens/action-token-purpose';
import type { TokenRequest } from '../action-tokens/action-tokens.service';

/**
 * The cancel link for an email about `registrationId`, working until the event starts (after that
 * a cancellation frees no seat; the organiser records a no-show instead).
 */
export function registrationCancelUrl(
  publicUrl: string,
  issueToken: (request: TokenRequest) => string,
  registrationId: string,
  eventStartsAt: Date,
): string {
  const token = issueToken({
    purpose: TokenPurpose.REGISTRATION_CANCEL,
    subjectId: registrationId,
    expiresAt: eventStartsAt,
  });
  return `${publicUrl}/registrations/cancel?token=${token}`;
}
