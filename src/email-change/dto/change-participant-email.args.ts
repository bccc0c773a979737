import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEmail, IsUUID, MaxLength } from 'class-validator';

/** `changeParticipantEmail(participantId, email)`. */
@ArgsType()
export class ChangeParticipantEmailArgs {
  @Field(() => ID)
  @IsUUID('all')
  participantId: string;

  @Field({ description: '新しいメールアドレス' })
  @IsEmail({}, { message: 'メールアドレスの形式が正しくありません' })
  @MaxLength(254)
  email: string;
}
