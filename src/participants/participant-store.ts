import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { NEXT_SESSIONS_VALID_AFTER } from '../auth/sessions-valid-after';
import { Company } from './company.entity';
import { Participant } from './participant.entity';
import { CompanyColumns, ParticipantColumns, ParticipantRow } from './participant-row';
import { ProfileFieldChanges } from './participant-profile-change.entity';
import { ParticipantErrors } from './participants.errors';
import {
  CompanyWritten,
  EMAIL_SUPPRESSED,
  ProfileAuthor,
  profileDiff,
  recordProfileChanges,
} from './profile-changes';

const UPSERT_CHUNK = 1000;
// Serialises writers of the shared pool, so two imports cannot both create the same company.
const POOL_WRITE_LOCK = 0x7473_6e67; // "tsng"

export interface UpsertOutcome {
  ids: string[];
  /** Of `ids`, the participants this write created. */
  createdIds: string[];
  created: number;
  /** Existing participants whose profile the write changed… */
  updated: number;
  /** …and those it found as they were. */
  unchanged: number;
}

/**
 * Writes participants (and their companies) in bulk, keyed by email: one INSERT … ON CONFLICT per
 * chunk. Used by the single upsert and by the CSV import, so both normalise and store alike.
 * Runs inside the caller's transaction. A row that is created, or whose profile or company
 * changes, records `author` as its 最終更新; a row written again unchanged keeps the one it had.
 */
export async function upsertParticipants(
  manager: EntityManager,
  given: ParticipantRow[],
  author: ProfileAuthor,
): Promise<UpsertOutcome> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [POOL_WRITE_LOCK]);
  // The profiles under these addresses, locked before anything of them is read (see lockProfile):
  // one being erased meanwhile is no longer under its address once the erasure commits, so it is
  // neither read into a 変更履歴 nor written, and the row makes a new profile.
  await manager.query('SELECT 1 FROM participants WHERE email = ANY($1::text[]) FOR NO KEY UPDATE', [
    given.map((row) => row.columns.email),
  ]);
  const rows = await withStoredCompaniesFields(manager, given);
  const { ids: companyIds, changedIds: changedCompanyIds } = await resolveCompanies(
    manager,
    rows.map((row) => row.company),
  );
  const outcome: UpsertOutcome = { ids: [], createdIds: [], created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    const chunk = rows.slice(start, start + UPSERT_CHUNK);
    const changed = await changesOf(
      manager,
      chunk,
      companyIds.slice(start, start + UPSERT_CHUNK),
      changedCompanyIds,
    );
    const values = chunk.map((row, index) => {
      const companyId = companyIds[start + index];
      return { ...row.columns, ...(companyId === undefined ? {} : { companyId }) } as ParticipantColumns & {
        companyId?: string | null;
      };
    });
    const companyChangedEmails = chunk.flatMap((row, index) => {
      const companyId = companyIds[start + index];
      return companyId && changedCompanyIds.has(companyId) ? [row.columns.email!] : [];
    });
    const changedIds = new Set(changed.map((entry) => entry.participantId));
    // One statement per set of given columns: in a multi-row INSERT, a column one row leaves out
    // is DEFAULT, and ON CONFLICT would copy that default over what is stored (a blank 言語 cell
    // turning an English reader Japanese because the row above gave one).
    for (const group of bySameColumns(values)) {
      // The columns this write sets: a column the rows do not give is left untouched on existing rows.
      const updateColumns = Object.keys(group[0])
        .filter((key) => key !== 'email')
        .map(toColumnName);
      const [insert, parameters] = manager
        .createQueryBuilder()
        .insert()
        .into(Participant)
        // One author for the whole statement: a single parameter, not one per row.
        .values(group.map((value) => ({ ...value, ...AUTHOR_VALUES })))
        .setParameter('profileAuthorId', author.kind === 'staff' ? author.userId : null)
        .setParameter('profileAuthorIsSelf', author.kind === 'self')
        .updateEntity(false)
        .getQueryAndParameters();
      const raws: { id: string; inserted: boolean }[] = await manager.query(
        `${insert} ${onEmailConflict(updateColumns, `$${parameters.length + 1}::text[]`)}
         RETURNING id, (xmax = 0) AS inserted`,
        [...parameters, companyChangedEmails],
      );
      for (const raw of raws) {
        outcome.ids.push(raw.id);
        if (raw.inserted) {
          outcome.created += 1;
          outcome.createdIds.push(raw.id);
        } else if (changedIds.has(raw.id)) outcome.updated += 1;
        else outcome.unchanged += 1;
      }
    }
    await recordProfileChanges(manager, changed, author);
  }
  return outcome;
}

