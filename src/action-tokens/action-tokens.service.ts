import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { languageOf } from '../participants/participant-kind';
import { ActionToken } from './action-token.entity';
import { TokenPurpose } from './action-token-purpose';
import { ActionTokenErrors } from './action-tokens.errors';

export interface TokenRequest {
  purpose: TokenPurpose;
  subjectId: string;
  expiresAt: Date;
  /**
   * A second id the link is bound to, when the subject alone does not say what it acts on (an
   * application link: the subject is the participant, the scope the event). It is written in
   * front of the secret (`<scope>.<secret>`), so the stored hash covers it: changing it in the
   * link makes a token nobody issued. Read it back with `tokenScope`.
   */
  scope?: string;
}

export type PreparedToken = Omit<TokenRequest, 'scope'> & { tokenHash: string };

const BY_PARTICIPANT = 'SELECT p.locale FROM participants p WHERE p.id = $1';
const BY_REGISTRATION =
  'SELECT p.locale FROM registrations r JOIN participants p ON p.id = r.participant_id WHERE r.id = $1';

/**
 * The language of the participant a token's link was sent to, read through its subject row, per
 * purpose. Only for the refusal of a link that no longer acts (expired, used): its page then
 * speaks the owner's language, as it does while the link works, whatever the browser prefers.
 * A staff member's password-reset link has no participant: its page keeps the browser's language.
 */
const OWNER_LOCALE_SQL: Record<TokenPurpose, string | null> = {
  [TokenPurpose.MAGIC_LINK]: BY_PARTICIPANT,
  [TokenPurpose.UNSUBSCRIBE]: BY_PARTICIPANT,
  [TokenPurpose.EVENT_APPLICATION]: BY_PARTICIPANT,
  [TokenPurpose.INVITATION_RESPONSE]: BY_REGISTRATION,
  [TokenPurpose.SURVEY_ANSWER]: BY_REGISTRATION,
  [TokenPurpose.REGISTRATION_CANCEL]: BY_REGISTRATION,
  // The one asked, who answers from the link.
  [TokenPurpose.MEETING_RESPONSE]:
    'SELECT p.locale FROM meeting_requests q JOIN participants p ON p.id = q.to_participant_id WHERE q.id = $1',
  // The one the suggestion was made for, who asks from the link.
  [TokenPurpose.SUGGESTION_MEETING_REQUEST]:
    'SELECT p.locale FROM suggestions s JOIN participants p ON p.id = s.participant_id WHERE s.id = $1',
  // A staff account's new login address (no participant): Japanese, as its page is.
  [TokenPurpose.EMAIL_CHANGE]: `SELECT coalesce(p.locale, 'ja') AS locale FROM email_change_requests c
      LEFT JOIN participants p ON p.id = c.participant_id WHERE c.id = $1`,
  [TokenPurpose.PASSWORD_RESET]: null,
};

const hashOf = (raw: string) => createHash('sha256').update(raw, 'utf8').digest('hex');

const TOKEN_BYTES = 32;
/**
 * Random bytes drawn from the CSPRNG 128 tokens at a time and used once each, in order: the same
 * bytes as one call per token, for a fraction of the cost when a campaign mints thousands (Node's
 * randomUUID caches its entropy the same way).
 */
let pool = Buffer.alloc(0);
let offset = 0;
function randomToken(): string {
  if (offset + TOKEN_BYTES > pool.length) {
    pool = randomBytes(TOKEN_BYTES * 128);
    offset = 0;
  }
  const token = pool.subarray(offset, offset + TOKEN_BYTES).toString('base64url');
  offset += TOKEN_BYTES;
  return token;
}

/** The scope a token was issued with (see TokenRequest.scope), or null if it has none. */
export function tokenScope(raw: string): string | null {
  const dot = typeof raw === 'string' ? raw.lastIndexOf('.') : -1;
  return dot > 0 ? raw.slice(0, dot) : null;
}

/**
 * The tokens behind email links, for every feature: 256 random bits, handed out once (in the
 * email) and stored only as a SHA-256, so a database leak opens no link. Each is bound to one
 * purpose and one subject row, and expires.
 */
@Injectable()
export class ActionTokensService {
  /** Mints tokens in the caller's transaction; returns the raw tokens in the order asked. */
  async mint(manager: EntityManager, requests: TokenRequest[]): Promise<string[]> {
    const prepared = requests.map((request) => this.prepare(request));
    await this.save(
      manager,
      prepared.map(({ row }) => row),
    );
    return prepared.map(({ raw }) => raw);
  }

  /**
   * A new token without touching the database: the raw value for the link, and the row that
   * `save` must store before the link leaves the process. Lets a sender store all of an email's
   * tokens in one INSERT.
   */
  prepare({ scope, ...request }: TokenRequest): { raw: string; row: PreparedToken } {
    const raw = scope ? `${scope}.${randomToken()}` : randomToken();
    return { raw, row: { ...request, tokenHash: hashOf(raw) } };
  }

