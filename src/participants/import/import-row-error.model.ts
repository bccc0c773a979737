import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportRowError', { description: '取り込めなかった行とその理由' })
export class ImportRowErrorModel {
  @Field(() => Int, { description: 'Excel の行番号（見出し行が1）' })
  row: number;

  @Field({ description: '入力項目（例: company.corporateNumber）' })
  field: string;

  @Field(() => String, { nullable: true, description: 'ファイル上の列名' })
  column: string | null;

  @Field()
  message: string;
}
