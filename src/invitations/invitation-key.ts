/**
 * The outbox key of the invitation email of one round of invitation to a registration: the first
 * keeps the key it always had, each later one (staff inviting again someone who had cancelled or
 * declined, see Registration.invitationRound) has its own, so it is not taken for a duplicate of
 * the first, while one round is still written once however often it is asked for.
 */
export const invitationKey = (registrationId: string, round: number | null = 1): string =>
  round === null || round <= 1 ? `invitation-${registrationId}` : `invitation-${registrationId}-r${round}`;

/** The same key in SQL, from a registrations row aliased `alias`. */
export const invitationKeySql = (alias: string): string =>
  `'invitation-' || ${alias}.id || CASE WHEN coalesce(${alias}.invitation_round, 1) > 1 THEN '-r' || ${alias}.invitation_round ELSE '' END`;
