import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** `mergeParticipants(participantId, duplicateId)`. */
@ArgsType()
export class MergeParticipantsArgs {
  @Field(() => ID, { description: '残す登録（この参加者のメールアドレスとプロフィールが残る）' })
  @IsUUID('all')
  participantId: string;

  @Field(() => ID, { description: '重複している登録（統合して削除する）' })
  @IsUUID('all')
  duplicateId: string;
}
