import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { EventRole } from '../registration-enums';

/** `register(eventId)` as the public contract names it; staff may add who, role and booth. */
@ArgsType()
export class RegisterArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId の形式が正しくありません' })
  eventId: string;

  @Field(() => ID, { nullable: true, description: 'スタッフが代理登録するときの参加者（参加者本人は省略）' })
  @IsOptional()
  @IsUUID('all', { message: 'participantId の形式が正しくありません' })
  participantId?: string;

  @Field(() => EventRole, {
    nullable: true,
    description: '参加区分（スタッフのみ。参加登録済み・キャンセル待ちの方にも反映）',
  })
  @IsOptional()
  @IsEnum(EventRole)
  role?: EventRole;

  @Field(() => String, {
    nullable: true,
    description: 'ブース番号（出展者、スタッフのみ。参加登録済み・キャンセル待ちの方にも反映）',
  })
  @IsOptional()
  @MaxLength(20)
  booth?: string;
}
