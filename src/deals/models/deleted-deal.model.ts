import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DeletedDeal', { description: '削除した商談' })
export class DeletedDealModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '商談と一緒に削除したフォローアップ（完了・取りやめ済みを含む）' })
  followUpsDeleted: number;
}
