import { EntityManager } from 'typeorm';

/** Someone who left an address: who they are now, found by the address they had. */
export interface MovedAway {
  participantId: string;
  name: string;
  currentEmail: string;
}

/**
 * Of `emails`, those a participant has moved away from (an email change in the 変更履歴) that no
 * participant holds now, each with who moved and where to. An old Excel list imported again would
 * otherwise bring the person back as a second participant under the old address.
 */
export async function movedAwayFrom(
  manager: EntityManager,
  emails: string[],
): Promise<Map<string, MovedAway>> {
  if (emails.length === 0) return new Map();
  const rows: (MovedAway & { oldEmail: string })[] = await manager.query(
    `SELECT DISTINCT ON (c.changes->'email'->>'before')
            c.changes->'email'->>'before' AS "oldEmail", p.id AS "participantId", p.name,
            p.email AS "currentEmail"
       FROM participant_profile_changes c
       JOIN participants p ON p.id = c.participant_id
      WHERE c.changes ? 'email' AND c.changes->'email'->>'before' = ANY($1::text[])
        AND p.erased_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM participants q WHERE q.email = c.changes->'email'->>'before')
      ORDER BY c.changes->'email'->>'before', c.changed_at DESC`,
    [emails],
  );
  return new Map(rows.map(({ oldEmail, ...moved }) => [oldEmail, moved]));
}
