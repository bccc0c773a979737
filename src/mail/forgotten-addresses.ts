import { EntityManager } from 'typeorm';
import { isUuid } from '../common/validation/uuid';
import { senderAddress } from '../config/app-config';
import { MailTransport } from './mail-transport';
import { ADDRESS_CHARACTER, ADDRESS_PATTERN } from './send-failure';

/**
 * An address where one must stand for one the service no longer holds (a participant erased, an
 * address never confirmed and forgotten): `.invalid` is reserved (RFC 2606), so nothing is ever
 * delivered there. The id keeps it unique and says whose it was: the erased participant, the
 * forgotten email change request.
 */
export function placeholderAddress(gone: 'erased' | 'forgotten', id: string): string {
  return `${gone}-${id}@invalid`;
}

/** The outbox rows whose addresses go: all of a participant's, or these. */
export type MailLogScope = { participantId: string } | { ids: string[] };

export interface AddressesToForget {
  /** Forgotten besides the rows' own recipient addresses (`to_address`), e.g. the participant's. */
  also: string[];
  /** What a row's texts say instead wherever they quoted one. */
  placeholder: string;
  /**
   * What a row's `to_address` becomes: the placeholder, for rows whose participant stays (null
   * there would read as "sent to their own address", which the resends go by); null once the
   * participant is erased, their own address then being a placeholder.
   */
  recipient: string | null;
  /**
   * Every address the rows' texts quote goes, not only these, but ours (everyAddressButOursSql,
   * our sender being MAIL_FROM's): for an erased person, whose earlier addresses nothing remembers
   * any more (one corrected after it bounced, the rows sent to it as their own address at the
   * time; one of a profile merged into theirs), their 変更履歴 gone.
   */
  everyAddressButOurs?: { mailFrom: string };
}

/**
 * The mail log forgets addresses, in the caller's transaction: in the rows of `scope`, the
 * recipient address of each (`to_address`) and `also` are replaced by a placeholder wherever the row
 * holds them — the recipient, the last error (a refusal often quotes the mailbox), the server's
 * answer. The rest of each row stays, so staff still read which email went when and how it ended.
 * The template's params hold ids only, and the emails' contents are not kept (composed when sent).
 * Answers how many rows changed. A row still PENDING or SENDING may yet record an error or an
 * answer quoting the address: the retention of unconfirmed addresses waits until its rows are
 * done; an erasure skips the PENDING ones first, and the sender records a SENDING one's error or
 * answer without addresses but ours once its person is erased (MailDelivery's asLogged).
 */
export async function forgetAddressesInMailLog(
  manager: EntityManager,
  scope: MailLogScope,
  forget: AddressesToForget,
): Promise<number> {
  const [where, key] =
    'participantId' in scope
      ? ['m.participant_id = $1', scope.participantId]
      : ['m.id = ANY($1::uuid[])', scope.ids];
  if (Array.isArray(key) && key.length === 0) return 0;
  const recipients: { address: string }[] = await manager.query(
    `SELECT DISTINCT m.to_address AS address FROM outbox_messages m
      WHERE ${where} AND m.to_address IS NOT NULL`,
    [key],
  );
  const addresses = [...new Set([...forget.also, ...recipients.map((row) => row.address)])].filter(
    (address) => address !== forget.recipient && address !== forget.placeholder,
  );
  if (addresses.length === 0 && !forget.everyAddressButOurs) return 0;
  // One pattern for all of them, compared without regard to case (a server may quote one as
  // typed), and whole: 「shido@example.jp」 is left in 「kawaguchi.shido@example.jp.net」. Theirs
  // go even where one is ours too (a staff member's work address they registered with).
  // Ours are those of ours the rows' texts quote: the person is locked, so what a row's text
  // quotes now is what the update below finds (a sender's answer quoting an address waits).
  const pattern = forget.everyAddressButOurs
    ? (
        (await manager.query(
          `SELECT ${everyAddressButOursSql(
            '$2::text',
            `(SELECT said FROM outbox_messages m, LATERAL (VALUES (m.last_error), (m.smtp_response)) AS t(said)
               WHERE ${where})`,
            '$3::text[]',
          )} AS pattern`,
          [key, senderAddress(forget.everyAddressButOurs.mailFrom), addresses],
        )) as { pattern: string }[]
      )[0].pattern
    : `(?<![\\w.%+-])(?:${addresses.map(escapeRegExp).join('|')})(?![\\w-]|\\.\\w)`;
  const [{ count }]: { count: number }[] = await manager.query(
    `WITH forgotten AS (
       UPDATE outbox_messages m
          SET to_address = CASE WHEN m.to_address IS NULL THEN NULL ELSE $2::varchar END,
              last_error = regexp_replace(m.last_error, $3::text, $4::text, 'gi'),
              smtp_response = regexp_replace(m.smtp_response, $3::text, $4::text, 'gi')
        WHERE ${where}
          AND (m.to_address IS DISTINCT FROM $2::varchar AND m.to_address IS NOT NULL
               OR regexp_replace(m.last_error, $3::text, $4::text, 'gi') IS DISTINCT FROM m.last_error
               OR regexp_replace(m.smtp_response, $3::text, $4::text, 'gi') IS DISTINCT FROM m.smtp_response)
       RETURNING 1)
     SELECT count(*)::int AS count FROM forgotten`,
    [key, forget.recipient, pattern, forget.placeholder],
  );
  return count;
}