/** The rows in groups that give the same columns, in the order each set first appears. */
function bySameColumns<T extends object>(values: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = Object.keys(value).sort().join(',');
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return [...groups.values()];
}

/**
 * The 変更履歴 entries a chunk of the bulk write will make: each existing profile (by email) that a
 * row changes. Read under the pool's write lock, so nothing moves between this and the write.
 */
async function changesOf(
  manager: EntityManager,
  chunk: ParticipantRow[],
  companyIds: (string | null | undefined)[],
  changedCompanies: Map<string, ProfileFieldChanges>,
): Promise<{ participantId: string; changes: ProfileFieldChanges }[]> {
  const stored = await manager.find(Participant, {
    where: { email: In(chunk.map((row) => row.columns.email!)) },
    relations: { company: true },
  });
  const byEmail = new Map(stored.map((participant) => [participant.email, participant]));
  return chunk.flatMap((row, index) => {
    const before = byEmail.get(row.columns.email!);
    const changes =
      before && profileDiff(before, row.columns, companyWritten(row, companyIds[index], changedCompanies));
    return before && changes ? [{ participantId: before.id, changes }] : [];
  });
}

/**
 * The ON CONFLICT clause, written out because TypeORM's orUpdate can only copy the new values:
 * 最終更新 moves only where a given column (or the row's company, listed in `companyChangedEmails`)
 * differs from what is stored, in the same statement, so the 10,000-row import costs nothing more.
 * In SET, `participants.*` is still the row as it was.
 */
function onEmailConflict(columns: string[], companyChangedEmails: string): string {
  const before = columns.map((column) => `participants."${column}"`).join(', ');
  const after = columns.map((column) => `EXCLUDED."${column}"`).join(', ');
  const changed = `(${columns.length ? `ROW(${before}) IS DISTINCT FROM ROW(${after}) OR ` : ''}EXCLUDED.email = ANY(${companyChangedEmails}))`;
  const ifChanged = (column: string) =>
    `"${column}" = CASE WHEN ${changed} THEN EXCLUDED."${column}" ELSE participants."${column}" END`;
  return `ON CONFLICT ("email") DO UPDATE SET ${[
    ...columns.map((column) => `"${column}" = EXCLUDED."${column}"`),
    '"updated_at" = DEFAULT',
    ...PROFILE_UPDATE_COLUMNS.map(ifChanged),
  ].join(', ')}`;
}

const PROFILE_UPDATE_COLUMNS = [
  'profile_updated_at',
  'profile_updated_by_user_id',
  'profile_updated_by_self',
];

const AUTHOR_VALUES = {
  profileUpdatedByUserId: () => 'CAST(:profileAuthorId AS uuid)',
  profileUpdatedBySelf: () => 'CAST(:profileAuthorIsSelf AS boolean)',
};

function authorColumns(author: ProfileAuthor) {
  return {
    profileUpdatedByUserId: author.kind === 'staff' ? author.userId : null,
    profileUpdatedBySelf: author.kind === 'self',
  };
}

