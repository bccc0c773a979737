import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AcceptanceMode } from '../meeting-enums';
import { EffectiveMeetingSettings } from '../meeting-settings.service';

@ObjectType('MeetingSettings', { description: 'イベントの面談申込の設定' })
export class MeetingSettingsModel {
  @Field(() => ID)
  eventId: string;

  @Field(() => AcceptanceMode)
  acceptanceMode: AcceptanceMode;

  @Field(() => Int, { nullable: true })
  maxRequestsPerParticipant: number | null;

  @Field(() => Int, { nullable: true })
  requestExpiryHours: number | null;

  @Field(() => Int, { nullable: true })
  maxMeetingsPerParticipant: number | null;

  static from(settings: EffectiveMeetingSettings): MeetingSettingsModel {
    return Object.assign(new MeetingSettingsModel(), settings);
  }
}
