import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { EventRole } from '../registration-enums';

/** `updateRegistration(id, input)`: what is left out stays as it is; `booth: null` removes the booth. */
@InputType()
export class UpdateRegistrationInput {
  @Field(() => EventRole, {
    nullable: true,
    description: '参加区分（来場者・出展者・バイヤー・サプライヤー・登壇者）',
  })
  @IsOptional()
  @IsEnum(EventRole, { message: 'role の値が正しくありません' })
  role?: EventRole;

  @Field(() => String, { nullable: true, description: 'ブース番号（例: A-01）。null でブースなし' })
  @IsOptional()
  @MaxLength(20, { message: 'ブース番号は 20 文字以内で入力してください' })
  booth?: string | null;
}
