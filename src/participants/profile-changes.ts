import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { Participant } from './participant.entity';
import { ParticipantProfileChange, ProfileFieldChanges } from './participant-profile-change.entity';
import { ParticipantColumns } from './participant-row';

/**
 * Who writes a profile (最終更新者): a staff account, or the person themself. `userId` is null only
 * where no one is signed in (the demo seed): the change is then recorded with no author, as is
 * what the service itself changes (`system`: a hard bounce that suppresses the address).
 */
export type ProfileAuthor = { kind: 'staff'; userId: string | null } | { kind: 'self' } | { kind: 'system' };

/** The 変更履歴 field of the bounce suppression (宛先不明による送信停止), as participant.emailSuppressed says it. */
export const EMAIL_SUPPRESSED = 'emailSuppressed';

/**
 * The company a write names: its id (null detaches), its name, and the changes the write made to
 * its details (`company.municipality` …), which the history of each profile in the write naming it
 * shows (as 最終更新 moves for them).
 */
export interface CompanyWritten {
  id: string | null;
  name: string | null;
  fields?: ProfileFieldChanges;
}

/**
 * What a write changes in a stored profile: each given column whose value differs, the company
 * when the write names another one (by name, as a reader knows it), and the details it changed in
 * the company. Null when nothing differs.
 */
export function profileDiff(
  stored: Pick<Participant, 'companyId'> & ParticipantColumns & { company?: { name: string } | null },
  columns: ParticipantColumns,
  company?: CompanyWritten,
): ProfileFieldChanges | null {
  const changes: ProfileFieldChanges = {};
  for (const [field, after] of Object.entries(columns)) {
    if (field === 'email' || after === undefined) continue;
    const before = stored[field as keyof ParticipantColumns];
    if (!isDeepStrictEqual(before, after)) changes[field] = { before, after };
  }
  if (company && company.id !== stored.companyId) {
    changes.company = { before: stored.company?.name ?? null, after: company.name };
  }
  Object.assign(changes, company?.fields);
  return Object.keys(changes).length > 0 ? changes : null;
}

/**
 * One 変更履歴 row per changed profile, by `author`, in the caller's transaction, once the change is
 * written: each row keeps the company the profile names then (ParticipantProfileChange.companyName).
 */
export async function recordProfileChanges(
  manager: EntityManager,
  entries: { participantId: string; changes: ProfileFieldChanges }[],
  author: ProfileAuthor,
): Promise<void> {
  if (entries.length === 0) return;
  const companies: { id: string; companyName: string | null }[] = await manager.query(
    `SELECT p.id, co.name AS "companyName"
       FROM participants p LEFT JOIN companies co ON co.id = p.company_id
      WHERE p.id = ANY($1::uuid[])`,
    [entries.map((entry) => entry.participantId)],
  );
  const companyOf = new Map(companies.map((row) => [row.id, row.companyName]));
  const rows = entries.map(({ participantId, changes }) =>
    manager.create(ParticipantProfileChange, {
      participantId,
      changes,
      changedByUserId: author.kind === 'staff' ? author.userId : null,
      changedBySelf: author.kind === 'self',
      companyName: companyOf.get(participantId) ?? null,
    }),
  );
  await manager.save(rows, { chunk: 1000, reload: false });
}
