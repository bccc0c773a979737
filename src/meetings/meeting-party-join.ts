import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Participant } from '../participants/participant.entity';

/**
 * What the lists of an event's meetings and requests show of each side: MeetingPartyModel (with
 * the consent maySeeContact asks about) and the columns of their CSVs.
 */
const PARTY_FIELDS = [
  'id',
  'name',
  'furigana',
  'erasedAt',
  'email',
  'phone',
  'consentContactSharing',
] as const satisfies readonly (keyof Participant)[];

/**
 * Joins one side of a meeting or request (`meeting.participantA` as `participantA`) with its
 * company's name, reading PARTY_FIELDS alone: the rest of the profile is left undefined on the
 * entity. Read whole, the profiles' thirty columns were most of a large export: at 60,000
 * requests, turning each page's rows into entities (every timestamp parsed) took longer than
 * Postgres took to find them.
 */
export function joinMeetingParty<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  relation: string,
  alias: string,
  companyAlias: string,
): SelectQueryBuilder<E> {
  return query
    .leftJoin(relation, alias)
    .addSelect(PARTY_FIELDS.map((field) => `${alias}.${field}`))
    .leftJoin(`${alias}.company`, companyAlias)
    .addSelect([`${companyAlias}.id`, `${companyAlias}.name`]);
}