  /** Stores prepared tokens in one INSERT (arrays rather than a VALUES list: one statement text). */
  async save(manager: EntityManager, rows: PreparedToken[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO action_tokens (purpose, subject_id, token_hash, expires_at)
       SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::char(64)[], $4::timestamptz[])`,
      [
        rows.map((row) => row.purpose),
        rows.map((row) => row.subjectId),
        rows.map((row) => row.tokenHash),
        rows.map((row) => row.expiresAt),
      ],
    );
  }

  /**
   * The live token for `raw`, locked for the rest of the transaction so two clicks on the same
   * link are answered one after the other (pages showing a confirmation read it without the
   * lock: `{ lock: false }`). Throws on an unknown, foreign-purpose, replaced or expired token.
   */
  async resolve(
    manager: EntityManager,
    purpose: TokenPurpose,
    raw: string,
    { lock = true }: { lock?: boolean } = {},
  ): Promise<ActionToken> {
    if (typeof raw !== 'string' || raw.length < 20 || raw.length > 100) throw ActionTokenErrors.invalid();
    const token = await manager.findOne(ActionToken, {
      where: { tokenHash: hashOf(raw) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!token || token.purpose !== purpose) throw ActionTokenErrors.invalid();
    const mergedInto = await this.mergedOwnerLocale(manager, token);
    if (mergedInto) throw ActionTokenErrors.merged(purpose).forReader(mergedInto);
    if (token.replacedAt) throw await this.toOwner(manager, token, ActionTokenErrors.replaced());
    if (token.expiresAt.getTime() <= Date.now())
      throw await this.toOwner(manager, token, ActionTokenErrors.expired());
    return token;
  }

  /**
   * The refusal of a link, for the page to word in the language of the participant it was sent
   * to (see OWNER_LOCALE_SQL); unchanged when there is none.
   */
  async toOwner<E extends AppError>(manager: EntityManager, token: ActionToken, error: E): Promise<E> {
    const sql = OWNER_LOCALE_SQL[token.purpose as TokenPurpose];
    if (!sql) return error;
    const [owner]: { locale: string }[] = await manager.query(sql, [token.subjectId]);
    return owner ? error.forReader(languageOf(owner)) : error;
  }

  /**
   * The language of the profile that the link's subject was merged into, or null for a link that
   * was not left behind by a merge. A merge that cannot carry a link over to the kept profile
   * (ParticipantMergeService) points it at the id the duplicate profile had, whose
   * merged_participants row names the kept one.
   */
  async mergedOwnerLocale(manager: EntityManager, token: ActionToken): Promise<'ja' | 'en' | null> {
    const [owner]: { locale: string }[] = await manager.query(
      `SELECT p.locale FROM merged_participants m JOIN participants p ON p.id = m.participant_id
        WHERE m.merged_id = $1`,
      [token.subjectId],
    );
    return owner ? languageOf(owner) : null;
  }

  /**
   * The token for `raw` of `purpose` whether or not it has expired, or null: to tell someone why
   * a link no longer works. Never to act on.
   */
  async find(manager: EntityManager, purpose: TokenPurpose, raw: string): Promise<ActionToken | null> {
    if (typeof raw !== 'string' || raw.length < 20 || raw.length > 100) return null;
    const token = await manager.findOneBy(ActionToken, { tokenHash: hashOf(raw) });
    return token?.purpose === purpose ? token : null;
  }

  /**
   * The token for `raw` of whatever purpose and state (expired, used), or null: to know whose link
   * it is (the language of an error about it), never to act on.
   */
  async lookUp(manager: EntityManager, raw: string): Promise<ActionToken | null> {
    if (typeof raw !== 'string' || raw.length < 20 || raw.length > 100) return null;
    return manager.findOneBy(ActionToken, { tokenHash: hashOf(raw) });
  }

  /** Records a use; answers whether this was the first. */
  async markUsed(manager: EntityManager, token: ActionToken): Promise<boolean> {
    const first = token.usedAt === null;
    await manager.update(ActionToken, token.id, {
      usedAt: token.usedAt ?? new Date(),
      useCount: token.useCount + 1,
    });
    return first;
  }

  /**
   * Links that last until one of an event's times (a cancel link until its start, an invitation
   * until its end) follow that time when the event moves: the tokens of `purpose` for these
   * subjects that expire at `from` expire at `to` instead.
   */
  async moveExpiry(
    manager: EntityManager,
    purpose: TokenPurpose,
    subjectIds: string[],
    from: Date,
    to: Date,
  ): Promise<void> {
    if (subjectIds.length === 0 || from.getTime() === to.getTime()) return;
    await manager.query(
      `UPDATE action_tokens SET expires_at = $4
        WHERE purpose = $1 AND subject_id = ANY($2::uuid[]) AND expires_at = $3`,
      [purpose, subjectIds, from, to],
    );
  }

  /** Ends the links of `purpose` for these subjects now: what they offered is no longer on offer. */
  async expire(manager: EntityManager, purpose: TokenPurpose, subjectIds: string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    await manager.query(
      `UPDATE action_tokens SET expires_at = now()
        WHERE purpose = $1 AND subject_id = ANY($2::uuid[]) AND expires_at > now()`,
      [purpose, subjectIds],
    );
  }

  /**
   * Ends the links of `purpose` for these subjects because a newer email takes their place (staff
   * invited the person again): their pages say so, and point to it, rather than that they expired.
   * Links already ended otherwise (by staff cancelling the seat, or by its time) are marked too:
   * whoever opens one is to use the newer email all the same.
   */
  async replace(manager: EntityManager, purpose: TokenPurpose, subjectIds: string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    await manager.query(
      `UPDATE action_tokens SET replaced_at = now(), expires_at = least(expires_at, now())
        WHERE purpose = $1 AND subject_id = ANY($2::uuid[]) AND replaced_at IS NULL`,
      [purpose, subjectIds],
    );
  }

  /** For single-use tokens (sign-in links): the second use is refused. */
  async consume(manager: EntityManager, purpose: TokenPurpose, raw: string): Promise<ActionToken> {
    const token = await this.resolve(manager, purpose, raw);
    if (token.usedAt) throw await this.toOwner(manager, token, ActionTokenErrors.used());
    await this.markUsed(manager, token);
    return token;
  }
}
