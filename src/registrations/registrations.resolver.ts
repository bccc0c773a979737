import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, readerLocale, Role, STAFF_ROLES } from '../auth/actor';
import { canSeeContact } from '../participants/participant-access';
import { RegisterArgs } from './dto/register.args';
import { RegistrationsCsvResultModel } from './import/registrations-csv-result.model';
import { RegistrationsCsvService } from './import/registrations-csv.service';
import { UpdateRegistrationsFromCsvArgs } from './import/update-registrations-from-csv.args';
import { UpdateRegistrationInput } from './dto/update-registration.input';
import { RegistrationConnection, RegistrationModel } from './models/registration.model';
import { RegistrationStatus } from './registration-enums';
import { RegistrationsService } from './registrations.service';

@Resolver(() => RegistrationModel)
export class RegistrationsResolver {
  constructor(
    private readonly registrationsService: RegistrationsService,
    private readonly registrationsCsv: RegistrationsCsvService,
  ) {}

  @Mutation(() => RegistrationModel, {
    description:
      '参加申込（参加者本人）または代理登録（スタッフ）。定員を超えるとキャンセル待ち。' +
      'スタッフが参加登録済み・キャンセル待ちの方を指定すると、指定した参加区分・ブースをその参加登録に設定する',
  })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async register(@CurrentActor() actor: Actor, @Args() args: RegisterArgs) {
    const seat = { role: args.role, booth: args.booth };
    const { registration, placementsRemoved } = await this.registrationsService.register(
      actor,
      args.eventId,
      args.participantId,
      seat,
    );
    return Object.assign(
      RegistrationModel.from(
        registration,
        canSeeContact(actor, registration.participantId),
        readerLocale(actor),
      ),
      { placementsRemoved },
    );
  }

  @Mutation(() => RegistrationModel, {
    description: '参加区分・ブースを変更する（主催・共催団体のスタッフ）。次回のマッチング・面談配置から反映',
  })
  @AllowStaff()
  async updateRegistration(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateRegistrationInput,
  ) {
    const { registration, placementsRemoved } = await this.registrationsService.update(actor, id, input);
    return Object.assign(RegistrationModel.from(registration, true), { placementsRemoved });
  }

  @Mutation(() => RegistrationsCsvResultModel, {
    description:
      '出展者一覧・参加者一覧の CSV（UTF-8 / BOM付き / Shift_JIS）で、参加登録済みの方の参加区分・ブースを一括で設定する' +
      '（主催・共催団体のスタッフ）。参加者は 参加者ID か メールアドレス の列で指定し、空欄のセルは登録済みの内容のまま。' +
      'updateRegistration と同じ規則で、誤りのある行が1行でもあれば何も変更せず、すべての誤りを行番号と列で返す',
  })
  @AllowStaff()
  updateRegistrationsFromCsv(@CurrentActor() actor: Actor, @Args() args: UpdateRegistrationsFromCsvArgs) {
    return this.registrationsCsv.update(actor, args);
  }

  @Mutation(() => RegistrationModel, {
    description: '参加をキャンセルする（空いた席はキャンセル待ちの先頭へ）',
  })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async cancelRegistration(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    const registration = await this.registrationsService.cancel(actor, id);
    return RegistrationModel.from(
      registration,
      canSeeContact(actor, registration.participantId),
      readerLocale(actor),
    );
  }

  @Mutation(() => RegistrationModel, {
    description: '受付（来場の記録）。イベント当日から。終了後に受付漏れを訂正することもできる',
  })
  @AllowStaff()
  async checkIn(
    @CurrentActor() actor: Actor,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('at', {
      type: () => Date,
      nullable: true,
      description: '受付した日時（後から記録するとき。当日から今までの間。既定: 今）',
    })
    at?: Date | null,
  ) {
    return RegistrationModel.from(
      await this.registrationsService.recordAttendance(
        actor,
        registrationId,
        RegistrationStatus.ATTENDED,
        at ?? undefined,
      ),
      true,
    );
  }

  @Mutation(() => RegistrationModel, {
    description: '欠席を記録する（イベント当日から。終了後の訂正もできる。出席の記録は取り消される）',
  })
  @AllowStaff()
  async markAbsent(
    @CurrentActor() actor: Actor,
    @Args('registrationId', { type: () => ID }) registrationId: string,
  ) {
    return RegistrationModel.from(
      await this.registrationsService.recordAttendance(actor, registrationId, RegistrationStatus.NO_SHOW),
      true,
    );
  }

  @Query(() => RegistrationConnection, { description: 'イベントの参加者一覧（申込順）' })
  @AllowStaff()
  registrations(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('status', { type: () => RegistrationStatus, nullable: true }) status: RegistrationStatus,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ) {
    return this.registrationsService.listForEvent(actor, eventId, status, { first, after }, (registration) =>
      RegistrationModel.from(registration, true),
    );
  }

  @Query(() => [RegistrationModel], {
    description: '自分の参加登録（新しい順）。各登録のイベント（event）つき、言語設定に合わせた表示',
  })
  @Allow(Role.PARTICIPANT)
  async myRegistrations(@CurrentActor() actor: ParticipantActor) {
    const registrations = await this.registrationsService.listForParticipant(actor.participantId);
    const locale = readerLocale(actor);
    return registrations.map((registration) => RegistrationModel.from(registration, true, locale, true));
  }
}
