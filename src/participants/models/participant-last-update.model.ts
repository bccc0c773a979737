import { Field, ObjectType } from '@nestjs/graphql';
import { Participant } from '../participant.entity';

@ObjectType('ParticipantLastUpdate', {
  description:
    'プロフィールの最終更新（いつ・誰が）。参加者プールは全団体で共有のため、変更した人を確認できます',
})
export class ParticipantLastUpdateModel {
  @Field(() => Date, { description: '最終更新日時（内容が変わったときだけ進みます）' })
  at: Date;

  @Field(() => String, {
    nullable: true,
    description: '更新したスタッフの氏名。本人が更新した場合と、記録のない更新（この機能より前）では null',
  })
  byName: string | null;

  @Field(() => String, { nullable: true, description: '更新したスタッフの所属団体（管理者は null）' })
  byOrganization: string | null;

  @Field({ description: '本人が自分のプロフィールを更新した' })
  bySelf: boolean;

  /**
   * Null when the author's account was not loaded with the participant (undefined, as opposed to
   * null for "no staff account"), rather than a wrong 不明.
   */
  static from(participant: Participant): ParticipantLastUpdateModel | null {
    const author = participant.profileUpdatedBy;
    if (author === undefined) return null;
    return Object.assign(new ParticipantLastUpdateModel(), {
      at: participant.profileUpdatedAt,
      byName: author?.name ?? null,
      byOrganization: author?.organization?.name ?? null,
      bySelf: participant.profileUpdatedBySelf,
    });
  }
}
