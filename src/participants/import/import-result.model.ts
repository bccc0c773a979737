import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImportRowErrorModel } from './import-row-error.model';

@ObjectType('ParticipantImportResult')
export class ParticipantImportResultModel {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int, { description: 'データ行の数（見出しを除く）' })
  totalRows: number;

  @Field({ description: '判定した文字コード' })
  encoding: string;

  @Field(() => [String], { description: '認識できず無視した列' })
  ignoredColumns: string[];

  @Field(() => [ImportRowErrorModel])
  errors: ImportRowErrorModel[];
}
