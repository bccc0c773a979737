import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImportRowErrorModel } from '../../participants/import/import-row-error.model';

@ObjectType('RegistrationsCsvResult', {
  description:
    '参加区分・ブースの一括設定の結果。誤りのある行が1行でもあれば、どの参加登録も変更せず、すべての誤りを返す',
})
export class RegistrationsCsvResultModel {
  @Field(() => Int, { description: '参加区分・ブースを変更した参加登録の数（誤りがあれば0）' })
  updated: number;

  @Field(() => Int, {
    description:
      'ブースの変更で配置を取り消した未公開の面談の数（誤りがあれば0）。「成立・未配置」に戻り、次回の自動配置で配置し直します',
  })
  placementsRemoved: number;

  @Field(() => Int, { description: 'ファイルの内容が登録済みの内容と同じで、変更がなかった数' })
  unchanged: number;

  @Field(() => Int, { description: 'データ行の数（見出しを除く）' })
  totalRows: number;

  @Field({ description: '判定した文字コード' })
  encoding: string;

  @Field(() => [String], { description: '認識できず無視した列' })
  ignoredColumns: string[];

  @Field(() => [ImportRowErrorModel], {
    description: '誤りのある行（行番号・列・理由）。空なら変更を反映済み',
  })
  errors: ImportRowErrorModel[];
}
