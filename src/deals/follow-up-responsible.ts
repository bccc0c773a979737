import { User } from '../users/user.entity';
import { FollowUp } from './follow-up.entity';

/**
 * Who a follow-up is with: its assignee, or whoever scheduled it when nobody is assigned — the
 * person the weekly email goes to (FollowUpDigestsService). Needs `assignedTo` and `createdBy`.
 */
export function responsibleFor(followUp: Pick<FollowUp, 'assignedTo' | 'createdBy'>): User | null {
  return followUp.assignedTo ?? followUp.createdBy ?? null;
}

/** The same rule in SQL, for the `follow_ups` row under `alias`: the responsible user's id. */
export const responsibleUserSql = (alias: string) =>
  `coalesce(${alias}.assigned_to_id, ${alias}.created_by_id)`;

/**
 * The `follow_ups` row under `alias` has nobody to do it: its responsible account is switched off,
 * or gone. It waits for a colleague (handOverFollowUps, reassignFollowUp).
 */
export const waitingForHandOverSql = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM users r WHERE r.id = ${responsibleUserSql(alias)} AND r.deactivated_at IS NULL)`;
