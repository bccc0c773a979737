import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { normalizeFurigana } from '../common/japan/furigana';
import { parseJsic } from '../common/japan/jsic';
import { normalizeMunicipality } from '../common/japan/municipality';
import { normalizeTag } from '../common/japan/tags';
import { StaffActor } from '../auth/actor';
import { MicroBatch } from '../common/batching/micro-batch';
import { keysetPage, MAX_PAGE_SIZE, PageArgs } from '../common/pagination/keyset-page';
import { ParticipantFilter } from './dto/participant-filter.input';
import { ProfileInput } from './dto/profile.input';
import { UpsertParticipantInput } from './dto/upsert-participant.input';
import { ProfileChangeModel } from './models/profile-change.model';
import { Participant } from './participant.entity';
import { toParticipantRow } from './participant-row';
import { updateParticipant, upsertParticipants } from './participant-store';
import { sameName } from '../common/japan/person-name';
import { movedAwayFrom } from './moved-addresses';
import { emailOnRecord } from './participant-label';
import { ParticipantErrors } from './participants.errors';

/** How many 変更履歴 entries a profile shows: the latest, newest first. */
export const PROFILE_CHANGES_SHOWN = 20;

type ProfileChangeRow = Parameters<typeof ProfileChangeModel.from>[0];

