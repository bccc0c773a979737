/**
 * The new `sessions_valid_after` of a staff account or a participant: now, to the millisecond (what
 * a JWT claim and a JS Date hold), and always later than the one before even if clocks disagree,
 * so no older session survives it. SQL, for the SET of the row's UPDATE.
 */
export const NEXT_SESSIONS_VALID_AFTER = `date_trunc('milliseconds',
  greatest(clock_timestamp(), coalesce(sessions_valid_after + interval '1 millisecond', '-infinity')))`;
