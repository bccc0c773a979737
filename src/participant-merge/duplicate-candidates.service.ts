import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { StaffActor } from '../auth/actor';
import { InputError } from '../common/errors/app-error';
import { nameKeySql } from '../common/japan/person-name';
import { ConnectionShape } from '../common/pagination/connection';
import { pageSize, PageArgs } from '../common/pagination/keyset-page';
import { isUuid } from '../common/validation/uuid';
import { Participant } from '../participants/participant.entity';
import { ParticipantErrors } from '../participants/participants.errors';
import { ParticipantMergeErrors } from './participant-merge.errors';

/** A pair of participants who may be one person, as the list and the CSV show it. */
export interface DuplicateCandidate {
  first: Participant;
  second: Participant;
  firstRegistrationCount: number;
  secondRegistrationCount: number;
  sameName: boolean;
  sameFurigana: boolean;
  sameMobilePhone: boolean;
  sameCompany: boolean;
  markedDistinct: boolean;
}

export interface DuplicateCandidateFilter {
  /** Also the pairs staff marked 別人. */
  includeDistinct?: boolean;
  /** Only the pairs this participant is in. */
  participantId?: string | null;
}

/** A pair as the query answers it: the two ids, the name it sorts by, and what matched. */
interface CandidateRow extends Omit<DuplicateCandidate, 'first' | 'second'> {
  firstId: string;
  secondId: string;
  sortKey: string;
}

/**
 * The pool with what identifies a person across lists: the name (nameKey: spacing, width and
 * variant kanji aside), the reading, and a mobile number (070/080/090: one person's, where an
 * office number is shared by colleagues).
 */
const POOL = `
  SELECT id, company_id,
         ${nameKeySql('name')} AS name_key,
         regexp_replace(furigana, '\\s', '', 'g') AS kana_key,
         substring(regexp_replace(normalize(coalesce(phone, ''), NFKC), '\\D', '', 'g') from '^0[789]0[0-9]{8}$') AS mobile_key
    FROM participants
   WHERE erased_at IS NULL`;

/**
 * Pairs (the smaller id first) with the same name, the same mobile number, or the same reading at
 * the same company (斉藤 and 斎藤 of one firm). Each join is on equality, so the pool is hashed once
 * per way rather than compared pair by pair.
 */
const CANDIDATES = `
  WITH pool AS (${POOL}),
  pairs AS (
    SELECT a.id AS first_id, b.id AS second_id FROM pool a JOIN pool b ON b.name_key = a.name_key AND a.id < b.id
    UNION
    SELECT a.id, b.id FROM pool a JOIN pool b ON b.mobile_key = a.mobile_key AND a.id < b.id
    UNION
    SELECT a.id, b.id FROM pool a
      JOIN pool b ON b.kana_key = a.kana_key AND b.company_id = a.company_id AND a.id < b.id
  )
  SELECT p.first_id AS "firstId", p.second_id AS "secondId", a.name_key AS "sortKey",
         (SELECT count(*)::int FROM registrations r WHERE r.participant_id = a.id) AS "firstRegistrationCount",
         (SELECT count(*)::int FROM registrations r WHERE r.participant_id = b.id) AS "secondRegistrationCount",
         a.name_key = b.name_key AS "sameName",
         a.kana_key = b.kana_key AS "sameFurigana",
         coalesce(a.mobile_key = b.mobile_key, false) AS "sameMobilePhone",
         coalesce(a.company_id = b.company_id, false) AS "sameCompany",
         d.first_participant_id IS NOT NULL AS "markedDistinct"
    FROM pairs p
    JOIN pool a ON a.id = p.first_id
    JOIN pool b ON b.id = p.second_id
    LEFT JOIN participant_distinct_pairs d
      ON d.first_participant_id = p.first_id AND d.second_participant_id = p.second_id`;

/**
 * 名寄せ候補: participants who may be one person entered twice, for staff to merge
 * (ParticipantMergeService) or to mark as two people (別人), after which the pair is not offered
 * again. Read from the whole pool on each call, one statement for a page and its count: about
 * 0.6 s at 50,000 participants (`npm run bench:pool`).
 */
