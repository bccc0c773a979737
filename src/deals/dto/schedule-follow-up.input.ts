import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/time/calendar-date';

@InputType({ description: 'フォローアップの予定。商談または参加者（の計画）のどちらかを対象にする' })
export class ScheduleFollowUpInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '商談IDの形式が正しくありません' })
  dealId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '参加者IDの形式が正しくありません' })
  participantId?: string;

  @Field({ description: '期日（YYYY-MM-DD）' })
  @IsCalendarDate()
  dueOn: string;

  @Field({ nullable: true, description: '確認すること' })
  @IsOptional()
  @MaxLength(5000)
  notes?: string;

  @Field(() => ID, {
    nullable: true,
    description: '団体（管理者が参加者のフォローアップを予定する場合のみ）',
  })
  @IsOptional()
  @IsUUID('all', { message: '団体IDの形式が正しくありません' })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: '担当スタッフ（同じ団体）' })
  @IsOptional()
  @IsUUID('all', { message: '担当者IDの形式が正しくありません' })
  assignedToId?: string;
}
