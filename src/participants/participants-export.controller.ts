import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import { Role } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
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
import { ParticipantsService } from './participants.service';

const EXPORT_VALUES: Record<ParticipantCsvField, (participant: Participant) => unknown> = {
  email: (p) => p.email,
  name: (p) => p.name,
  furigana: (p) => p.furigana,
  title: (p) => p.title,
  phone: (p) => p.phone,
  kind: (p) => KIND_LABELS[p.kind][0],
  locale: (p) => LOCALE_LABEL[p.locale],
  'company.name': (p) => p.company?.name,
  'company.corporateNumber': (p) => p.company?.corporateNumber,
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
  if (participant.profileUpdatedBySelf) return '本人';
  const author = participant.profileUpdatedBy;
  if (!author) return '';
  return author.organization ? `${author.name}（${author.organization.name}）` : author.name;
}

/**
 * The participant list as Excel opens it, in words (若手経営者, 日本語, はい, 'R サービス業…'), with
 * the same columns and values the import reads, so it round-trips.
 */
@Controller('exports')
export class ParticipantsExportController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get('participants.csv')
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF)
  async exportParticipants(@Query() filter: ParticipantFilter, @Res() response: Response): Promise<void> {
    const rows = await allPages((page) => this.participants.list(filter, page, (participant) => participant));
    const columns = [
      ...PARTICIPANT_COLUMNS.map((column) => ({
        header: column.headers[0],
        value: EXPORT_VALUES[column.field],
      })),
      ...EXPORT_ONLY_HEADERS.map((header) => ({ header, value: EXPORT_ONLY_VALUES[header] })),
    ];
    sendCsv(response, '参加者一覧.csv', toCsv(columns, rows));
  }
}
