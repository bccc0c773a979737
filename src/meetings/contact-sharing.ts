import { EntityManager } from 'typeorm';

/**
 * Whether two participants agreed to meet (an ACCEPTED request at any event, either direction).
 * Agreement alone does not open contact details: the owner's consent is needed too (see
 * maySeeContact in src/participants/participant-access.ts). Uses the open-pair index.
 */
export async function haveAgreedToMeet(manager: EntityManager, a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM meeting_requests
      WHERE status = 'ACCEPTED'
        AND LEAST(from_participant_id, to_participant_id) = LEAST($1::uuid, $2::uuid)
        AND GREATEST(from_participant_id, to_participant_id) = GREATEST($1::uuid, $2::uuid)
      LIMIT 1`,
    [a, b],
  );
  return rows.length > 0;
}
