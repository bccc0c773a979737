import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportPossibleDuplicate', {
  description:
    '新しく登録した方のうち、同じ氏名の参加者が別のアドレスですでにいる方（名寄せ候補。同じ方なら mergeParticipants で統合）',
})
export class ImportPossibleDuplicateModel {
  @Field(() => Int, { description: 'Excel の行番号（見出し行が1）' })
  row: number;

  @Field(() => ID, { description: '新しく登録した参加者' })
  participantId: string;

  @Field()
  email: string;

  @Field(() => ID, { description: 'すでにいた同じ氏名の参加者' })
  existingParticipantId: string;

  @Field()
  existingName: string;

  @Field()
  existingEmail: string;
}
