import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role, StaffActor } from '../auth/actor';
import { InputError } from '../common/errors/app-error';
import { ConnectionShape } from '../common/pagination/connection';
import { keysetPage, PageArgs } from '../common/pagination/keyset-page';
import { fiscalYearRange } from '../common/japan/fiscal-year';
import { CalendarDate, isCalendarDate, tokyoDateOf } from '../common/time/calendar-date';
import { ParticipantsService } from '../participants/participants.service';
import { User } from '../users/user.entity';
import { DealErrors } from './deals.errors';
import { assertOwnOrganization, DealsService, recordingOrganization } from './deals.service';
import { ScheduleFollowUpInput } from './dto/schedule-follow-up.input';
import { FollowUp } from './follow-up.entity';
import { responsibleUserSql } from './follow-up-responsible';
import { isUuid } from '../common/validation/uuid';

const RELATIONS = {
  deal: { participantA: { company: true }, participantB: { company: true } },
  participant: { company: true },
  assignedTo: true,
  createdBy: true,
  completedBy: true,
} as const;

/**
 * フォローアップ: dated checks by staff on a deal or on a participant's plan. Completing one
 * records what was found and can set the next (the programmes check every few months).
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly participants: ParticipantsService,
  ) {}

  async schedule(actor: StaffActor, input: ScheduleFollowUpInput): Promise<FollowUp> {
    if (!input.dealId && !input.participantId) throw DealErrors.followUpSubjectRequired();
    const deal = input.dealId ? await this.deals.getOwned(actor, input.dealId) : null;
    // A past date is fine (a visit entered afterwards), but not one before the deal began.
    if (deal && input.dueOn < deal.startedOn) throw DealErrors.followUpBeforeDeal(deal.startedOn);
    if (input.participantId) await this.participants.get(input.participantId);
    const organizationId =
      deal?.organizationId ?? recordingOrganization(actor, input.organizationId, undefined);
    const id = await this.dataSource.transaction(async (manager) => {
      if (input.assignedToId) await this.requireStaffOf(organizationId, input.assignedToId, manager);
      const saved = await manager.save(FollowUp, {
        organizationId,
        dealId: deal?.id ?? null,
        participantId: input.participantId ?? null,
        dueOn: input.dueOn,
        notes: input.notes ?? '',
        assignedToId: input.assignedToId ?? null,
        createdById: actor.userId,
      });
      return saved.id;
    });
    return this.get(id);
  }

  /** Done, with what was found; `nextDueOn` schedules the next check on the same subject. */
  async complete(
    actor: StaffActor,
    id: string,
    result: string,
    nextDueOn: string | null,
    doneOn: string | null = null,
  ): Promise<{ completed: FollowUp; next: FollowUp | null }> {
    const today = tokyoDateOf(new Date());
    if (doneOn !== null && (!isCalendarDate(doneOn) || doneOn > today)) {
      throw new InputError(
        'doneOn',
        `実施日は YYYY-MM-DD の形式で、今日（${today}）までの日付を指定してください（例: ${today}）`,
      );
    }
    if (nextDueOn !== null && !isCalendarDate(nextDueOn)) {
      throw new InputError(
        'nextDueOn',
        '次回の期日は YYYY-MM-DD の形式で、2000〜2100年の実在する日を指定してください',
      );
    }
    if (result.length > 5000) throw new InputError('result', '結果は 5000 文字以内で入力してください');
    const nextId = await this.dataSource.transaction(async (manager) => {
      const followUp = await this.lockVisible(manager, actor, id);
      if (followUp.doneAt) throw DealErrors.followUpClosed(followUp);
      if (nextDueOn !== null && nextDueOn <= followUp.dueOn)
        throw DealErrors.nextFollowUpNotLater(followUp.dueOn);
      // A visit to a deal's parties is made once the deal began; the next one after this one.
      if (doneOn !== null && followUp.dealId) {
        const [deal]: { startedOn: string }[] = await manager.query(
          `SELECT to_char(started_on, 'YYYY-MM-DD') AS "startedOn" FROM deals WHERE id = $1`,
          [followUp.dealId],
        );
        if (deal && doneOn < deal.startedOn) throw DealErrors.doneBeforeDeal(deal.startedOn);
      }
      if (nextDueOn !== null && nextDueOn <= (doneOn ?? today))
        throw DealErrors.nextFollowUpNotAfterVisit(doneOn ?? today);
      // A visit entered afterwards counts on the day it was made (in the year it was made): noon
      // of that day in Tokyo, so no time zone moves it across a date line.
      const doneAt = doneOn === null || doneOn === today ? new Date() : new Date(`${doneOn}T12:00:00+09:00`);
      await manager.update(FollowUp, id, { doneAt, result, completedById: actor.userId });
      if (nextDueOn === null) return null;
      // An assignee who has left does not get the next one: unassigned, it goes to whoever
      // completed this one (the weekly email's fallback to the creator).
      const assignee = followUp.assignedToId
        ? await manager.findOneBy(User, { id: followUp.assignedToId })
        : null;
      const next = await manager.save(
        manager.create(FollowUp, {
          organizationId: followUp.organizationId,
          dealId: followUp.dealId,
          participantId: followUp.participantId,
          dueOn: nextDueOn,
          notes: followUp.notes,
          assignedToId: assignee && !assignee.deactivatedAt ? assignee.id : null,
          createdById: actor.userId,
        }),
      );
      return next.id;
    });
    return { completed: await this.get(id), next: nextId ? await this.get(nextId) : null };
  }

  /**
   * 取りやめ: a follow-up no longer needed (its deal entered twice, the business closed) is closed
   * without counting as done. It leaves the to-do lists and the weekly email as a completed one
   * does, but not into the year report's フォローアップ実施 or followUpsDone.
   */
  async cancel(actor: StaffActor, id: string): Promise<FollowUp> {
    await this.dataSource.transaction(async (manager) => {
      const followUp = await this.lockVisible(manager, actor, id);
      if (followUp.doneAt) throw DealErrors.followUpClosed(followUp);
      const now = new Date();
      await manager.update(FollowUp, id, { doneAt: now, cancelledAt: now });
    });
    return this.get(id);
  }

  /**
   * Hands a follow-up to another staff member of its organisation, e.g. when its assignee has left
   * (a deactivated assignee shows as such in followUpsDue and follow-ups.csv).
   */
  async reassign(actor: StaffActor, id: string, assignedToId: string): Promise<FollowUp> {
    await this.dataSource.transaction(async (manager) => {
      const followUp = await this.lockVisible(manager, actor, id);
      if (followUp.doneAt) throw DealErrors.followUpClosed(followUp);
      await this.requireStaffOf(followUp.organizationId, assignedToId, manager);
      await manager.update(FollowUp, id, { assignedToId });
    });
    return this.get(id);
  }

  /**
   * 引き継ぎ: every open follow-up `fromUserId` is responsible for (see responsibleFor) in their
   * organisation goes to `toUserId`, an active staff member there, as reassign would one by one
   * (and for whoever may do that). For an admin, who belongs to no organisation, the follow-ups
   * in `toUserId`'s. Answers how many moved; none is not an error (nothing was left to hand over).
   */
  async handOver(actor: StaffActor, fromUserId: string, toUserId: string): Promise<number> {
    if (fromUserId === toUserId) throw DealErrors.handOverToSelf();
    return this.dataSource.transaction(async (manager) => {
      const from = await manager.findOneBy(User, { id: fromUserId });
      if (!from) throw DealErrors.staffNotFound('fromUserId');
      const to = await manager.findOneBy(User, { id: toUserId });
      if (!to) throw DealErrors.staffNotFound('toUserId');
      const organizationId = from.organizationId ?? to.organizationId;
      if (!organizationId) throw DealErrors.assigneeNotInOrganization('toUserId');
      assertOwnOrganization(actor, { organizationId }, 'フォローアップ');
      await this.requireStaffOf(organizationId, to.id, manager, 'toUserId');
      const moved = await manager
        .createQueryBuilder()
        .update(FollowUp)
        .set({ assignedToId: to.id })
        .where(`done_at IS NULL AND organization_id = :organizationId`, { organizationId })
        .andWhere(`${responsibleUserSql('follow_ups')} = :from`, { from: from.id })
        .execute();
      return moved.affected ?? 0;
    });
  }

  /** Open follow-ups due before `before` (exclusive), earliest first: the staff's to-do list. */
  async due<N>(
    actor: StaffActor,
    before: CalendarDate,
    page: PageArgs,
    toNode: (followUp: FollowUp) => N,
  ): Promise<ConnectionShape<N>> {
    if (!isCalendarDate(before)) {
      throw new InputError(
        'before',
        '日付は YYYY-MM-DD の形式で、2000〜2100年の実在する日を指定してください',
      );
    }
    const query = this.listQuery(actor)
      .andWhere('followUp.doneAt IS NULL')
      .andWhere('followUp.dueOn < :before', { before });
    return keysetPage(query, 'followUp.dueOn', page, toNode);
  }

  /**
   * The follow-ups done in a 年度 (by the day they were done, in Tokyo), in the order they were
   * done: the rows behind the year report's フォローアップ実施件数. Cancelled ones were not done.
   */
  async done<N>(
    actor: StaffActor,
    fiscalYear: number,
    page: PageArgs,
    toNode: (followUp: FollowUp) => N,
  ): Promise<ConnectionShape<N>> {
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100)
      throw new InputError('fiscalYear', '年度は 2000〜2100 の西暦で指定してください（例: 2026）');
    const { start, end } = fiscalYearRange(fiscalYear);
    const query = this.listQuery(actor)
      .andWhere('followUp.doneAt >= :start AND followUp.doneAt < :end', { start, end })
      .andWhere('followUp.cancelledAt IS NULL');
    return keysetPage(query, 'followUp.doneAt', page, toNode);
  }

  /** Follow-ups with whom they concern and who is in charge, of the actor's organisation (all, for an admin). */
  private listQuery(actor: StaffActor) {
    const query = this.dataSource
      .getRepository(FollowUp)
      .createQueryBuilder('followUp')
      .leftJoinAndSelect('followUp.deal', 'deal')
      .leftJoinAndSelect('deal.participantA', 'dealParticipantA')
      .leftJoinAndSelect('dealParticipantA.company', 'dealCompanyA')
      .leftJoinAndSelect('deal.participantB', 'dealParticipantB')
      .leftJoinAndSelect('dealParticipantB.company', 'dealCompanyB')
      .leftJoinAndSelect('followUp.participant', 'participant')
      .leftJoinAndSelect('participant.company', 'company')
      .leftJoinAndSelect('followUp.assignedTo', 'assignedTo')
      .leftJoinAndSelect('followUp.createdBy', 'createdBy')
      .leftJoinAndSelect('followUp.completedBy', 'completedBy');
    if (actor.role !== Role.ADMIN) {
      query.andWhere('followUp.organizationId = :org', { org: actor.organizationId });
    }
    return query;
  }

  private async get(id: string): Promise<FollowUp> {
    const followUp = await this.dataSource
      .getRepository(FollowUp)
      .findOne({ where: { id }, relations: RELATIONS });
    if (!followUp) throw DealErrors.followUpNotFound(id);
    return followUp;
  }

  private async lockVisible(manager: EntityManager, actor: StaffActor, id: string): Promise<FollowUp> {
    if (!isUuid(id)) throw DealErrors.followUpNotFound(id);
    const followUp = await manager.findOne(FollowUp, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!followUp) throw DealErrors.followUpNotFound(id);
    assertOwnOrganization(actor, followUp, 'フォローアップ');
    return followUp;
  }

  /**
   * An assignee must be an active staff member of the follow-up's organisation. Their row is
   * share-locked for the transaction: a deactivation at the same moment waits, then finds the
   * follow-ups assigned (to hand on again), or goes first and this refuses.
   */
  private async requireStaffOf(
    organizationId: string,
    userId: string,
    manager: EntityManager,
    field = 'assignedToId',
  ): Promise<void> {
    const user = isUuid(userId)
      ? await manager.findOne(User, {
          where: { id: userId, organizationId },
          lock: { mode: 'pessimistic_read' },
        })
      : null;
    if (!user) throw DealErrors.assigneeNotInOrganization(field);
    if (user.deactivatedAt) throw DealErrors.assigneeDeactivated(field);
  }
}
