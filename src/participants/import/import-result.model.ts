import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImportPossibleDuplicateModel } from './import-possible-duplicate.model';
import { ImportRowErrorModel } from './import-row-error.model';

/** How many 名寄せ候補 an import's answer lists; the count says how many there are. */
export const MAX_POSSIBLE_DUPLICATES_LISTED = 100;

@ObjectType('ParticipantImportResult')
export class ParticipantImportResultModel {
  @Field(() => Int, { description: '新しく登録した参加者の数' })
  created: number;

  @Field(() => Int, { description: '登録済みの参加者で、内容を更新した数（変更履歴に残る）' })
  updated: number;

  @Field(() => Int, { description: '登録済みの参加者で、内容に変更がなかった数' })
  unchanged: number;

  @Field(() => Int, { description: 'データ行の数（見出しを除く）' })
  totalRows: number;

  @Field({ description: '判定した文字コード' })
  encoding: string;

  @Field(() => [String], { description: '認識できず無視した列' })
  ignoredColumns: string[];

  @Field(() => [ImportRowErrorModel])
  errors: ImportRowErrorModel[];

  @Field(() => Int, {
    description: '新しく登録した方のうち、同じ氏名の参加者がすでに別のアドレスでいる方の数（名寄せ候補）',
  })
  possibleDuplicateCount: number;

  @Field(() => [ImportPossibleDuplicateModel], {
    description: `その方々（行の順に最初の ${MAX_POSSIBLE_DUPLICATES_LISTED} 件。すべては duplicateCandidates で）`,
  })
  possibleDuplicates: ImportPossibleDuplicateModel[];

  @Field(() => [String], {
    description:
      '注意（取り込みは行われた）: 同意の列（メール受信同意・マッチング同意・連絡先開示同意）がなく、新しく登録した方を「いいえ」にしたときなど',
  })
  warnings: string[];
}
