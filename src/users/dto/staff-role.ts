import { IsIn } from 'class-validator';
import { Role } from '../../auth/actor';

/** A staff account's role, wherever one is given: creation, a role change, the CLI. */
export const IsStaffRole = () =>
  IsIn([Role.ADMIN, Role.ORGANIZER, Role.STAFF], {
    message: '役割は ADMIN・ORGANIZER・STAFF のいずれかです',
  });
