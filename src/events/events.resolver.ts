import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, isStaff, readerLocale, Role, STAFF_ROLES, StaffActor } from '../auth/actor';
import { fiscalYearLabel } from '../common/japan/fiscal-year';
import { AddMatchmakingSessionInput } from './dto/add-matchmaking-session.input';
import { CreateEventInput } from './dto/create-event.input';
import { EventFilter } from './dto/event-filter.input';
import { UpdateEventInput } from './dto/update-event.input';
import { managesEvent } from './event-access';
import { EventStatus } from './event-enums';
import { EventsService } from './events.service';
import { seatsLeft } from './registration-counts';
import { EventConnection, EventModel } from './models/event.model';
import { EventRegistrationCountsModel } from './models/event-registration-counts.model';

const MANAGERS = [Role.ADMIN, Role.ORGANIZER];

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(private readonly eventsService: EventsService) {}

  @Mutation(() => EventModel, { description: 'イベントを下書きとして作成する' })
  @Allow(...MANAGERS)
  async createEvent(@CurrentActor() actor: StaffActor, @Args('input') input: CreateEventInput) {
    return EventModel.from(await this.eventsService.create(actor, input));
  }

  @Mutation(() => EventModel)
  @Allow(...MANAGERS)
  async updateEvent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEventInput,
  ) {
    return EventModel.from(await this.eventsService.update(actor, id, input));
  }

  @Mutation(() => EventModel, { description: '公開する（下書き → 公開中）' })
  @Allow(...MANAGERS)
  async publishEvent(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return EventModel.from(await this.eventsService.transition(actor, id, EventStatus.PUBLISHED));
  }

  @Mutation(() => EventModel, { description: '終了にする（公開中 → 終了）' })
  @Allow(...MANAGERS)
  async closeEvent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('markNotCheckedInAbsent', {
      type: () => Boolean,
      defaultValue: false,
      description: '受付をしなかった参加登録済の人を欠席として記録する（受付を使ったイベント向け）',
    })
    markNotCheckedInAbsent: boolean,
  ) {
    return EventModel.from(
      await this.eventsService.transition(actor, id, EventStatus.CLOSED, { markNotCheckedInAbsent }),
    );
  }

  @Mutation(() => EventModel, { description: '中止にする（下書き・公開中 → 中止）' })
  @Allow(...MANAGERS)
  async cancelEvent(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return EventModel.from(await this.eventsService.transition(actor, id, EventStatus.CANCELLED));
  }

  @Mutation(() => EventModel, { description: '商談枠を追加する' })
  @Allow(...MANAGERS)
  async addMatchmakingSession(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddMatchmakingSessionInput,
  ) {
    return EventModel.from(await this.eventsService.addSession(actor, input));
  }

  @Mutation(() => EventModel, {
    description:
      '誤って追加した商談枠を削除する（面談が入っている枠は削除できない。中止した面談は、削除した枠の名前と時間とともに記録に残る）',
  })
  @Allow(...MANAGERS)
  async removeMatchmakingSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return EventModel.from(await this.eventsService.removeSession(actor, id));
  }

  @Mutation(() => EventModel, {
    description:
      '誤って商談枠を追加したサロンを、商談枠のないイベントに戻す（商談枠をすべて削除してから。商談枠を削除したままのイベントは、商談枠を作り直している途中として、成立した面談は時間の決定を待つ。戻すと、待っていた面談も当日会場内で行う面談になり、時間を追って知らせると伝えていた参加者には、会場でお会いいただく旨の面談スケジュールを送る）',
  })
  @Allow(...MANAGERS)
  async revertToNoMatchmakingSessions(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ) {
    return EventModel.from(await this.eventsService.revertToNoSessions(actor, eventId));
  }

  @Query(() => EventModel)
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async event(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return EventModel.from(await this.eventsService.getVisible(actor, id));
  }

  @Query(() => EventConnection, {
    description: 'イベント一覧（スタッフ: 自団体の主催・共催、参加者: 公開イベント）',
  })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  events(
    @CurrentActor() actor: Actor,
    @Args('filter', { nullable: true }) filter: EventFilter,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.eventsService.list(actor, filter, { first, after }, EventModel.from);
  }

  @ResolveField(() => EventRegistrationCountsModel, {
    nullable: true,
    description: '参加登録の状況（主催・共催のスタッフと管理者だけ。ほかの人には null）',
  })
  async registrationCounts(
    @CurrentActor() actor: Actor,
    @Parent() event: EventModel,
  ): Promise<EventRegistrationCountsModel | null> {
    if (!managesEvent(actor, { organizationId: event.organization.id, coHosts: event.coHosts })) return null;
    return this.eventsService.registrationCountsOf(event.id);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      '年度実績報告（fiscalYearReport）に計上されるか: 下書き・中止でなく、開始日時を過ぎたイベントで true（開始前のイベントの参加登録はまだ実績ではない）。年度内のイベントのうち true のものの参加登録数（registrationCounts.registrations）の合計が、主催・共催する団体のその年度の参加登録数（participation.registrations）になる。主催・共催のスタッフと管理者だけ（ほかの人には null）',
  })
  async countsInFiscalYearReport(
    @CurrentActor() actor: Actor,
    @Parent() event: EventModel,
  ): Promise<boolean | null> {
    if (!managesEvent(actor, { organizationId: event.organization.id, coHosts: event.coHosts })) return null;
    return this.eventsService.countsInFiscalYearReport(event.id);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      '残席（定員 − 参加登録。0 なら満席でキャンセル待ち。キャンセル待ちの人がいる間も 0）。定員がない、終了日時を過ぎた（終了にする前も）、または中止したイベントは null',
  })
  async seatsLeft(@Parent() event: EventModel): Promise<number | null> {
    if (event.capacity === null) return null;
    return seatsLeft(event, await this.eventsService.registrationCountsOf(event.id));
  }

  /**
   * For the reader: revertToNoMatchmakingSessions, as they may run it (its roles, an event their
   * organisation runs or co-hosts), would make the event one without 商談枠 now. Nobody else is
   * told where its grid stands, nor costs a query.
   */
  @ResolveField(() => Boolean, {
    description:
      '商談枠のないイベントに戻せるか（revertToNoMatchmakingSessions）。商談枠をすべて削除したまま作り直していないサロンなどで true（時間の決定を待つ成立した面談がなくても true。あれば戻すと会場内の面談になる）。商談枠がある、商談枠に入った面談がある、商談会、終了・中止した、もともと商談枠がない（戻したあとも）イベントは false。戻す操作ができるのは管理者と主催・共催団体の主催者で、ほかの人には常に false',
  })
  async canRevertToNoMatchmakingSessions(
    @CurrentActor() actor: Actor | undefined,
    @Parent() event: EventModel,
  ): Promise<boolean> {
    const mayRun =
      isStaff(actor) &&
      MANAGERS.includes(actor.role) &&
      managesEvent(actor, { organizationId: event.organization.id, coHosts: event.coHosts });
    return mayRun && this.eventsService.awaitingGrid(event.id);
  }

  /** Read where the event is (event, events, eventCalendar, a report): in the language of its reader. */
  @ResolveField(() => String, {
    description:
      '年度の表示（例: 令和8年度。言語設定が英語の参加者には英語: FY2026 (April 2026 – March 2027)）',
  })
  fiscalYearLabel(@CurrentActor() actor: Actor | undefined, @Parent() event: EventModel): string {
    return fiscalYearLabel(event.fiscalYear, readerLocale(actor));
  }
}
