import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { IsMunicipality } from '../../common/japan/japan.validators';
import { IsCalendarDate } from '../../common/time/calendar-date';
import { MINI_SALON_MAX_CAPACITY } from '../../events/event-enums';

/** One message for the three rules on it: the range is what the requester needs to know. */
const EXPECTED_PARTICIPANTS = {
  message: `参加見込み人数は 2〜${MINI_SALON_MAX_CAPACITY} 人で入力してください`,
  context: { en: `Expected number of participants must be from 2 to ${MINI_SALON_MAX_CAPACITY}.` },
};

@InputType({ description: 'ミニサロン開催の要望' })
export class RequestMiniSalonInput {
  @Field(() => ID, { description: '要望先の団体（例: 東京財務事務所）' })
  @IsUUID('all', { message: '団体IDの形式が正しくありません' })
  organizationId: string;

  @Field({ description: 'テーマ（例: 事業承継、販路開拓）' })
  @RequiredText('テーマ')
  @MaxLength(100, { message: 'テーマは 100 文字以内で入力してください' })
  theme: string;

  @Field({ description: '開催を希望する地域（例: 東京都葛飾区）' })
  @IsMunicipality()
  area: string;

  @Field({ description: '希望時期の始め（YYYY-MM-DD）' })
  @IsCalendarDate()
  preferredFrom: string;

  @Field({ description: '希望時期の終わり（YYYY-MM-DD）' })
  @IsCalendarDate()
  preferredTo: string;

  @Field(() => Int, { description: `参加見込み人数（2〜${MINI_SALON_MAX_CAPACITY}）` })
  @IsInt(EXPECTED_PARTICIPANTS)
  @Min(2, EXPECTED_PARTICIPANTS)
  @Max(MINI_SALON_MAX_CAPACITY, EXPECTED_PARTICIPANTS)
  expectedParticipants: number;

  @Field({ nullable: true, description: 'グループとしての要望なら、その名前（例: 葛飾区若手経営者の会）' })
  @IsOptional()
  @MaxLength(100, { message: 'グループ名は 100 文字以内で入力してください' })
  groupName?: string;

  @Field({ nullable: true, description: '主催者へのメッセージ' })
  @IsOptional()
  @MaxLength(2000, { message: 'メッセージは 2000 文字以内で入力してください' })
  message?: string;
}
