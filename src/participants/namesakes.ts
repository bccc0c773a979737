import { EntityManager } from 'typeorm';
import { nameKeySql } from '../common/japan/person-name';

/** A participant just written, and someone already in the pool under the same name. */
export interface Namesake {
  participantId: string;
  email: string;
  existingId: string;
  existingName: string;
  existingEmail: string;
}

/**
 * Of `participantIds` (just created by an import), those with a namesake already in the pool under
 * another address (nameKey: spacing, width and variant kanji aside), each with the one who came
 * first: the person may be in the pool twice now (名寄せ候補). The rows written together are not
 * compared with each other here; the candidates list pairs them too.
 */
export async function existingNamesakes(
  manager: EntityManager,
  participantIds: string[],
): Promise<Namesake[]> {
  if (participantIds.length === 0) return [];
  return manager.query(
    `WITH fresh AS (
       SELECT id, email, ${nameKeySql('name')} AS name_key FROM participants WHERE id = ANY($1::uuid[])
     )
     SELECT DISTINCT ON (f.id) f.id AS "participantId", f.email, p.id AS "existingId",
            p.name AS "existingName", p.email AS "existingEmail"
       FROM fresh f
       JOIN participants p ON ${nameKeySql('p.name')} = f.name_key
      WHERE p.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM fresh g WHERE g.id = p.id)
      ORDER BY f.id, p.created_at, p.id`,
    [participantIds],
  );
}
