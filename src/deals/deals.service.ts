import { Injectable } from '@nestjs/common';
import { inBrackets } from '../mail/templates/email-layout';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Role, StaffActor } from '../auth/actor';
import { ForbiddenError } from '../common/errors/app-error';
import { fiscalYearDates } from '../common/japan/fiscal-year';
import { ConnectionShape } from '../common/pagination/connection';
import { keysetPage, PageArgs } from '../common/pagination/keyset-page';
import { addMonths, CalendarDate, fiscalYearOfDate, tokyoDateOf } from '../common/time/calendar-date';
import { formatTokyoJapanese } from '../common/time/tokyo-time';
import { managesEvent } from '../events/event-access';
import { EventStatus } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { MeetingStatus } from '../meetings/meeting-enums';
import { MeetingsService } from '../meetings/meetings.service';
import { MeetingErrors } from '../meetings/meetings.errors';
import { withPeopleLocked } from '../participants/participant-store';
import { ParticipantsService } from '../participants/participants.service';
import { RegistrationStatus } from '../registrations/registration-enums';
import { Deal } from './deal.entity';
import { DealCorrection } from './deal-correction.entity';
import { DEAL_TRANSITIONS, DealCorrectionKind, DealStage } from './deal-enums';
import { endedYearsChanged } from './deal-year-count';
import { DealErrors, MAX_CORRECTION_REASON } from './deals.errors';
import { DealFilter } from './dto/deal-filter.input';
import { RecordDealInput } from './dto/record-deal.input';
import { UpdateDealInput } from './dto/update-deal.input';
import { FollowUp } from './follow-up.entity';
import { isUuid, uuidArg } from '../common/validation/uuid';

const RELATIONS = {
  organization: true,
  event: true,
  participantA: { company: true },
  participantB: { company: true },
  recordedBy: true,
} as const;

/** Where a deal came from: the meeting (which fixes the event and both sides) or what staff gave. */
interface DealSource {
  organizationId: string;
  eventId: string | null;
  meetingId: string | null;
  participantAId: string;
  participantBId: string;
  /** The day of the meeting, the natural start of the talks. */
  meetingDate: CalendarDate | null;
  /** The day its meeting or event took place: talks that came of it cannot start earlier. */
  notBefore: CalendarDate | null;
}

/**
 * 商談: recorded by staff, mostly from a held meeting, and moved through 商談中 → 成約 / 不成立.
 * A deal belongs to the organisation of the staff member who records it (the one that follows it
 * up and counts it in its 年度 figures); only its staff change it or schedule its follow-ups.
 * An event's deals are the outcome of the meetings its organiser and co-hosts run together, so
 * the staff of each of them read every deal recorded for the event, as its eventReport counts them.
 */