@Injectable()
export class ParticipantsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 変更履歴 per participant, one query for every participant of a list (see profileChanges). */
  private readonly recentChanges = new MicroBatch(
    async (participantIds: string[]) => {
      const rows: (ProfileChangeRow & { participantId: string })[] = await this.dataSource.query(
        `SELECT c.participant_id AS "participantId", c.changed_at AS at, c.changed_by_self AS "bySelf",
                  c.changes, c.company_name AS "companyName", u.name AS "byName", o.name AS "byOrganization"
             FROM (SELECT *, row_number() OVER (PARTITION BY participant_id ORDER BY changed_at DESC, id DESC) AS n
                     FROM participant_profile_changes WHERE participant_id = ANY($1::uuid[])) c
             LEFT JOIN users u ON u.id = c.changed_by_user_id
             LEFT JOIN organizations o ON o.id = u.organization_id
            WHERE c.n <= $2
            ORDER BY c.changed_at DESC, c.id DESC`,
        [participantIds, PROFILE_CHANGES_SHOWN],
      );
      return participantIds.map((id) => rows.filter((row) => row.participantId === id));
    },
    { maxSize: MAX_PAGE_SIZE, maxRunning: 2 },
  );

  /** In the reader's language: labels and coded values in English for a participant whose locale is en. */
  async profileChanges(participantId: string, locale: 'ja' | 'en'): Promise<ProfileChangeModel[]> {
    return (await this.recentChanges.add(participantId)).map((row) => ProfileChangeModel.from(row, locale));
  }

  /**
   * Every profile's 変更履歴 in [from, until), newest first, with whose profile it is: the person's
   * name and address as they are now, so that staff can find them. Someone erased since is named
   * by the placeholder (「（削除済み）」), with no address (emailOnRecord) and no company.
   */
  async profileChangesBetween(
    from: Date,
    until: Date,
  ): Promise<{ participantName: string; participantEmail: string | null; change: ProfileChangeModel }[]> {
    const rows: (ProfileChangeRow & {
      participantName: string;
      participantEmail: string;
      erasedAt: Date | null;
    })[] = await this.dataSource.query(
      `SELECT p.name AS "participantName", p.email AS "participantEmail", p.erased_at AS "erasedAt",
              c.changed_at AS at, c.changed_by_self AS "bySelf", c.changes, c.company_name AS "companyName",
              u.name AS "byName", o.name AS "byOrganization"
         FROM participant_profile_changes c
         JOIN participants p ON p.id = c.participant_id
         LEFT JOIN users u ON u.id = c.changed_by_user_id
         LEFT JOIN organizations o ON o.id = u.organization_id
        WHERE c.changed_at >= $1 AND c.changed_at < $2
        ORDER BY c.changed_at DESC, c.id DESC`,
      [from, until],
    );
    return rows.map(({ participantName, participantEmail, erasedAt, companyName, ...change }) => ({
      participantName,
      participantEmail: emailOnRecord({ email: participantEmail, erasedAt }),
      change: ProfileChangeModel.from({ ...change, companyName: erasedAt ? null : companyName }),
    }));
  }

  private get repository() {
    return this.dataSource.getRepository(Participant);
  }

  /** Refused when it would bring back, under the address they left, someone who has moved. */
  async upsert(actor: StaffActor, input: UpsertParticipantInput): Promise<Participant> {
    const row = toParticipantRow(input);
    const { ids } = await this.dataSource.transaction(async (manager) => {
      const email = row.columns.email!;
      const moved = (await movedAwayFrom(manager, [email])).get(email);
      if (moved && sameName(moved.name, input.name)) throw ParticipantErrors.emailMovedAway(email, moved);
      return upsertParticipants(manager, [row], { kind: 'staff', userId: actor.userId });
    });
    return this.get(ids[0]);
  }

  async updateProfile(participantId: string, input: ProfileInput): Promise<Participant> {
    await this.get(participantId);
    await this.dataSource.transaction((manager) =>
      updateParticipant(manager, participantId, toParticipantRow(input), { kind: 'self' }),
    );
    return this.get(participantId);
  }

  /** With `manager`, as that transaction sees the profile (a merge reads what it made before committing). */
  async get(id: string, manager: EntityManager = this.repository.manager): Promise<Participant> {
    const participant = await manager.findOne(Participant, {
      where: { id },
      relations: { company: true, profileUpdatedBy: { organization: true } },
    });
    if (!participant) throw ParticipantErrors.notFound(id);
    return participant;
  }

  /** Fails naming the first unknown id; reads ids only, so a 10,000-invitee list checks in one statement. */
  async requireExisting(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string }[] = await this.repository.query(
      `SELECT id FROM participants WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw ParticipantErrors.notFound(missing);
  }

  /**
   * What decides whether a participant's session may still act (sessions are not stored): one
   * issued before the person was erased, or before their address changed, would otherwise live on
   * until it expires. Null for an unknown id.
   */
  sessionState(id: string): Promise<Pick<Participant, 'erasedAt' | 'sessionsValidAfter' | 'locale'> | null> {
    return this.repository.findOne({
      select: { id: true, erasedAt: true, sessionsValidAfter: true, locale: true },
      where: { id },
    });
  }

  findByEmail(email: string): Promise<Participant | null> {
    return this.repository.findOneBy({ email: email.trim().toLowerCase() });
  }

  /** The shared pool, by furigana (how Japanese name lists are ordered); erased people are no longer in it. */
  list<N>(filter: ParticipantFilter | undefined, page: PageArgs, toNode: (participant: Participant) => N) {
    const query = this.repository
      .createQueryBuilder('participant')
      .leftJoinAndSelect('participant.company', 'company')
      .leftJoinAndSelect('participant.profileUpdatedBy', 'profileUpdatedBy')
      .leftJoinAndSelect('profileUpdatedBy.organization', 'profileUpdatedByOrganization')
      .where('participant.erasedAt IS NULL');
    if (filter?.text) {
      const text = `%${escapeLike(filter.text.normalize('NFKC').trim())}%`;
      const kana = `%${escapeLike(normalizeFurigana(filter.text))}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where('participant.name ILIKE :text', { text })
            .orWhere('participant.furigana ILIKE :kana', { kana })
            .orWhere('company.name ILIKE :text', { text })
            // Someone who calls gives their address: staff find them by it.
            .orWhere('participant.email ILIKE :text', { text }),
        ),
      );
    }
    if (filter?.industry)
      query.andWhere('company.industry = :industry', { industry: parseJsic(filter.industry) });
    if (filter?.municipality) {
      query.andWhere('company.municipality = :municipality', {
        municipality: normalizeMunicipality(filter.municipality),
      });
    }
    if (filter?.kind) query.andWhere('participant.kind = :kind', { kind: filter.kind });
    // Tags keep the case they were written in (「DX」), but a search for 「dx」 should find them.
    if (filter?.theme) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM unnest(participant.themes) AS t WHERE lower(t) = lower(:theme))',
        {
          theme: normalizeTag(filter.theme),
        },
      );
    }
    if (typeof filter?.emailSuppressed === 'boolean') {
      query.andWhere(`participant.emailSuppressedAt IS ${filter.emailSuppressed ? 'NOT NULL' : 'NULL'}`);
    }
    if (filter?.tag) {
      query.andWhere('EXISTS (SELECT 1 FROM unnest(participant.tags) AS t WHERE lower(t) = lower(:tag))', {
        tag: normalizeTag(filter.tag),
      });
    }
    return keysetPage(query, 'participant.furigana', page, toNode);
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
