import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { StaffActor } from '../auth/actor';
import { DuplicateCandidatesService } from './duplicate-candidates.service';
import { DuplicateCandidateConnection, DuplicateCandidateModel } from './models/duplicate-candidate.model';

@Resolver()
export class DuplicateCandidatesResolver {
  constructor(private readonly candidates: DuplicateCandidatesService) {}

  @Query(() => DuplicateCandidateConnection, {
    description:
      '名寄せ候補: 参加者プールで同じ方かもしれない2人の組（氏名が同じ、携帯電話番号が同じ、または同じ事業者でフリガナが同じ）。氏名順。CSV は /exports/duplicate-candidates.csv',
  })
  @AllowStaff()
  async duplicateCandidates(
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
    @Args('includeDistinct', {
      nullable: true,
      defaultValue: false,
      description: '別人として確認済みの組も含める',
    })
    includeDistinct: boolean,
    @Args('participantId', {
      type: () => ID,
      nullable: true,
      description: 'この参加者を含む組だけ（プロフィールに「同じ方かもしれない登録」を出すとき）',
    })
    participantId: string | null,
  ) {
    const page = await this.candidates.list({ first, after }, { includeDistinct, participantId });
    return {
      ...page,
      edges: page.edges.map((edge) => ({ ...edge, node: DuplicateCandidateModel.from(edge.node) })),
    };
  }

  @Mutation(() => Boolean, {
    description:
      '名寄せ候補の2人を別人とする（distinct: false で取り消す）。別人とした組は duplicateCandidates に出なくなる',
  })
  @AllowStaff()
  async markDistinctParticipants(
    @CurrentActor() actor: StaffActor,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('otherId', { type: () => ID }) otherId: string,
    @Args('distinct', { nullable: true, defaultValue: true }) distinct: boolean,
  ): Promise<boolean> {
    await this.candidates.markDistinct(actor, participantId, otherId, distinct);
    return true;
  }
}