@Injectable()
export class DealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly meetings: MeetingsService,
    private readonly participants: ParticipantsService,
  ) {}

  async record(actor: StaffActor, input: RecordDealInput): Promise<Deal> {
    const source = await this.source(actor, input);
    const stage = input.stage ?? DealStage.NEGOTIATING;
    // One reading of the clock for the whole save: on 31 March at midnight, two would let a deal
    // start in one 年度 and be checked as of the next.
    const today = tokyoDateOf(new Date());
    const startedOn = input.startedOn ?? source.meetingDate ?? today;
    assertStartedBy(startedOn, today);
    if (source.notBefore && startedOn < source.notBefore)
      throw DealErrors.startedBeforeSource(source.notBefore);
    const closedOn = closingDate(stage, input.closedOn, startedOn, today);
    const id = await this.dataSource.transaction(async (manager) => {
      const deal = await manager.save(
        manager.create(Deal, {
          organizationId: source.organizationId,
          eventId: source.eventId,
          meetingId: source.meetingId,
          participantAId: source.participantAId,
          participantBId: source.participantBId,
          type: input.type,
          stage,
          title: input.title.trim(),
          amountYen: input.amountYen ?? null,
          startedOn,
          closedOn,
          notes: input.notes ?? '',
          recordedById: actor.userId,
        }),
      );
      // After the deal, as a correction points at its id; the refusal rolls both back.
      await this.recordCorrection(manager, actor, null, deal, input.reason, today);
      if (input.followUpInMonths) {
        await manager.save(
          manager.create(FollowUp, {
            organizationId: deal.organizationId,
            dealId: deal.id,
            dueOn: addMonths(closedOn ?? startedOn, input.followUpInMonths),
            notes: `${inBrackets(deal.title)}の進捗確認`,
            assignedToId: actor.userId,
            createdById: actor.userId,
          }),
        );
      }
      return deal.id;
    });
    return this.get(id);
  }

  async update(actor: StaffActor, id: string, input: UpdateDealInput): Promise<Deal> {
    const today = tokyoDateOf(new Date());
    await this.withOwnedLocked(actor, id, async (manager, deal) => {
      const stage = input.stage ?? deal.stage;
      if (stage !== deal.stage && !DEAL_TRANSITIONS.can(deal.stage, stage)) {
        throw DealErrors.invalidStageTransition(deal.stage, stage);
      }
      const startedOn = input.startedOn ?? deal.startedOn;
      if (input.startedOn !== undefined) {
        assertStartedBy(startedOn, today);
        const notBefore = await this.sourceDay(manager, deal);
        if (notBefore && startedOn < notBefore) throw DealErrors.startedBeforeSource(notBefore);
      }
      // A deal that stays closed keeps its date unless a new one is given; a reopened one loses it.
      const keptClosedOn = !input.closedOn && stage === deal.stage ? deal.closedOn : null;
      // Only the start was changed, to after the date kept: the start is the mistake, not the date.
      if (keptClosedOn && input.startedOn && startedOn > keptClosedOn)
        throw DealErrors.startedAfterClosing(keptClosedOn);
      const closedOn = closingDate(stage, input.closedOn ?? keptClosedOn ?? undefined, startedOn, today);
      const changed = {
        type: input.type ?? deal.type,
        stage,
        title: input.title?.trim() ?? deal.title,
        amountYen: input.amountYen === undefined ? deal.amountYen : input.amountYen,
        startedOn,
        closedOn,
        notes: input.notes ?? deal.notes,
      };
      await this.recordCorrection(manager, actor, deal, { ...deal, ...changed }, input.reason, today);
      await manager.update(Deal, id, changed);
    });
    return this.get(id);
  }

  /**
   * A deal recorded by mistake (the same one entered twice, say) goes, so the year's figures no
   * longer count it: marking it 不成立 would count a 不成立 that never happened. For whoever may
   * update it. Every deletion is recorded (recordCorrection), and one counted in a year that has
   * ended needs a reason.
   *
   * Its follow-ups done are visits that took place, counted in the 年度 they were made in
   * (フォローアップ実施件数, perhaps reported already) whatever became of the deal's own figures: they
   * do not go with it but move to `moveFollowUpsTo`, the deal kept (the other copy), and a deal
   * with any is refused without one. They move rather than lose their deal (a follow-up is about a
   * deal or a person, and the visit was to the deal's two parties) and no correction is recorded
   * for them: the year's count does not change. So that they stay what they were — a visit to those
   * two people, in their exported data and redacted by an erasure of either — the deal kept is the
   * organisation's, between the same two people, and begun by the day of each (as scheduleFollowUp
   * and completeFollowUp require). Those still open move with them (the next visit planned; one
   * planned twice shows twice in followUpsDue, to be 取りやめ); those 取りやめ go with the deal, as
   * every follow-up does when none was done and none is named. Answers how many went with it and
   * how many moved.
   */
  async delete(
    actor: StaffActor,
    id: string,
    reason?: string | null,
    moveFollowUpsTo?: string | null,
  ): Promise<{ followUpsDeleted: number; followUpsMoved: number }> {
    // Not named like an id (the input pipe checks those): checked here, before it reaches SQL.
    const keptId = moveFollowUpsTo ? uuidArg('moveFollowUpsTo', moveFollowUpsTo) : null;
    if (keptId !== null && keptId.toLowerCase() === id.toLowerCase())
      throw DealErrors.followUpsDestinationSame();
    return this.withOwnedLocked(
      actor,
      id,
      async (manager, deal, kept) => {
        const [{ done }]: { done: number }[] = await manager.query(
          `SELECT count(*)::int AS done FROM follow_ups
            WHERE deal_id = $1 AND done_at IS NOT NULL AND cancelled_at IS NULL`,
          [id],
        );
        if (keptId === null && done > 0) throw DealErrors.doneFollowUpsNotMoved(done);
        if (keptId !== null) await this.assertMayTakeFollowUps(manager, deal, kept ?? null, keptId);
        await this.recordCorrection(manager, actor, deal, null, reason, tokyoDateOf(new Date()));
        const moved = kept
          ? await manager.update(FollowUp, { dealId: id, cancelledAt: IsNull() }, { dealId: kept.id })
          : null;
        const followUpsDeleted = await manager.countBy(FollowUp, { dealId: id });
        // follow_ups.deal_id cascades; nothing else refers to a deal.
        await manager.delete(Deal, id);
        return { followUpsDeleted, followUpsMoved: moved?.affected ?? 0 };
      },
      keptId,
    );
  }

  /**
   * Whether `kept` (the deal named by moveFollowUpsTo, locked; null when gone) may take the
   * follow-ups of `deal`, which is being deleted: see delete.
   */
  private async assertMayTakeFollowUps(
    manager: EntityManager,
    deal: Deal,
    kept: Deal | null,
    keptId: string,
  ): Promise<void> {
    if (!kept) throw DealErrors.followUpsDestinationNotFound(keptId);
    const parties = (of: Deal) => JSON.stringify([of.participantAId, of.participantBId].sort());
    if (kept.organizationId !== deal.organizationId || parties(kept) !== parties(deal))
      throw DealErrors.followUpsDestinationUnrelated();
    // The day each was due, and the day each done was made (Tokyo): neither before the kept deal began.
    const [{ earliest }]: { earliest: string | null }[] = await manager.query(
      `SELECT to_char(least(min(due_on), min((done_at AT TIME ZONE 'Asia/Tokyo')::date)), 'YYYY-MM-DD') AS earliest
         FROM follow_ups WHERE deal_id = $1 AND cancelled_at IS NULL`,
      [deal.id],
    );
    if (earliest !== null && earliest < kept.startedOn)
      throw DealErrors.followUpsBeforeDestination(kept.startedOn, earliest);
  }

  /**
   * Recording a deal (`before` null), deleting it (`after` null) or changing it, in the transaction
   * that does it. What changes what a deal counts in a year that has ended (reported to the 財務局
   * or the board, most likely) — a deal recorded only now with dates in that year, a 成約 reopened,
   * its amount, type or dates corrected so that it moves into or out of that year — needs a reason,
   * and that year's report shows it as a correction (年度終了後の訂正), so it leaves a
   * DealCorrection with what the deal counted before and after, who, when and why. So does every
   * deletion; anything else (this year's deals, notes, a title) needs and leaves nothing.
   */
  private async recordCorrection(
    manager: EntityManager,
    actor: StaffActor,
    before: Deal | null,
    after: Deal | null,
    reason: string | null | undefined,
    /** Today in Tokyo, as the rest of the save read it: its 年度 is the one not yet ended. */
    today: CalendarDate,
  ): Promise<void> {
    const deal = (before ?? after)!;
    const kind = !before
      ? DealCorrectionKind.ADDED
      : after
        ? DealCorrectionKind.CHANGED
        : DealCorrectionKind.DELETED;
    const why = reason?.trim() ?? '';
    const endedYears = endedYearsChanged(before, after, fiscalYearOfDate(today));
    if (endedYears.length > 0 && !why) throw DealErrors.reasonRequired(kind, endedYears);
    // A change or an addition of nothing counted in an ended year is not recorded: its reason is
    // not used.
    if (kind !== DealCorrectionKind.DELETED && endedYears.length === 0) return;
    if (why.length > MAX_CORRECTION_REASON) throw DealErrors.reasonTooLong(kind);
    await manager.insert(DealCorrection, {
      kind,
      dealId: deal.id,
      organizationId: deal.organizationId,
      eventId: deal.eventId,
      participantAId: deal.participantAId,
      participantBId: deal.participantBId,
      title: (after ?? deal).title,
      type: before?.type ?? null,
      stage: before?.stage ?? null,
      amountYen: before?.amountYen ?? null,
      startedOn: before?.startedOn ?? null,
      closedOn: before?.closedOn ?? null,
      typeAfter: after?.type ?? null,
      stageAfter: after?.stage ?? null,
      amountYenAfter: after?.amountYen ?? null,
      startedOnAfter: after?.startedOn ?? null,
      closedOnAfter: after?.closedOn ?? null,
      correctedById: actor.userId,
      reason: why,
    });
  }

  /** A deal the actor may read: their organisation's, or one recorded for an event it runs or co-hosts. */
  async getVisible(actor: StaffActor, id: string): Promise<Deal> {
    const deal = await this.get(id);
    if (isOwnOrganization(actor, deal)) return deal;
    if (deal.eventId && (await this.managesEventOf(actor, deal.eventId))) return deal;
    throw otherOrganizations('商談');
  }

  /** A deal the actor may change or follow up: their organisation's (any, for an admin). */
  async getOwned(actor: StaffActor, id: string): Promise<Deal> {
    const deal = await this.get(id);
    assertOwnOrganization(actor, deal);
    return deal;
  }

  /**
   * The organisation's deals (every organisation's, for an admin), by start date. Filtered by an
   * event the organisation runs or co-hosts, every deal recorded for it, whichever of them recorded
   * it: the rows its eventReport counts. By any other event, the organisation's own deals there.
   */
  async list<N>(
    actor: StaffActor,
    filter: DealFilter | undefined,
    page: PageArgs,
    toNode: (deal: Deal) => N,
  ): Promise<ConnectionShape<N>> {
    const query = this.dataSource
      .getRepository(Deal)
      .createQueryBuilder('deal')
      .leftJoinAndSelect('deal.event', 'event')
      .leftJoinAndSelect('deal.participantA', 'participantA')
      .leftJoinAndSelect('participantA.company', 'companyA')
      .leftJoinAndSelect('deal.participantB', 'participantB')
      .leftJoinAndSelect('participantB.company', 'companyB')
      .leftJoinAndSelect('deal.recordedBy', 'recordedBy')
      .leftJoinAndSelect('deal.organization', 'organization');
    const wholeEvent = filter?.eventId ? await this.managesEventOf(actor, filter.eventId) : false;
    if (actor.role !== Role.ADMIN && !wholeEvent)
      query.andWhere('deal.organizationId = :org', { org: actor.organizationId });
    if (filter?.eventId) query.andWhere('deal.eventId = :eventId', { eventId: filter.eventId });
    if (filter?.participantId) {
      query.andWhere('(deal.participantAId = :pid OR deal.participantBId = :pid)', {
        pid: filter.participantId,
      });
    }
    if (filter?.stage) query.andWhere('deal.stage = :stage', { stage: filter.stage });
    if (filter?.type) query.andWhere('deal.type = :type', { type: filter.type });
    if (filter?.fiscalYear) {
      // The year a deal counts in, as the 年度実績報告 counts it: 成約 and 不成立 in the year they
      // closed, every other listing (新規商談数, 商談中) in the year the talks started. So the rows of
      // `stage: WON` add up to the report's 成約 and 成約金額, and those without a stage to 新規商談数.
      const { start, end } = fiscalYearDates(filter.fiscalYear);
      const column =
        filter.stage && filter.stage !== DealStage.NEGOTIATING ? 'deal.closedOn' : 'deal.startedOn';
      query.andWhere(`${column} >= :start AND ${column} < :end`, { start, end });
    }
    return keysetPage(query, 'deal.startedOn', page, toNode);
  }

  private async get(id: string): Promise<Deal> {
    if (!isUuid(id)) throw DealErrors.notFound(id);
    const deal = await this.dataSource.getRepository(Deal).findOne({ where: { id }, relations: RELATIONS });
    if (!deal) throw DealErrors.notFound(id);
    return deal;
  }

  /**
   * Runs `change` on the deal, row-locked, for a change or a deletion by whoever may make it. Its
   * two people first (withPeopleLocked, the lock order of participant-store): the correction it
   * records points at them, and an erasure of one of them, which rewrites the deal's title and
   * notes, locks the person and then the deal. The erasure waits here, or this for it, and the deal
   * is then read as it left it; a merge committed meanwhile, which moved the deal to the kept
   * profile, has the transaction start again with that one locked. `otherId`, a second deal the
   * change writes rows pointing at (the deal kept, which a deletion moves its follow-ups to), is
   * locked with it, the two in id order: two deletions each moving to the other would otherwise
   * each hold the deal the other waits for. `change` gets it as `other` (null if there is none such,
   * undefined when none was asked for); the caller checks it is between the people locked.
   */
  private async withOwnedLocked<T>(
    actor: StaffActor,
    id: string,
    change: (manager: EntityManager, deal: Deal, other: Deal | null | undefined) => Promise<T>,
    otherId: string | null = null,
  ): Promise<T> {
    if (!isUuid(id)) throw DealErrors.notFound(id);
    const sidesOf = async (manager: EntityManager) => {
      const sides = await manager.findOne(Deal, {
        select: { id: true, participantAId: true, participantBId: true },
        where: { id },
      });
      return [sides?.participantAId, sides?.participantBId].filter((side) => side != null);
    };
    // In lower case, hex sorts as Postgres orders uuids (by their bytes).
    const ids = [id, ...(otherId ? [otherId] : [])].map((each) => each.toLowerCase()).sort();
    return withPeopleLocked(this.dataSource, sidesOf, async (manager) => {
      const locked = new Map<string, Deal>();
      for (const each of ids) {
        const row = await manager.findOne(Deal, { where: { id: each }, lock: { mode: 'pessimistic_write' } });
        if (row) locked.set(each, row);
      }
      const deal = locked.get(id.toLowerCase());
      if (!deal) throw DealErrors.notFound(id);
      assertOwnOrganization(actor, deal);
      return change(manager, deal, otherId ? (locked.get(otherId.toLowerCase()) ?? null) : undefined);
    });
  }

  /** Whether the actor's organisation runs or co-hosts the event (false for one that does not exist). */
  private async managesEventOf(actor: StaffActor, eventId: string): Promise<boolean> {
    if (!isUuid(eventId)) return false;
    const event = await this.dataSource
      .getRepository(Event)
      .findOne({ where: { id: eventId }, relations: { coHosts: true } });
    return event !== null && managesEvent(actor, event);
  }

  /**
   * A deal recorded as an event's (without a meeting) counts in its report and its organiser's
   * year: only for an event that has taken place, between two people who held a seat there or came.
   */
  private async assertTookPart(event: Event, parties: Record<'participantAId' | 'participantBId', string>) {
    if (event.status === EventStatus.CANCELLED) throw DealErrors.eventNotHeld('開催中止');
    if (event.startsAt.getTime() > Date.now())
      throw DealErrors.eventNotHeld(`開催前（${formatTokyoJapanese(event.startsAt)} 開始）`);
    const seated: { participantId: string }[] = await this.dataSource.query(
      `SELECT participant_id AS "participantId" FROM registrations
        WHERE event_id = $1 AND participant_id = ANY($2) AND status = ANY($3)`,
      [event.id, Object.values(parties), [RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED]],
    );
    for (const [field, id] of Object.entries(parties) as ['participantAId' | 'participantBId', string][]) {
      if (seated.some((row) => row.participantId === id)) continue;
      const { name } = await this.participants.get(id);
      throw DealErrors.partyNotAtEvent(field, name);
    }
  }

  private async source(actor: StaffActor, input: RecordDealInput): Promise<DealSource> {
    if (input.meetingId) {
      const meeting = await this.meetings.get(input.meetingId);
      const event = await this.events.getManaged(actor, meeting.eventId, () =>
        MeetingErrors.meetingNotFound(meeting.id),
      );
      if (meeting.status !== MeetingStatus.HELD) throw DealErrors.meetingNotHeld();
      return {
        organizationId: recordingOrganization(actor, input.organizationId, event.organizationId),
        eventId: meeting.eventId,
        meetingId: meeting.id,
        participantAId: meeting.participantAId,
        participantBId: meeting.participantBId,
        meetingDate: tokyoDateOf(meeting.startsAt),
        notBefore: tokyoDateOf(meeting.startsAt),
      };
    }
    const event = input.eventId ? await this.events.getManaged(actor, input.eventId) : null;
    const { participantAId, participantBId } = input;
    if (!participantAId || !participantBId) throw DealErrors.partiesRequired();
    if (participantAId === participantBId) throw DealErrors.sameParties();
    await this.participants.requireExisting([participantAId, participantBId]);
    if (event) await this.assertTookPart(event, { participantAId, participantBId });
    return {
      organizationId: recordingOrganization(actor, input.organizationId, event?.organizationId),
      eventId: event?.id ?? null,
      meetingId: null,
      participantAId,
      participantBId,
      meetingDate: null,
      notBefore: event ? tokyoDateOf(event.startsAt) : null,
    };
  }

  /** DealSource.notBefore of a recorded deal. */
  private async sourceDay(manager: EntityManager, deal: Deal): Promise<CalendarDate | null> {
    const [row]: { startsAt: Date }[] = deal.meetingId
      ? await manager.query(`SELECT starts_at AS "startsAt" FROM meetings WHERE id = $1`, [deal.meetingId])
      : deal.eventId
        ? await manager.query(`SELECT starts_at AS "startsAt" FROM events WHERE id = $1`, [deal.eventId])
        : [];
    return row ? tokyoDateOf(row.startsAt) : null;
  }
}