@Injectable()
export class DuplicateCandidatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * By name (the first person's), then by the pair's ids; pairs marked 別人 only when asked, and
   * only those of one participant when `participantId` is given (their profile's 名寄せ候補).
   */
  async list(
    page: PageArgs,
    filter: DuplicateCandidateFilter = {},
  ): Promise<ConnectionShape<DuplicateCandidate>> {
    const first = pageSize(page);
    const { total, rows } = await this.find(
      filter,
      page.after ? decodePairCursor(page.after) : null,
      first + 1,
    );
    const pageRows = rows.slice(0, first);
    const candidates = await this.withPeople(pageRows);
    const edges = pageRows.map((row, index) => ({ cursor: encodePairCursor(row), node: candidates[index] }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }

  /** Every pair the list shows, in its order, found at once: for the CSV. */
  async all(filter: DuplicateCandidateFilter = {}): Promise<DuplicateCandidate[]> {
    return this.withPeople((await this.find(filter, null, null)).rows);
  }

  /**
   * The shown pairs after `after`, up to `limit` (all of them when null), and how many are shown
   * in all. The pairs are found once for both: finding them is the cost. Past the last pair, the
   * statement answers one row with the count and no pair.
   */
  private async find(
    filter: DuplicateCandidateFilter,
    after: PairCursor | null,
    limit: number | null,
  ): Promise<{ total: number; rows: CandidateRow[] }> {
    const rows: (Partial<CandidateRow> & { total: number })[] = await this.dataSource.query(
      `WITH shown AS (
         SELECT * FROM (${CANDIDATES}) c
          WHERE ($1::boolean OR NOT "markedDistinct") AND ($2::uuid IS NULL OR $2::uuid IN ("firstId", "secondId")))
       SELECT page.*, counted.total
         FROM (SELECT count(*)::int AS total FROM shown) counted
         LEFT JOIN LATERAL (
           SELECT * FROM shown
            WHERE $3::text IS NULL OR ("sortKey", "firstId", "secondId") > ($3::text, $4::uuid, $5::uuid)
            ORDER BY "sortKey", "firstId", "secondId"
            LIMIT $6) page ON true`,
      [
        filter.includeDistinct ?? false,
        filter.participantId ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        limit,
      ],
    );
    return {
      total: rows[0].total,
      rows: rows.flatMap(({ total: _total, ...row }) => (row.firstId ? [row as CandidateRow] : [])),
    };
  }

  private async withPeople(rows: CandidateRow[]): Promise<DuplicateCandidate[]> {
    const people = await this.people(rows.flatMap((row) => [row.firstId, row.secondId]));
    return rows.map(({ firstId, secondId, sortKey: _sortKey, ...row }) => ({
      ...row,
      first: people.get(firstId)!,
      second: people.get(secondId)!,
    }));
  }

  /**
   * Staff say two participants are two people (`distinct`), or take that back. Either order of
   * the two; saying it twice changes nothing.
   */
  async markDistinct(actor: StaffActor, participantId: string, otherId: string, distinct: boolean) {
    if (participantId === otherId) throw ParticipantMergeErrors.sameParticipant('otherId');
    const found = await this.dataSource.getRepository(Participant).find({
      select: { id: true },
      where: { id: In([participantId, otherId]) },
    });
    for (const [id, field] of [
      [participantId, 'participantId'],
      [otherId, 'otherId'],
    ]) {
      if (!found.some((participant) => participant.id === id)) throw ParticipantErrors.notFound(id, field);
    }
    const [low, high] = [participantId, otherId].sort();
    if (distinct) {
      await this.dataSource.query(
        `INSERT INTO participant_distinct_pairs (first_participant_id, second_participant_id, marked_by_user_id)
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [low, high, actor.userId],
      );
    } else {
      await this.dataSource.query(
        'DELETE FROM participant_distinct_pairs WHERE first_participant_id = $1 AND second_participant_id = $2',
        [low, high],
      );
    }
  }

  private async people(ids: string[]): Promise<Map<string, Participant>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Participant).find({
      where: { id: In(ids) },
      relations: { company: true, profileUpdatedBy: { organization: true } },
    });
    return new Map(rows.map((participant) => [participant.id, participant]));
  }
}

/** Opaque to clients: base64url of [sortKey, firstId, secondId]. */
function encodePairCursor(row: Pick<CandidateRow, 'sortKey' | 'firstId' | 'secondId'>): string {
  return Buffer.from(JSON.stringify([row.sortKey, row.firstId, row.secondId])).toString('base64url');
}

/** Where a page of pairs ends: the name it sorts by and the pair's ids. */
type PairCursor = [sortKey: string, firstId: string, secondId: string];

function decodePairCursor(cursor: string): PairCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === 3 &&
    typeof decoded[0] === 'string' &&
    isUuid(decoded[1]) &&
    isUuid(decoded[2]);
  if (!valid) throw new InputError('after', 'カーソルの形式が正しくありません');
  return decoded as PairCursor;
}
