import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { SessionMode } from '../event-enums';

@InputType()
export class AddMatchmakingSessionInput {
  @Field(() => ID)
  @IsUUID('all')
  eventId: string;

  @Field({ nullable: true, description: '枠の名前（例: 午前の部）。イベント内で重複不可' })
  @IsOptional()
  @RequiredText('枠の名前')
  @MaxLength(100)
  name?: string;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field(() => Int, { description: '1枠の長さ（分）' })
  @IsInt()
  @Min(5, { message: '1枠は5分以上にしてください' })
  @Max(120, { message: '1枠は120分以内にしてください' })
  slotMinutes: number;

  @Field(() => Int, { description: '枠の数' })
  @IsInt()
  @Min(1, { message: '枠の数は1以上にしてください' })
  @Max(48)
  slotCount: number;

  @Field(() => SessionMode, { nullable: true })
  @IsOptional()
  @IsEnum(SessionMode)
  mode?: SessionMode;

  @Field(() => Int, { nullable: true, description: 'テーブル数（テーブル方式のとき必須）' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'テーブル数は1以上にしてください' })
  @Max(1000)
  tableCount?: number;
}