/**
 * SQL: a pattern (Postgres's ARE, to compare without regard to case) of every address the texts
 * `texts` quote (ADDRESS_PATTERN) but the service's own, which are no one person's and which staff
 * need to read what happened to an email (「550 5.7.1 <no-reply@…>: Sender address rejected」): our
 * sender, `from` (SQL giving MAIL_FROM's address, see senderAddress); the organisations' contact
 * addresses, which an event's emails are answered to (Reply-To); the staff accounts'. Each is
 * spared whole only, a sentence's full stop after it aside (「… from no-reply@tsunagu.local.」):
 * one that merely contains ours goes (「info@tsunagu.example.jp」 for 「info@tsunagu.example」), as
 * does one in `theirs` (SQL giving a text[], or none), which go whoever else holds them.
 *
 * `texts` is SQL for FROM giving the texts the pattern is for, one column (a sub-select, `(VALUES
 * (…))`): the pattern lists only those of ours they quote, mostly none or one. Listing every staff
 * account instead, Postgres took seconds to compile it once there were thousands, and does so in
 * an erasure's transaction and in the sender's statements. A sub-select of its own: read when a
 * statement first needs it, once.
 */
export function everyAddressButOursSql(from: string, texts: string, theirs = `'{}'::text[]`): string {
  // A match starts at an address's first character, or 「nfo@tsunagu.example」 would match.
  const before = `(?<!${ADDRESS_CHARACTER})(?!(?:`;
  // Ours is spared where what follows it ends the address: a space, a bracket, a full stop.
  const after = String.raw`)\.?(?!${ADDRESS_CHARACTER}))${ADDRESS_PATTERN}`;
  return `(SELECT coalesce(${sqlText(before)} || string_agg(DISTINCT ${escapeRegExpSql('lower(ours.address)')}, '|')
                          || ${sqlText(after)}, ${sqlText(ADDRESS_PATTERN)})
     FROM (SELECT ${from} UNION ALL SELECT email FROM users UNION ALL SELECT contact_email FROM organizations)
          AS ours(address)
    WHERE ours.address <> ''
      AND lower(ours.address) IN (SELECT lower(quoted[1])
                                    FROM ${texts} AS quoting(said),
                                         regexp_matches(quoting.said, ${sqlText(ADDRESS_PATTERN)}, 'g') AS quoted)
      AND lower(ours.address) <> ALL (SELECT lower(theirs) FROM unnest(${theirs}) AS theirs))`;
}

/** The same characters are special in JavaScript's patterns and in Postgres's (ARE). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** escapeRegExp in SQL, of the text `text` gives (the same characters, `$` moved past `{}`). */
function escapeRegExpSql(text: string): string {
  return String.raw`regexp_replace(${text}, '[.*+?^{}$()|[\]\\]', '\\\&', 'g')`;
}

/** A string literal in SQL (standard_conforming_strings: a backslash is itself). */
function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Deletes the .eml files (MAIL_DIR: without SMTP_URL, or written before it was set) still on disk
 * for emails whose recipient the service no longer holds: a person erased, an address forgotten
 * (its row's recipient a placeholder). An erasure and the retention delete theirs once they
 * commit (forgetFiles), but a process that dies between the commit and the deletion leaves them,
 * and so does an email that was being written while its person was erased; the nightly retention,
 * run where the files are written (the worker), sweeps them up. Files of rows this database does not know are left alone:
 * a developer's folder may hold another database's. Answers how many files went.
 */
export async function sweepForgottenMailFiles(
  manager: EntityManager,
  transport: MailTransport,
): Promise<number> {
  const filed = await transport.filedOutboxIds();
  if (filed.length === 0) return 0;
  const rows: { id: string }[] = await manager.query(
    `SELECT m.id FROM outbox_messages m
       LEFT JOIN participants p ON p.id = m.participant_id
      WHERE m.id = ANY($1::uuid[])
        AND (p.erased_at IS NOT NULL OR m.to_address LIKE '%@invalid')`,
    [filed.filter(isUuid)],
  );
  return transport.forgetFiles(rows.map((row) => row.id));
}