/**
 * Changes an existing participant (the profile edit): only the given columns, and the company if
 * given. A company given without its industry or municipality keeps the ones the profile's company
 * had, as a blank never erases a company's field: someone who corrects their company's name is
 * still in the same trade and town. 最終更新 moves, and the 変更履歴 gains an entry, only if
 * something differs from what is stored. Refused (ParticipantErrors.erased) once the person is
 * erased, an erasure that commits while the edit waits included (see lockProfile).
 */
export async function updateParticipant(
  manager: EntityManager,
  id: string,
  given: ParticipantRow,
  author: ProfileAuthor,
): Promise<void> {
  await lockProfile(manager, id);
  const stored = await manager.findOneOrFail(Participant, { where: { id }, relations: { company: true } });
  if (stored.erasedAt) throw ParticipantErrors.erased();
  const row = withStoredCompanyFields(given, stored.company);
  const {
    ids: [companyId],
    changedIds,
  } = await resolveCompanies(manager, [row.company]);
  const columns = { ...row.columns, ...(companyId === undefined ? {} : { companyId }) };
  const changes = profileDiff(stored, row.columns, companyWritten(row, companyId, changedIds));
  await manager.update(Participant, id, {
    ...columns,
    ...(changes ? { profileUpdatedAt: () => 'now()', ...authorColumns(author) } : {}),
  });
  if (changes) await recordProfileChanges(manager, [{ participantId: id, changes }], author);
}

/*
 * Lock order, wherever a transaction locks people and an event: the people's rows first (several
 * in id order), then the event's row, then the event's own rows (its registrations, requests,
 * meetings). An erasure (ParticipantErasureService) locks the person it erases (FOR UPDATE) together
 * with everyone its cancellations at the events still to come write to (the other sides of the
 * person's meetings and requests there, those the freed seats go to: FOR KEY SHARE), all in id
 * order through lockPeople, then those events in id order, and reads again under them whom it
 * writes to, starting over (withPeopleLocked) when someone it did not lock turns up. A merge
 * (lockForMerge, then lockRegistrationsAt) locks the two profiles (FOR UPDATE) together with the
 * third people of the requests it agrees (FOR KEY SHARE), all in id order through lockPeople,
 * reading those again under them and starting over when someone it did not lock turns up, and then
 * the events the profiles are at. The person's own writes lock their row before the event too
 * (lockProfile, lockSelfAgainstErasure), and so, with lockPeople, do the writers of rows that point
 * at people: a registration and its confirmation (RegistrationsService), a meeting request, its
 * answer and its withdrawal (MeetingRequestsService), staff's writes of meetings (MeetingsService),
 * a scheduling run saving the meetings it placed (SchedulingService: both sides of each), a
 * registration cancelled, whose emails go to the other sides of the person's meetings and to
 * those the freed seats go to (RegistrationsService.withCancellationLocked), an event made one
 * without 商談枠 again, whose agreements waiting for a slot become meetings at the venue
 * (EventsService.revertToNoSessions), and the writes to an event as a whole whose emails go to many
 * of the people at it, all of them locked in one statement (EventsService.withPeopleAndEventLocked):
 * the changes that tell the people signed up for it (lockSignedUpAndEvent): its cancellation
 * (開催中止), a draft published (the confirmations held back until then), an edit (日時変更・会場変更,
 * a new 申込締切, the seats it adds given to the waiting list); a schedule published, whose agenda
 * emails go to both sides of each meeting and agreement it tells (AgendaService.publish); the
 * おすすめ sent, a digest to each person with suggestions (SuggestionDigestsService.send); a matching
 * run saving its suggestions, which name both sides of each (MatchingService); and the アンケート sent,
 * by staff or the morning scan, to those who were there (SurveysService.send). A row written
 * that points at a person locks theirs too (its foreign key, FOR KEY SHARE), so a writer that held
 * the event first would wait for an erasure or a merge waiting for that event, as would an erasure
 * telling the other side of a meeting whom a second erasure, or a merge, holds: a deadlock, which
 * Postgres answers by failing one of them.
 * Among the event's own rows, a request's before its meeting's (its withdrawal, and its meeting
 * called off: MeetingRequestsService.cancel, MeetingsService.cancel; its meeting placed, by hand or
 * in a freed slot, share-locks it: MeetingsService.place, offerFreedSlot).
 * The sender's statements take the person's row FOR KEY SHARE too, before the outbox rows they
 * write (MailDelivery: markSent, in id order, for the answers that quote an address; fail and
 * finish, for an error): an erasure, which locks the person before it forgets their mail log,
 * waits for them or they for it, and they lock no event.
 */

