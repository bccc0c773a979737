import { MinLength } from 'class-validator';

/** The one rule for a staff password, wherever one is set: creation, a change, the CLI. */
export const STAFF_PASSWORD_MIN_LENGTH = 12;

export const IsStaffPassword = () =>
  MinLength(STAFF_PASSWORD_MIN_LENGTH, {
    message: `パスワードは${STAFF_PASSWORD_MIN_LENGTH}文字以上にしてください`,
  });