/**
 * The organisation a new deal or follow-up belongs to: the staff member's own. An admin, who has
 * none, names one, or the event's organiser is taken.
 */
export function recordingOrganization(
  actor: StaffActor,
  requested: string | undefined,
  eventOrganizationId: string | undefined,
): string {
  if (actor.organizationId) {
    if (requested && requested !== actor.organizationId) throw new ForbiddenError();
    return actor.organizationId;
  }
  const organizationId = requested ?? eventOrganizationId;
  if (!organizationId) throw DealErrors.organizationRequired();
  return organizationId;
}

/** Whether a deal or follow-up is the actor's organisation's (every one is, for an admin). */
function isOwnOrganization(actor: StaffActor, row: { organizationId: string }): boolean {
  return actor.role === Role.ADMIN || row.organizationId === actor.organizationId;
}

/** Changing a deal or a follow-up stays with the organisation that recorded it. */
export function assertOwnOrganization(
  actor: StaffActor,
  row: { organizationId: string },
  what: '商談' | 'フォローアップ' = '商談',
): void {
  if (!isOwnOrganization(actor, row)) throw otherOrganizations(what);
}

/** Another organisation's record: who may act on it, rather than a bare 権限がありません. */
function otherOrganizations(what: '商談' | 'フォローアップ'): ForbiddenError {
  return new ForbiddenError(
    `他の団体が記録した${what}です。記録した団体のスタッフ（または管理者）が操作できます`,
    'DEAL_OTHER_ORGANIZATION',
  );
}

/**
 * 商談開始日: never after today (Tokyo), as the closing date. A start still to come is a mistyped
 * year, and would otherwise surface only at closing, as a refusal of the closing date.
 */
function assertStartedBy(startedOn: CalendarDate, today: CalendarDate): void {
  if (startedOn > today) throw DealErrors.startedInFuture(today);
}

/**
 * 成約日・不成立日: only on a closed deal, today unless given, never before the start and never
 * after today (a 成約 still to come would count in a year's 実績 before it happened).
 */
function closingDate(
  stage: DealStage,
  closedOn: string | undefined,
  startedOn: string,
  today: CalendarDate,
): string | null {
  if (stage === DealStage.NEGOTIATING) {
    if (closedOn) throw DealErrors.closedOnWithoutClosing();
    return null;
  }
  const date = closedOn ?? today;
  if (date > today) throw DealErrors.closedInFuture();
  if (date < startedOn) throw DealErrors.closedBeforeStart();
  return date;
}
