import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Event } from '../../events/event.entity';

@ObjectType('MatchingSettings', { description: 'イベントごとのマッチング設定（null は既定値）' })
export class MatchingSettingsModel {
  @Field(() => ID)
  eventId: string;

  @Field(() => Float, { nullable: true, description: '異業種ボーナス（既定 0.1）' })
  crossIndustryBonus: number | null;

  @Field(() => Boolean, { nullable: true, description: '出展者同士をおすすめするか（既定: しない）' })
  allowExhibitorPairs: boolean | null;

  static from(event: Event): MatchingSettingsModel {
    return Object.assign(new MatchingSettingsModel(), {
      eventId: event.id,
      crossIndustryBonus: event.matchCrossIndustryBonus,
      allowExhibitorPairs: event.matchAllowExhibitorPairs,
    });
  }
}
