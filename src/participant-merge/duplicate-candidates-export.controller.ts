import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff } from '../auth/access.decorators';
import { excelText, sendCsv, toCsv } from '../common/csv/csv-file';
import { Participant } from '../participants/participant.entity';
import { DuplicateCandidatesQuery } from './dto/duplicate-candidates.query';
import { DuplicateCandidate, DuplicateCandidatesService } from './duplicate-candidates.service';
import { matchedLabels } from './models/duplicate-candidate.model';

/** The columns for each of the two people, `1` and `2` after the header. */
const PERSON_COLUMNS: { header: string; value: (participant: Participant) => unknown }[] = [
  { header: '氏名', value: (p) => p.name },
  { header: 'フリガナ', value: (p) => p.furigana },
  { header: 'メールアドレス', value: (p) => p.email },
  { header: '電話番号', value: (p) => excelText(p.phone) },
  { header: '事業者名', value: (p) => p.company?.name },
  { header: '最終更新日時', value: (p) => p.profileUpdatedAt },
  { header: '参加者ID', value: (p) => p.id },
];

/** 名寄せ候補 as Excel opens them: one row per pair, to decide which to merge. */
@Controller('exports')
export class DuplicateCandidatesExportController {
  constructor(private readonly candidates: DuplicateCandidatesService) {}

  /** `?includeDistinct=true` also lists the pairs already found to be two people. */
  @Get('duplicate-candidates.csv')
  @AllowStaff()
  async export(@Query() query: DuplicateCandidatesQuery, @Res() response: Response): Promise<void> {
    const rows = await this.candidates.all(query);
    const side = (which: 'first' | 'second', label: string) =>
      PERSON_COLUMNS.map((column) => ({
        header: `${column.header}${label}`,
        value: (row: DuplicateCandidate) => column.value(row[which]),
      }));
    const csv = toCsv<DuplicateCandidate>(
      [
        { header: '一致した項目', value: (row) => matchedLabels(row) },
        ...side('first', '1'),
        { header: '参加登録数1', value: (row) => row.firstRegistrationCount },
        ...side('second', '2'),
        { header: '参加登録数2', value: (row) => row.secondRegistrationCount },
        { header: '別人として確認済み', value: (row) => row.markedDistinct },
      ],
      rows,
    );
    sendCsv(response, '名寄せ候補.csv', csv);
  }
}
