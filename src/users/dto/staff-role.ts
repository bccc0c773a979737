import { IsIn } from 'class-validator';
import { STAFF_ROLES } from '../../auth/actor';

/** A staff account's role, wherever one is given: creation, a role change, the CLI. */
export const IsStaffRole = () =>
  IsIn([...STAFF_ROLES], {
    message: '役割は ADMIN・ORGANIZER・STAFF のいずれかです',
  });
