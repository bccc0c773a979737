import { EntityManager } from 'typeorm';

/** The profile a participant id names now, and whether a merge (名寄せ) took it there. */
export interface ProfileNow {
  participantId: string;
  /** The id was a profile's that staff merged into this one (merged_participants). */
  merged: boolean;
}

/**
 * The profile that a signed link's participant id stands for now: itself, or the profile it was
 * merged into (links in emails sent before a merge name the profile that went).
 */
export async function profileNow(manager: EntityManager, participantId: string): Promise<ProfileNow> {
  const [row]: { participantId: string }[] = await manager.query(
    'SELECT participant_id AS "participantId" FROM merged_participants WHERE merged_id = $1',
    [participantId],
  );
  return row ? { participantId: row.participantId, merged: true } : { participantId, merged: false };
}
