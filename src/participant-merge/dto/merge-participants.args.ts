import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

/** `mergeParticipants(participantId, duplicateId, dryRun)`. */
@ArgsType()
export class MergeParticipantsArgs {
  @Field(() => ID, { description: '残す登録（この参加者のメールアドレスとプロフィールが残る）' })
  @IsUUID('all')
  participantId: string;

  @Field(() => ID, { description: '重複している登録（統合して削除する）' })
  @IsUUID('all')
  duplicateId: string;

  @Field({
    defaultValue: false,
    description:
      'true なら確認のみ: 統合したときに移る件数と残るプロフィールを返し、何も変えない（メールも送らない）。統合できない理由があれば、統合するときと同じエラーになる',
  })
  @IsBoolean()
  dryRun: boolean;
}