/**
 * The rows of the people a write under an event's lock points at, locked before the event (see the
 * lock order above), in id order, as their foreign keys lock them: FOR KEY SHARE, which only an
 * erasure or a merge of one of them (FOR UPDATE) waits for, or holds up. Taken by what gives people
 * a place at an event (registering them, inviting them, their answer to an invitation, their
 * application), by staff's writes of meetings (the two sides of a meeting placed or moved), by a
 * scheduling run's save (the two sides of every meeting it places) and by the writes to an event as
 * a whole that email many of the people at it or write rows naming them
 * (EventsService.withPeopleAndEventLocked: the changes that tell everyone signed up, a schedule
 * published, おすすめ computed and sent, the アンケート sent). A merge (名寄せ) locks
 * the two profiles (lockForMerge) before the events where both are registered: a write here waits
 * for it to commit, rather than holding the event the merge waits for while it waits for the
 * person (a deadlock, which Postgres answers by failing one of them), or writing a row for a
 * profile the merge then deletes (a failed foreign key). An erasure takes the person it erases
 * among them FOR UPDATE, and a merge the two profiles it joins (`forUpdate`, each in its place in
 * the id order; locked whether `ids` name them or not). Answers the ids still there: a profile
 * merged away meanwhile is not, and the caller refuses it or reads again whom its rows now point at
 * (withPeopleLocked; a scheduling run computes again).
 */
export async function lockPeople(
  manager: EntityManager,
  ids: string[],
  { forUpdate = [] }: PeopleLocks = {},
): Promise<Set<string>> {
  // Still in id order: those before the first FOR UPDATE, it, those up to the next, and so on.
  // In lower case, hex sorts as Postgres orders uuids (by their bytes).
  const own = [...new Set(forUpdate.map((id) => id.toLowerCase()))].sort();
  const locked = new Set<string>();
  let after: string | null = null;
  for (const id of own) {
    for (const shared of await keyShared(manager, ids, after, id)) locked.add(shared);
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM participants WHERE id = $1 FOR UPDATE',
      [id],
    );
    for (const row of rows) locked.add(row.id);
    after = id;
  }
  for (const shared of await keyShared(manager, ids, after, null)) locked.add(shared);
  return locked;
}

/**
 * Of the people a write locks (lockPeople), those it locks FOR UPDATE rather than FOR KEY SHARE:
 * the person an erasure erases, whose row it anonymises, or the two profiles a merge joins
 * (lockForMerge), so that a second erasure or merge of them, or a write to their profile
 * (lockProfile), waits for it.
 */
export interface PeopleLocks {
  forUpdate?: string[];
}

