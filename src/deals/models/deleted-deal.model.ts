import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DeletedDeal', { description: '削除した商談' })
export class DeletedDealModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int, {
    description:
      '商談と一緒に削除したフォローアップ: moveFollowUpsTo を指定したときは取りやめたもの、指定しないときは未完了・取りやめたもの（完了したものは削除しない）',
  })
  followUpsDeleted: number;

  @Field(() => Int, {
    description: 'moveFollowUpsTo の商談に移したフォローアップ（完了・未完了）。指定しないときは 0',
  })
  followUpsMoved: number;
}
