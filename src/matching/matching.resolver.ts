import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, ParticipantActor, Role, STAFF_ROLES, StaffActor } from '../auth/actor';
import { ParticipantModel } from '../participants/models/participant.model';
import { canSeeContact } from '../participants/participant-access';
import { MatchingSettingsInput } from './dto/matching-settings.input';
import { InviteeRecommendationsService } from './invitee-recommendations.service';
import { MatchingService } from './matching.service';
import { InviteeRecommendationModel } from './models/invitee-recommendation.model';
import { MatchingRunModel } from './models/matching-run.model';
import { MatchingSettingsModel } from './models/matching-settings.model';
import { ParticipantWithoutSuggestionsModel } from './models/participant-without-suggestions.model';
import { SuggestionDigestResultModel } from './models/suggestion-digest-result.model';
import { SuggestionModel } from './models/suggestion.model';
import { SuggestionDigestsService } from './suggestion-digests.service';
import { ListedSuggestion, SuggestionsService } from './suggestions.service';
import { UNMATCHED_REASON_LABEL } from './unmatched-reason';

const ORGANIZERS = [Role.ADMIN, Role.ORGANIZER];

@Resolver()
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly suggestions: SuggestionsService,
    private readonly digests: SuggestionDigestsService,
    private readonly invitees: InviteeRecommendationsService,
  ) {}

  @Mutation(() => MatchingRunModel, {
    description: 'おすすめを計算する（キューで実行。実行中のものがあればそれを返す）',
  })
  @AllowStaff()
  async runMatching(
    @CurrentActor() actor: StaffActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<MatchingRunModel> {
    return MatchingRunModel.from(await this.matching.start(actor, eventId));
  }

  @Query(() => MatchingRunModel, { description: 'マッチングの状態と進捗' })
  @AllowStaff()
  async matchingRun(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MatchingRunModel> {
    return MatchingRunModel.from(await this.matching.getManagedRun(actor, id));
  }

  @Mutation(() => MatchingSettingsModel, { description: 'イベントのマッチング設定（次回の実行から反映）' })
  @AllowStaff()
  async updateMatchingSettings(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: MatchingSettingsInput,
  ): Promise<MatchingSettingsModel> {
    return MatchingSettingsModel.from(await this.matching.updateSettings(actor, eventId, input));
  }

  @Query(() => [SuggestionModel], { description: '自分へのおすすめ（参加者）' })
  @Allow(Role.PARTICIPANT)
  async mySuggestions(
    @CurrentActor() actor: ParticipantActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<SuggestionModel[]> {
    return this.toModels(actor, await this.suggestions.mine(actor, eventId));
  }

  @Query(() => [SuggestionModel], {
    description: 'ある参加者へのおすすめ（主催者・スタッフ。参加者は本人の分のみ）',
  })
  @Allow(...STAFF_ROLES, Role.PARTICIPANT)
  async suggestionsFor(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('includeDismissed', { nullable: true, defaultValue: false }) includeDismissed: boolean,
  ): Promise<SuggestionModel[]> {
    return this.toModels(
      actor,
      await this.suggestions.forParticipant(actor, eventId, participantId, includeDismissed),
    );
  }

  @Query(() => [ParticipantWithoutSuggestionsModel], {
    description:
      '最新のマッチング結果で、おすすめが1件もない参加者と理由（参加登録済みでマッチングに同意した人。スタッフが手で組み合わせる候補）',
  })
  @AllowStaff()
  async participantsWithoutSuggestions(
    @CurrentActor() actor: StaffActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<ParticipantWithoutSuggestionsModel[]> {
    const { rows } = await this.suggestions.withoutSuggestions(actor, eventId);
    return rows.map((row) =>
      Object.assign(new ParticipantWithoutSuggestionsModel(), {
        participant: ParticipantModel.from(row.participant, true),
        registeredAt: row.registeredAt,
        reason: row.reason,
        reasonLabel: UNMATCHED_REASON_LABEL[row.reason],
      }),
    );
  }

  @Mutation(() => SuggestionModel, { description: 'おすすめを非表示にする（以後の実行でも再び表示しない）' })
  @Allow(Role.PARTICIPANT)
  async dismissSuggestion(
    @CurrentActor() actor: ParticipantActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SuggestionModel> {
    const [model] = this.toModels(actor, [await this.suggestions.dismiss(actor, id)]);
    return model;
  }

  @Mutation(() => SuggestionDigestResultModel, {
    description:
      '最新のマッチング結果を、参加者ごとにおすすめメール（上位5名）で送る。主催団体に問い合わせ先（contactEmail か contactPhone）がなければ送れない',
  })
  @Allow(...ORGANIZERS)
  sendSuggestionDigests(
    @CurrentActor() actor: StaffActor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<SuggestionDigestResultModel> {
    return this.digests.send(actor, eventId);
  }

  @Query(() => [InviteeRecommendationModel], {
    description: '招待すると良い参加者（イベントのテーマと登録済みの参加者から）',
  })
  @AllowStaff()
  async recommendInvitees(
    @CurrentActor() actor: StaffActor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<InviteeRecommendationModel[]> {
    const { rows } = await this.invitees.recommend(actor, eventId, first);
    return rows.map((row) =>
      Object.assign(new InviteeRecommendationModel(), {
        participant: ParticipantModel.from(row.participant, true),
        score: row.score,
        reasons: row.reasons,
      }),
    );
  }

  private toModels(actor: Actor, suggestions: ListedSuggestion[]): SuggestionModel[] {
    return suggestions.map((listed) =>
      SuggestionModel.from(listed, canSeeContact(actor, listed.suggestion.suggestedParticipantId)),
    );
  }
}