/** Of `ids`, those strictly between `after` and `before` (either end open when null), FOR KEY SHARE. */
async function keyShared(
  manager: EntityManager,
  ids: string[],
  after: string | null,
  before: string | null,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM participants
      WHERE id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR id > $2::uuid) AND ($3::uuid IS NULL OR id < $3::uuid)
      ORDER BY id FOR KEY SHARE`,
    [ids, after, before],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Whether everyone in `now` is among the people `locked`: what a write under withPeopleLocked reads
 * again under a later lock (the event's) before it answers PEOPLE_CHANGED. Through a set: an
 * event's thousands of registrants are compared in one pass, not each against every other.
 */
export function allLocked(locked: string[], now: string[]): boolean {
  const held = new Set(locked);
  return now.every((id) => held.has(id));
}

/** What a write under withPeopleLocked answers when its rows point at someone it did not lock. */
export const PEOPLE_CHANGED = Symbol('people changed');

/**
 * Runs `write` in a transaction that first locks the rows of the people it writes rows pointing
 * at (lockPeople), as `peopleOf` reads them (a request's or a meeting's two sides, say), ahead of
 * the event's (the lock order above): an erasure or a merge of one of them is either committed and
 * seen, or waits for this. A merge committed meanwhile has put the rows on the kept profile: they
 * are read again once locked, and if they name someone not locked the transaction starts again,
 * with the rows of the people they name now; `write` is given the people locked. So it does when `write` answers PEOPLE_CHANGED, having
 * found under a later lock (the event's) rows pointing at someone else too; it answers so before
 * it writes anything. `locks` are lockPeople's (an erasure's own row FOR UPDATE).
 */
export async function withPeopleLocked<T>(
  dataSource: DataSource,
  peopleOf: (manager: EntityManager) => Promise<string[]>,
  write: (manager: EntityManager, people: string[]) => Promise<T | typeof PEOPLE_CHANGED>,
  locks: PeopleLocks = {},
): Promise<T> {
  for (;;) {
    const done = await dataSource.transaction(async (manager) => {
      const people = await peopleOf(manager);
      await lockPeople(manager, people, locks);
      // Fewer people than were locked (a second erasure of someone, once the first has taken them
      // off their events) is no reason to start again: holding a row longer costs nothing.
      if (!allLocked(people, await peopleOf(manager))) return null;
      const written = await write(manager, people);
      return written === PEOPLE_CHANGED ? null : { written };
    });
    if (done) return done.written;
  }
}

/**
 * What a write to one person's profile locks before it reads the profile: the pool's write lock,
 * then the person's row. An erasure locks the row first thing (ParticipantErasureService), so a
 * write that comes while one is under way waits for it and then reads the anonymised row, never
 * the values it removed, to write back or to record in the 変更履歴 (the row as it was is what a
 * read without the lock would still see, and an UPDATE by id would then overwrite the erasure).
 *
 * Taken ahead of whatever else the caller locks (the link that confirms a new address,
 * EmailChangeService.confirm). Staff correcting the address, or merging the profile, take these
 * first too, and only then the person's links: one of the two waits for the other instead of each
 * holding what the other needs (a deadlock, which Postgres answers by failing one of them).
 */
export async function lockProfile(manager: EntityManager, id: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [POOL_WRITE_LOCK]);
  await manager.query('SELECT 1 FROM participants WHERE id = $1 FOR NO KEY UPDATE', [id]);
}

/**
 * What a write the person makes in their own session, other than to their profile, locks before
 * anything else it locks: their row alone (the pool's write lock is for profile writes). Their
 * words in it (a meeting request's message or reply, a mini-salon request, the agenda they marked
 * seen) are cleared by an erasure only where they exist when it runs, and an erasure locks the row
 * first thing (ParticipantErasureService): a write that comes while one is under way waits for it
 * and is then refused (ParticipantErrors.erased) rather than leaving them behind. Taken ahead of
 * the event's lock, as the erasure takes the row before the events it leaves; FOR NO KEY UPDATE,
 * so the rows that only point at the person (an email queued for them) are not held up.
 */
export async function lockSelfAgainstErasure(manager: EntityManager, id: string): Promise<void> {
  const participant = await manager.findOne(Participant, {
    select: { id: true, erasedAt: true },
    where: { id },
    lock: { mode: 'for_no_key_update' },
  });
  if (participant?.erasedAt) throw ParticipantErrors.erased();
}

/**
 * Moves a participant to another address (a typo that bounced, a new address), under the pool's
 * write lock so that no import creates the address meanwhile, and the person's row (lockProfile).
 * The bounce suppression belonged to the old address and is lifted; the person's own choice
 * (配信停止) stays; sessions issued until now end (whoever signed in through the old address is
 * signed out). 最終更新 moves and the 変更履歴 records the old address (and the suppression lifted,
 * if there was one). Answers 'taken' when another participant holds the address, 'missing' for an
 * unknown or erased person (an erasure that commits while this waits included), and the
 * participant as it was before.
 */
export async function changeParticipantEmail(
  manager: EntityManager,
  id: string,
  email: string,
  author: ProfileAuthor,
): Promise<{ outcome: 'missing' } | { outcome: 'changed' | 'unchanged' | 'taken'; before: Participant }> {
  await lockProfile(manager, id);
  const stored = await manager.findOneBy(Participant, { id });
  if (!stored || stored.erasedAt) return { outcome: 'missing' };
  if (stored.email === email) return { outcome: 'unchanged', before: stored };
  if (await manager.existsBy(Participant, { email })) return { outcome: 'taken', before: stored };
  await manager.update(Participant, id, {
    email,
    emailSuppressedAt: null,
    sessionsValidAfter: () => NEXT_SESSIONS_VALID_AFTER,
    profileUpdatedAt: () => 'now()',
    ...authorColumns(author),
  });
  const changes: ProfileFieldChanges = { email: { before: stored.email, after: email } };
  if (stored.emailSuppressedAt) changes[EMAIL_SUPPRESSED] = { before: true, after: false };
  await recordProfileChanges(manager, [{ participantId: id, changes }], author);
  return { outcome: 'changed', before: stored };
}

/**
 * Staff (or the person) say the address works after all: its bounce suppression lifts, and the
 * 変更履歴 records who lifted it; nothing is recorded when the address was not suppressed. Like the
 * bounce, not a profile edit: 最終更新 stays. Answers whether it was suppressed.
 */
export async function liftEmailSuppression(
  manager: EntityManager,
  id: string,
  author: ProfileAuthor,
): Promise<boolean> {
  const { affected } = await manager.update(
    Participant,
    { id, emailSuppressedAt: Not(IsNull()) },
    { emailSuppressedAt: null },
  );
  if (!affected) return false;
  await recordProfileChanges(
    manager,
    [{ participantId: id, changes: { [EMAIL_SUPPRESSED]: { before: true, after: false } } }],
    author,
  );
  return true;
}

/**
 * A hard bounce: no more email goes to the participant's address. The 変更履歴 says when, with no
 * author (the service did it, see ProfileAuthor), so that staff who lift it later see since when it
 * held; 最終更新 stays, as it names who last edited the profile. A second bounce
 * while it holds records nothing. Answers whether this one suppressed the address.
 */
export async function suppressEmail(manager: EntityManager, id: string): Promise<boolean> {
  const { affected } = await manager.update(
    Participant,
    { id, emailSuppressedAt: IsNull() },
    { emailSuppressedAt: () => 'now()' },
  );
  if (!affected) return false;
  await recordProfileChanges(
    manager,
    [{ participantId: id, changes: { [EMAIL_SUPPRESSED]: { before: false, after: true } } }],
    { kind: 'system' },
  );
  return true;
}

/**
 * The two profiles of a merge (名寄せ), under the pool's write lock and each row's own lock, with
 * `others` (the third people whose rows the merge writes rows pointing at: FOR KEY SHARE), all in
 * id order (lockPeople), so that two merges of the same pair, or an erasure of one of the others
 * (which locks the two profiles FOR KEY SHARE in turn, through its requests to them), wait for each
 * other rather than deadlock. Locking the rows also holds back every write that would point a new
 * registration, request or deal at either profile until the merge commits; a registration waits
 * before it locks the event (lockPeople). Null for a person unknown or erased.
 */
export async function lockForMerge(
  manager: EntityManager,
  keepId: string,
  duplicateId: string,
  others: string[],
): Promise<{ keep: Participant | null; duplicate: Participant | null }> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [POOL_WRITE_LOCK]);
  await lockPeople(manager, others, { forUpdate: [keepId, duplicateId] });
  const rows = await manager.find(Participant, {
    where: { id: In([keepId, duplicateId]), erasedAt: IsNull() },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { keep: byId.get(keepId) ?? null, duplicate: byId.get(duplicateId) ?? null };
}

/** Fields a merge fills on the kept profile when it has none and the duplicate has one. */
const FILLED_WHEN_EMPTY = ['furigana', 'title', 'phone', 'offersText', 'needsText'] as const;
/** Tag lists a merge unites, the kept profile's tags first. */
const UNITED = ['offers', 'needs', 'themes', 'tags'] as const;

/**
 * The last step of a merge, once everything of the duplicate points at the kept profile: what the
 * kept one lacks is taken from the duplicate (a phone number, a company, tags), its own values and
 * choices (consents, 配信停止) stay as they are, and the duplicate row goes. The 変更履歴 gains one
 * entry with the fields filled and the address the duplicate had (so an old list imported again
 * does not bring it back, see movedAwayFrom); the duplicate's own history has already moved.
 */
export async function foldDuplicateInto(
  manager: EntityManager,
  keep: Participant,
  duplicate: Participant,
  author: ProfileAuthor,
): Promise<void> {
  const filled: Partial<Participant> = {};
  for (const field of FILLED_WHEN_EMPTY) {
    if (!keep[field] && duplicate[field]) filled[field] = duplicate[field];
  }
  for (const field of UNITED) {
    const united = [...new Set([...keep[field], ...duplicate[field]])];
    if (united.length > keep[field].length) filled[field] = united;
  }
  if (!keep.companyId && duplicate.companyId) filled.companyId = duplicate.companyId;

  const changes: ProfileFieldChanges = {
    mergedParticipant: { before: `${duplicate.name}（${duplicate.email}）`, after: keep.name },
    email: { before: duplicate.email, after: keep.email },
  };
  for (const [field, after] of Object.entries(filled)) {
    if (field === 'companyId') {
      const company = await manager.findOneBy(Company, { id: after as string });
      changes.company = { before: null, after: company?.name ?? null };
    } else {
      changes[field] = { before: keep[field as keyof Participant], after };
    }
  }
  await manager.delete(Participant, duplicate.id);
  await manager.update(Participant, keep.id, {
    ...filled,
    profileUpdatedAt: () => 'now()',
    ...authorColumns(author),
  });
  await recordProfileChanges(manager, [{ participantId: keep.id, changes }], author);
}

/** The company a row names, as profileDiff reads it: its id, its name, and what the write changed in it. */
function companyWritten(
  row: ParticipantRow,
  companyId: string | null | undefined,
  changedCompanies: Map<string, ProfileFieldChanges>,
): CompanyWritten | undefined {
  if (companyId === undefined) return undefined;
  return { id: companyId, name: row.company?.name ?? null, fields: changedCompanies.get(companyId ?? '') };
}

function toColumnName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * One company id per row (or undefined to leave it, null to detach), creating missing companies;
 * `changedIds` are the existing companies whose details this write changed, with the changes
 * (`company.municipality` …) for the 変更履歴 of whoever the write names there.
 */
/** withStoredCompanyFields for the rows of people already in the pool, in one read. */
async function withStoredCompaniesFields(
  manager: EntityManager,
  rows: ParticipantRow[],
): Promise<ParticipantRow[]> {
  const blank = rows.filter(
    (row) =>
      row.company && !row.company.corporateNumber && (!row.company.industry || !row.company.municipality),
  );
  if (blank.length === 0) return rows;
  const stored = await manager.find(Participant, {
    select: {
      id: true,
      email: true,
      company: { id: true, name: true, corporateNumber: true, industry: true, municipality: true },
    },
    where: { email: In(blank.map((row) => row.columns.email!)) },
    relations: { company: true },
  });
  const byEmail = new Map(stored.map((participant) => [participant.email, participant.company]));
  return rows.map((row) => withStoredCompanyFields(row, byEmail.get(row.columns.email!)));
}

/**
 * A company given without its industry or municipality keeps the ones the person's stored company
 * had: a blank never erases a company's field (a list without a 所在地 column, a profile edit that
 * corrects the name), and companies are found by name and 所在地, so a blank one would be another
 * company of the same name. Not for a company named by its 法人番号: that one is found as it is.
 */
function withStoredCompanyFields(row: ParticipantRow, stored: Company | null | undefined): ParticipantRow {
  if (!row.company || !stored || row.company.corporateNumber) return row;
  return {
    ...row,
    company: {
      ...row.company,
      // The same company by name is the stored one, 法人番号 and all.
      corporateNumber: row.company.name === stored.name ? stored.corporateNumber : null,
      industry: row.company.industry ?? stored.industry,
      municipality: row.company.municipality ?? stored.municipality,
    },
  };
}

async function resolveCompanies(
  manager: EntityManager,
  companies: (CompanyColumns | null | undefined)[],
): Promise<{ ids: (string | null | undefined)[]; changedIds: Map<string, ProfileFieldChanges> }> {
  const repository = manager.getRepository(Company);
  const keyOf = (company: CompanyColumns) =>
    company.corporateNumber
      ? `#${company.corporateNumber}`
      : `${company.name}\u0000${company.municipality ?? ''}`;

  const wanted = new Map<string, CompanyColumns>();
  for (const company of companies) if (company) wanted.set(keyOf(company), company);
  const changedIds = new Map<string, ProfileFieldChanges>();
  if (wanted.size === 0)
    return { ids: companies.map((company) => (company === null ? null : undefined)), changedIds };

  const corporateNumbers = [...wanted.values()].flatMap((c) =>
    c.corporateNumber ? [c.corporateNumber] : [],
  );
  const names = [...wanted.values()].flatMap((c) => (c.corporateNumber ? [] : [c.name]));
  const existing = [
    ...(corporateNumbers.length ? await repository.findBy({ corporateNumber: In(corporateNumbers) }) : []),
    ...(names.length ? await repository.findBy({ name: In(names), corporateNumber: IsNull() }) : []),
  ];
  const idByKey = new Map<string, string>();
  const toUpdate: Company[] = [];
  for (const company of existing) {
    const key = keyOf(company as CompanyColumns);
    const incoming = wanted.get(key);
    if (!incoming) continue;
    idByKey.set(key, company.id);
    const given = withoutEmpty(incoming);
    const fields: ProfileFieldChanges = {};
    for (const [field, after] of Object.entries(given)) {
      const before = company[field as keyof CompanyColumns];
      if (before !== after) fields[`company.${field}`] = { before, after };
    }
    if (Object.keys(fields).length > 0) changedIds.set(company.id, fields);
    toUpdate.push(repository.merge(company, given));
  }
  const toInsert = [...wanted.entries()].filter(([key]) => !idByKey.has(key));
  for (let start = 0; start < toInsert.length; start += UPSERT_CHUNK) {
    const chunk = toInsert.slice(start, start + UPSERT_CHUNK);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Company)
      .values(chunk.map(([, company]) => company))
      .returning('id')
      .updateEntity(false)
      .execute();
    (result.raw as { id: string }[]).forEach((raw, index) => idByKey.set(chunk[index][0], raw.id));
  }
  if (toUpdate.length) await repository.save(toUpdate, { chunk: UPSERT_CHUNK, reload: false });
  return { ids: companies.map((company) => (company ? idByKey.get(keyOf(company)) : company)), changedIds };
}

/** A later row that leaves a company field blank does not erase what an earlier source said. */
function withoutEmpty(company: CompanyColumns): Partial<CompanyColumns> {
  return Object.fromEntries(Object.entries(company).filter(([, value]) => value !== null && value !== ''));
}
