import { MinLength, minLength } from 'class-validator';

/** The one rule for a staff password, wherever one is set: creation, a change, a reset, the CLI. */
export const STAFF_PASSWORD_MIN_LENGTH = 12;

export const STAFF_PASSWORD_RULE = `パスワードは${STAFF_PASSWORD_MIN_LENGTH}文字以上にしてください`;

export const IsStaffPassword = () => MinLength(STAFF_PASSWORD_MIN_LENGTH, { message: STAFF_PASSWORD_RULE });

/** The same rule for a password typed into a page rather than passed as an argument: why it is refused, or null. */
export function staffPasswordProblem(password: string): string | null {
  return minLength(password, STAFF_PASSWORD_MIN_LENGTH) ? null : STAFF_PASSWORD_RULE;
}
