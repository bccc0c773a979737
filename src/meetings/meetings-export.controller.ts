import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { cellsToCsv, CsvColumn, csvCells, sendCsv } from '../common/csv/csv-file';
import { allPages } from '../common/pagination/keyset-page';
import { SessionMode } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { withoutSlots } from '../events/without-slots';
import { AgendaViews } from './agenda-views.service';
import { Meeting } from './meeting.entity';
import { MeetingRequestsExportQuery } from './dto/meeting-requests-export.query';
import { MEETING_REQUEST_STATUS_LABEL, MEETING_STATUS_LABEL, MeetingStatus } from './meeting-enums';
import { MeetingRequest } from './meeting-request.entity';
import { effectiveStatus, MeetingRequestsService } from './meeting-requests.service';
import { MeetingsService } from './meetings.service';
import { personColumns } from '../participants/person-csv-columns';
import { Participant } from '../participants/participant.entity';

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

/**
 * One line of the floor sheet: a placed meeting, one at the venue (an event without 商談枠: the
 * pair meet in the room, with a 面談ID for staff to record it held or missed), or an agreed one
 * the schedule has no place for yet, so reception has every pair that means to meet.
 */
interface FloorSheetLine {
  startsAt: Date | null;
  endsAt: Date | null;
  sessionName: string;
  slotNumber: number | null;
  place: string;
  a: Participant;
  b: Participant;
  status: string;
  noShow: string;
  published: string;
  /**
   * Marked seen on their agenda page (確認しました) with this time and table; null for an agreed
   * meeting without a slot, which has no time or table to see.
   */
  seenByA: boolean | null;
  seenByB: boolean | null;
  meetingId: string;
  requestId: string;
}

const CONTACT = ['name', 'company', 'email', 'phone'] as const;

/** 面談スケジュール: the columns of the floor staff's table sheets. */
const FLOOR_SHEET: CsvColumn<FloorSheetLine>[] = [
  { header: '開始', value: (line) => line.startsAt },
  { header: '終了', value: (line) => line.endsAt },
  { header: '商談枠', value: (line) => line.sessionName },
  { header: '枠番号', value: (line) => line.slotNumber },
  { header: '場所', value: (line) => line.place },
  // Staff call the parties on the day, so their contacts are here (staff see them anyway).
  ...personColumns<FloorSheetLine>(({ a }) => a, CONTACT, { suffix: 'A' }),
  ...personColumns<FloorSheetLine>(({ b }) => b, CONTACT, { suffix: 'B' }),
  { header: '状態', value: (line) => line.status },
  { header: '不参加', value: (line) => line.noShow },
  { header: '公開', value: (line) => line.published },
  // はい / いいえ, as every yes/no of an export.
  { header: 'スケジュール確認A', value: (line) => line.seenByA },
  { header: 'スケジュール確認B', value: (line) => line.seenByB },
  { header: '面談ID', value: (line) => line.meetingId },
  { header: '面談申込ID', value: (line) => line.requestId },
];

/** A meeting at the venue: no time (its times are the event's hours), no 商談枠, no table. */
const AT_VENUE = '会場内（時間は当日）';

function placedMeetingLine(meeting: Meeting, seenByA: boolean, seenByB: boolean): FloorSheetLine {
  const { session, slotIndex } = meeting;
  const confirmable = session && meeting.status !== MeetingStatus.CANCELLED;
  return {
    startsAt: session ? meeting.startsAt : null,
    endsAt: session ? meeting.endsAt : null,
    sessionName: session?.name ?? '',
    slotNumber: slotIndex === null ? null : slotIndex + 1,
    place: !session
      ? AT_VENUE
      : session.mode === SessionMode.BOOTHS
        ? `ブース ${meeting.tableLabel}`
        : `テーブル ${meeting.tableLabel}`,
    a: meeting.participantA,
    b: meeting.participantB,
    status: MEETING_STATUS_LABEL[meeting.status],
    noShow: noShowNames(meeting),
    published: !session ? '' : meeting.publishedAt ? '公開済み' : '未公開',
    // At the venue there is no time or table to have seen, and a cancelled meeting is nowhere:
    // nothing to confirm, as for one not placed.
    seenByA: confirmable ? seenByA : null,
    seenByB: confirmable ? seenByB : null,
    meetingId: meeting.id,
    requestId: meeting.requestId,
  };
}

/** An agreed meeting without a slot: the requester is A, the one who accepted B. */
function agreedWithoutSlotLine(request: MeetingRequest, eventHasSessions: boolean): FloorSheetLine {
  return {
    startsAt: null,
    endsAt: null,
    sessionName: '',
    slotNumber: null,
    place: eventHasSessions ? '未定' : AT_VENUE,
    a: request.fromParticipant,
    b: request.toParticipant,
    status: eventHasSessions ? '面談成立・時間未定' : '面談成立（商談枠なし）',
    noShow: '',
    published: !eventHasSessions ? '' : request.unscheduledPublishedAt ? '時間未定として通知済み' : '未公開',
    seenByA: null,
    seenByB: null,
    meetingId: '',
    requestId: request.id,
  };
}

@Controller('exports/events')
export class MeetingsExportController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly requests: MeetingRequestsService,
    private readonly events: EventsService,
    private readonly views: AgendaViews,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const placed = await allPages(async (page) => {
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
            // At the venue: after the meetings with a time, as the agreed ones without a slot.
            startsAt: meeting.sessionId ? meeting.startsAt.getTime() : Number.POSITIVE_INFINITY,
            table: meeting.tableLabel ?? '',
            cells: cells(
              placedMeetingLine(
                meeting,
                seen.has(`${meeting.id}/${meeting.participantAId}`),
                seen.has(`${meeting.id}/${meeting.participantBId}`),
              ),
            ),
          },
        })),
      };
    });
    // The floor sheet goes slot by slot, and within a slot table by table; then the agreed
    // meetings without a slot, in the order they were asked for.
    placed.sort(
      (a, b) => (a.startsAt === b.startsAt ? 0 : a.startsAt - b.startsAt) || byTableLabel(a.table, b.table),
    );
    // One whose 商談枠 were all removed is still one with 商談枠: its agreed meetings wait for new ones.
    const eventHasSessions = !(await withoutSlots(this.dataSource.manager, eventId));
    const withoutSlot = await allPages((page) =>
      this.requests.listAgreedWithoutMeeting(actor, eventId, page, (request) =>
        cells(agreedWithoutSlotLine(request, eventHasSessions)),
      ),
    );
    const csv = cellsToCsv(FLOOR_SHEET, [...placed.map((row) => row.cells), ...withoutSlot]);
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
      ...personColumns<MeetingRequest>((r) => r.fromParticipant, ['name', 'company'], { prefix: '申込者の' }),
      ...personColumns<MeetingRequest>((r) => r.toParticipant, ['name', 'company'], { prefix: '相手の' }),
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
