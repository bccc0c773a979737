import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { QueryEnum } from '../../common/validation/query-params';
import { StaffUserOrder } from '../staff-accounts';

/**
 * Which accounts and in what order: the arguments of `staffUsers` and the query string of
 * staff-users.csv (`?organizationId=…&orderBy=CREATED_AT`), one set of rules for both.
 */
@ArgsType()
export class StaffUsersQuery {
  @Field(() => ID, {
    nullable: true,
    description: '団体（管理者は省略するとすべての団体と管理者。主催者・支援担当は自団体のみ）',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId の形式が正しくありません' })
  organizationId?: string | null;

  @Field(() => StaffUserOrder, { defaultValue: StaffUserOrder.NAME })
  @QueryEnum(StaffUserOrder, { NAME: '氏名順', CREATED_AT: '登録順' })
  orderBy?: StaffUserOrder;
}

/** `staffUsers(organizationId, orderBy, first, after)`. */
@ArgsType()
export class StaffUsersArgs extends StaffUsersQuery {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
