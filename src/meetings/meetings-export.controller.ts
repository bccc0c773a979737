import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { cellsToCsv, CsvColumn, csvCells, excelText, sendCsv } from '../common/csv/csv-file';
import { allPages } from '../common/pagination/keyset-page';
import { SessionMode } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { AgendaViews } from './agenda-views.service';
import { Meeting } from './meeting.entity';
import { MeetingRequestsExportQuery } from './dto/meeting-requests-export.query';
import { MEETING_REQUEST_STATUS_LABEL, MEETING_STATUS_LABEL } from './meeting-enums';
import { MeetingRequest } from './meeting-request.entity';
import { effectiveStatus, MeetingRequestsService } from './meeting-requests.service';
import { MeetingsService } from './meetings.service';
import { emailOnRecord } from '../participants/participant-label';

/** Who did not come, by name (「不参加あり」 alone does not say which side). */
function noShowNames(meeting: Meeting): string {
  return [meeting.participantA, meeting.participantB]
    .filter((party) => meeting.sides?.some((side) => side.participantId === party.id && side.noShow))
    .map((party) => party.name)
    .join('、');
}

/**
 * Table labels as people count them: テーブル 2 before 10. One collator for the whole sort
 * (localeCompare with options builds one per comparison: 1.2 s for 30,000 meetings).
 */
const byTableLabel = new Intl.Collator('ja', { numeric: true }).compare;

/** A meeting on the floor sheet, and whether each side marked it seen where it now is. */
interface FloorSheetRow {
  meeting: Meeting;
  seenByA: boolean;
  seenByB: boolean;
}

const seenMark = (seen: boolean) => (seen ? '確認済み' : '');

/** 面談スケジュール: the columns of the floor staff's table sheets. */
const FLOOR_SHEET: CsvColumn<FloorSheetRow>[] = [
  { header: '開始', value: ({ meeting }) => meeting.startsAt },
  { header: '終了', value: ({ meeting }) => meeting.endsAt },
  { header: '商談枠', value: ({ meeting }) => meeting.session.name },
  { header: '枠番号', value: ({ meeting }) => meeting.slotIndex + 1 },
  {
    header: '場所',
    value: ({ meeting }) =>
      meeting.session.mode === SessionMode.BOOTHS
        ? `ブース ${meeting.tableLabel}`
        : `テーブル ${meeting.tableLabel}`,
  },
  // Staff call the parties on the day, so their contacts are here (staff see them anyway).
  { header: '参加者A', value: ({ meeting }) => meeting.participantA.name },
  { header: '事業者A', value: ({ meeting }) => meeting.participantA.company?.name },
  { header: 'メールアドレスA', value: ({ meeting }) => emailOnRecord(meeting.participantA) },
  { header: '電話番号A', value: ({ meeting }) => excelText(meeting.participantA.phone) },
  { header: '参加者B', value: ({ meeting }) => meeting.participantB.name },
  { header: '事業者B', value: ({ meeting }) => meeting.participantB.company?.name },
  { header: 'メールアドレスB', value: ({ meeting }) => emailOnRecord(meeting.participantB) },
  { header: '電話番号B', value: ({ meeting }) => excelText(meeting.participantB.phone) },
  { header: '状態', value: ({ meeting }) => MEETING_STATUS_LABEL[meeting.status] },
  { header: '不参加', value: ({ meeting }) => noShowNames(meeting) },
  { header: '公開', value: ({ meeting }) => (meeting.publishedAt ? '公開済み' : '未公開') },
  // Marked seen on their agenda page (確認しました) with this time and table.
  { header: 'スケジュール確認A', value: ({ seenByA }) => seenMark(seenByA) },
  { header: 'スケジュール確認B', value: ({ seenByB }) => seenMark(seenByB) },
  { header: '面談ID', value: ({ meeting }) => meeting.id },
];

@Controller('exports/events')
export class MeetingsExportController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly requests: MeetingRequestsService,
    private readonly events: EventsService,
    private readonly views: AgendaViews,
  ) {}

  /** 面談スケジュール of one event, for the floor staff's table sheets. */
  @Get(':eventId/meetings.csv')
  @AllowStaff()
  async exportMeetings(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const event = await this.events.getManaged(actor, eventId);
    const cells = csvCells(FLOOR_SHEET);
    // Each page becomes its cells as it is read, with who has seen it; only they and the sort keys
    // are kept (30,000 meetings with both people and their companies would be held otherwise).
    const rows = await allPages(async (page) => {
      const found = await this.meetings.listForEvent(
        actor,
        eventId,
        { includeCancelled: true },
        page,
        (meeting) => meeting,
      );
      const seen = await this.views.seenWhereTheyAre(found.edges.map((edge) => edge.node.id));
      return {
        ...found,
        edges: found.edges.map(({ cursor, node: meeting }) => ({
          cursor,
          node: {
            startsAt: meeting.startsAt.getTime(),
            table: meeting.tableLabel,
            cells: cells({
              meeting,
              seenByA: seen.has(`${meeting.id}/${meeting.participantAId}`),
              seenByB: seen.has(`${meeting.id}/${meeting.participantBId}`),
            }),
          },
        })),
      };
    });
    // The floor sheet goes slot by slot, and within a slot table by table.
    rows.sort((a, b) => a.startsAt - b.startsAt || byTableLabel(a.table, b.table));
    const csv = cellsToCsv(
      FLOOR_SHEET,
      rows.map((row) => row.cells),
    );
    sendCsv(response, `${event.title}_面談スケジュール.csv`, csv);
  }

  /** 面談申込一覧: who asked whom, and where each request stands (`?status=PENDING`). */
  @Get(':eventId/meeting-requests.csv')
  @AllowStaff()
  async exportMeetingRequests(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Query() { status }: MeetingRequestsExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const event = await this.events.getManaged(actor, eventId);
    const columns: CsvColumn<MeetingRequest>[] = [
      { header: '申込日時', value: (r) => r.createdAt },
      { header: '申込者', value: (r) => r.fromParticipant.name },
      { header: '申込者の事業者', value: (r) => r.fromParticipant.company?.name },
      { header: '相手', value: (r) => r.toParticipant.name },
      { header: '相手の事業者', value: (r) => r.toParticipant.company?.name },
      { header: 'メッセージ', value: (r) => r.message },
      { header: '状態', value: (r) => MEETING_REQUEST_STATUS_LABEL[effectiveStatus(r)] },
      { header: '回答期限', value: (r) => r.expiresAt },
      { header: '回答日時', value: (r) => r.respondedAt },
      { header: '回答メッセージ', value: (r) => r.reply },
      { header: '申込ID', value: (r) => r.id },
    ];
    const rows = await allPages((page) =>
      this.requests.listForEvent(actor, eventId, status, page, csvCells(columns)),
    );
    const csv = cellsToCsv(columns, rows);
    sendCsv(response, `${event.title}_面談申込一覧.csv`, csv);
  }
}
