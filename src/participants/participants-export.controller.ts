import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff } from '../auth/access.decorators';
import { cellsToCsv, CsvColumn, csvCells, excelText, sendCsv, toCsv } from '../common/csv/csv-file';
import { allPages } from '../common/pagination/keyset-page';
import { ParticipantFilter } from './dto/participant-filter.input';
import { jsicLabel } from '../common/japan/jsic';
import {
  EXPORT_ONLY_HEADERS,
  KIND_LABELS,
  LOCALE_LABEL,
  PARTICIPANT_COLUMNS,
  ParticipantCsvField,
} from './import/participant-csv-columns';
import { Participant } from './participant.entity';
import { PERSON_CSV_HEADER } from './person-csv-columns';
import { ParticipantsService } from './participants.service';
import { ProfileChangeModel } from './models/profile-change.model';
import { checkRange, dateRange, DateRangeQuery } from '../common/validation/date-range.query';
import { DAY_MS } from '../common/japan/tokyo-day';

const EXPORT_VALUES: Record<ParticipantCsvField, (participant: Participant) => unknown> = {
  email: (p) => p.email,
  name: (p) => p.name,
  furigana: (p) => p.furigana,
  title: (p) => p.title,
  phone: (p) => excelText(p.phone),
  kind: (p) => KIND_LABELS[p.kind][0],
  locale: (p) => LOCALE_LABEL[p.locale],
  'company.name': (p) => p.company?.name,
  'company.corporateNumber': (p) => excelText(p.company?.corporateNumber),
  'company.industry': (p) => (p.company?.industry ? jsicLabel(p.company.industry) : ''),
  'company.municipality': (p) => p.company?.municipality,
  'company.employees': (p) => p.company?.employees,
  'company.description': (p) => p.company?.description,
  offers: (p) => p.offers,
  needs: (p) => p.needs,
  themes: (p) => p.themes,
  tags: (p) => p.tags,
  offersText: (p) => p.offersText,
  needsText: (p) => p.needsText,
  consentMatchmaking: (p) => p.consentMatchmaking,
  consentEmail: (p) => p.consentEmail,
  consentContactSharing: (p) => p.consentContactSharing,
};

/** Why mail does not reach someone whose メール受信同意 is はい, and 最終更新; the import skips these. */
const EXPORT_ONLY_VALUES: Record<
  (typeof EXPORT_ONLY_HEADERS)[number],
  (participant: Participant) => unknown
> = {
  メール配信停止: (p) => p.emailOptOut,
  配信停止日時: (p) => p.emailOptOutAt,
  メール不達による送信停止日時: (p) => p.emailSuppressedAt,
  最終更新日時: (p) => p.profileUpdatedAt,
  最終更新者: lastUpdatedBy,
};

/** 氏名（所属団体）, 本人, or empty where it is not known (changes made before it was recorded). */
function lastUpdatedBy(participant: Participant): string {
  const author = participant.profileUpdatedBy;
  return authorLabel({
    bySelf: participant.profileUpdatedBySelf,
    byName: author?.name ?? null,
    byOrganization: author?.organization?.name ?? null,
  });
}

function authorLabel(author: Pick<ProfileChangeModel, 'bySelf' | 'byName' | 'byOrganization'>): string {
  if (author.bySelf) return '本人';
  if (!author.byName) return '';
  return author.byOrganization ? `${author.byName}（${author.byOrganization}）` : author.byName;
}

/**
 * The participant list as Excel opens it, in words (若手経営者, 日本語, はい, 'R サービス業…'), with
 * the same columns and values the import reads, so it round-trips.
 */
@Controller('exports')
export class ParticipantsExportController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get('participants.csv')
  @AllowStaff()
  async exportParticipants(@Query() filter: ParticipantFilter, @Res() response: Response): Promise<void> {
    const columns: CsvColumn<Participant>[] = [
      ...PARTICIPANT_COLUMNS.map((column) => ({
        header: column.headers[0],
        value: EXPORT_VALUES[column.field],
      })),
      ...EXPORT_ONLY_HEADERS.map((header) => ({ header, value: EXPORT_ONLY_VALUES[header] })),
    ];
    const rows = await allPages((page) => this.participants.list(filter, page, csvCells(columns)));
    sendCsv(response, '参加者一覧.csv', cellsToCsv(columns, rows));
  }

  /**
   * 変更履歴 of the whole pool, one row per changed field: who changed whose profile, from what to
   * what. `?from=2026-11-01&to=2026-11-30` (Tokyo days, `to` included); by default the last 31 days.
   * 事業者名 is the company the profile named when the change was made (blank for changes recorded
   * before that was kept), not the one the person is at now; see profileChangesBetween.
   */
  @Get('profile-changes.csv')
  @AllowStaff()
  async exportProfileChanges(@Query() query: DateRangeQuery, @Res() response: Response): Promise<void> {
    const asked = dateRange(query);
    const until = asked.until ?? new Date();
    const from = asked.from ?? new Date(until.getTime() - 31 * DAY_MS);
    checkRange(from, until, MAX_CHANGES_RANGE_DAYS);
    const changes = await this.participants.profileChangesBetween(from, until);
    const rows = changes.flatMap(({ change, ...person }) =>
      change.fields.map((field) => ({ ...person, change, field })),
    );
    const csv = toCsv<(typeof rows)[number]>(
      [
        { header: '変更日時', value: (row) => row.change.at },
        { header: PERSON_CSV_HEADER.name, value: (row) => row.participantName },
        { header: PERSON_CSV_HEADER.company, value: (row) => row.change.companyName },
        { header: PERSON_CSV_HEADER.email, value: (row) => row.participantEmail },
        { header: '変更者', value: (row) => authorLabel(row.change) },
        { header: '項目', value: (row) => row.field.label },
        { header: '変更前', value: (row) => excelText(row.field.before) },
        { header: '変更後', value: (row) => excelText(row.field.after) },
      ],
      rows,
    );
    sendCsv(response, 'プロフィール変更履歴.csv', csv);
  }
}

const MAX_CHANGES_RANGE_DAYS = 400;
