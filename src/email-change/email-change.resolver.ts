import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { ParticipantActor, Role, StaffActor } from '../auth/actor';
import { ParticipantModel } from '../participants/models/participant.model';
import { ParticipantsService } from '../participants/participants.service';
import { UpdateStaffUserInput } from '../users/dto/update-staff-user.input';
import { UserModel } from '../users/models/user.model';
import { ChangeParticipantEmailArgs } from './dto/change-participant-email.args';
import { RequestEmailChangeArgs } from './dto/request-email-change.args';
import { EmailAddressService } from './email-address.service';
import { EmailChangeService } from './email-change.service';
import { ParticipantEmailChangeModel } from './models/participant-email-change.model';

/**
 * Address changes. `updateStaffUser` is here rather than with the other staff-account mutations: a
 * new login address is confirmed by email, and UsersModule stays free of mail (and so of Redis) for
 * the server's command line.
 */
@Resolver()
export class EmailChangeResolver {
  constructor(
    private readonly addresses: EmailAddressService,
    private readonly requests: EmailChangeService,
    private readonly participants: ParticipantsService,
  ) {}

  @Mutation(() => ParticipantEmailChangeModel, {
    description:
      '参加者のメールアドレスを変更する（宛先不明で届かなかったアドレスの訂正など）。宛先不明による送信停止は解除され、送信に失敗していたメールは新しいアドレスにもう一度送られる。古いアドレスに送ったログイン用リンクと、それまでのログイン（セッション）は使えなくなり、古いアドレスには変更のお知らせが届く（宛先不明だった場合を除く）。変更履歴に残る',
  })
  @AllowStaff()
  async changeParticipantEmail(
    @CurrentActor() actor: StaffActor,
    @Args() { participantId, email }: ChangeParticipantEmailArgs,
  ): Promise<ParticipantEmailChangeModel> {
    const resentEmails = await this.addresses.change(actor, participantId, email);
    return Object.assign(new ParticipantEmailChangeModel(), {
      participant: ParticipantModel.from(await this.participants.get(participantId), true),
      resentEmails,
    });
  }

  @Mutation(() => ParticipantEmailChangeModel, {
    description:
      '宛先不明による送信停止を解除する（届くと分かっているアドレス: 中継を断ったメールサーバーが直った、受信箱が使えるようになったなど）。送信に失敗していたメールは同じアドレスにもう一度送られる。変更履歴に残る（誰が解除したか）。changeParticipantEmail に今と同じアドレスを渡しても同じ',
  })
  @AllowStaff()
  async unsuppressParticipantEmail(
    @CurrentActor() actor: StaffActor,
    @Args('participantId', { type: () => ID }) participantId: string,
  ): Promise<ParticipantEmailChangeModel> {
    const resentEmails = await this.addresses.unsuppress(actor, participantId);
    return Object.assign(new ParticipantEmailChangeModel(), {
      participant: ParticipantModel.from(await this.participants.get(participantId), true),
      resentEmails,
    });
  }

  @Mutation(() => Boolean, {
    description:
      '自分のメールアドレスの変更を申し込む（参加者）。新しいアドレスに確認のメールが届き、そのボタンを押すと変更される（それまでのログインは終わり、新しいアドレスでログインし直す）。1時間に3回まで（超えると送られず、BAD_USER_INPUT（email）でいつから申し込めるかを答える）',
  })
  @Allow(Role.PARTICIPANT)
  async requestEmailChange(
    @CurrentActor() actor: ParticipantActor,
    @Args() { email }: RequestEmailChangeArgs,
  ): Promise<boolean> {
    await this.requests.request(actor.participantId, email);
    return true;
  }

  @Mutation(() => UserModel, {
    description:
      'スタッフアカウントの氏名・ログイン用メールアドレスを変更する。管理者は任意のアカウント、主催者は自団体の主催者・支援担当。自分の氏名は誰でも変更できる（自分のメールアドレスは不可）。氏名はすぐに変わる。メールアドレスは新しいアドレスに確認のメール（【メールアドレス変更のご確認】、24時間有効）が届き、そのボタンが押されるまで pendingEmail に表示され、確定するとログインに使うアドレスが変わり、これまでのアドレスにお知らせが届く（ログイン中のセッションはそのまま）。答えは新しいアドレスが他のアカウントで使われていても同じ。今と同じアドレスを渡すと確認待ちの変更を取り消す。確認のメールは1アカウントに1時間3回まで',
  })
  @AllowStaff()
  async updateStaffUser(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateStaffUserInput,
  ): Promise<UserModel> {
    return UserModel.from(await this.requests.updateStaffUser(actor, id, input));
  }
}
