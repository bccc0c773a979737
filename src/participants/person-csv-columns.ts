import { CsvColumn, excelText } from '../common/csv/csv-file';
import { PARTICIPANT_COLUMNS, ParticipantCsvField } from './import/participant-csv-columns';
import { emailOnRecord } from './participant-label';
import { Participant } from './participant.entity';

/** What an export shows of a person in its rows. */
export type PersonCsvField = 'name' | 'furigana' | 'company' | 'email' | 'phone';

const headerOf = (field: ParticipantCsvField): string =>
  PARTICIPANT_COLUMNS.find((column) => column.field === field)!.headers[0];

/**
 * The header of each, as participants.csv writes it (氏名, フリガナ, 事業者名, メールアドレス, 電話番号). Staff
 * paste several exports into one 報告書 and look a column up by its name, so a person's name is 氏名 and
 * their company 事業者名 in every list, whatever the list calls the person (申込者, 相手, A and B).
 */
export const PERSON_CSV_HEADER: Record<PersonCsvField, string> = {
  name: headerOf('name'),
  furigana: headerOf('furigana'),
  company: headerOf('company.name'),
  email: headerOf('email'),
  phone: headerOf('phone'),
};

const VALUE: Record<PersonCsvField, (person: Participant) => unknown> = {
  name: (p) => p.name,
  furigana: (p) => p.furigana,
  company: (p) => p.company?.name,
  // None for someone erased, whose row keeps a placeholder address.
  email: (p) => emailOnRecord(p),
  phone: (p) => excelText(p.phone),
};

/**
 * The columns naming the person `pick` finds in a row, under PERSON_CSV_HEADER's names: `prefix`
 * (相手の) and `suffix` (A, B) tell the two people of a pair apart. Empty cells when there is none.
 */
export function personColumns<T>(
  pick: (row: T) => Participant | null | undefined,
  fields: readonly PersonCsvField[],
  { prefix = '', suffix = '' }: { prefix?: string; suffix?: string } = {},
): CsvColumn<T>[] {
  return fields.map((field) => ({
    header: `${prefix}${PERSON_CSV_HEADER[field]}${suffix}`,
    value: (row: T) => {
      const person = pick(row);
      return person ? VALUE[field](person) : null;
    },
  }));
}
