import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Role, StaffActor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { allPages } from '../common/pagination/keyset-page';
import { StaffUsersQuery } from './dto/staff-users.args';
import { STAFF_ROLE_LABEL, StaffUserOrder } from './staff-accounts';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Controller('exports')
export class UsersExportController {
  constructor(private readonly users: UsersService) {}

  /** スタッフアカウント一覧, `?organizationId=…&orderBy=CREATED_AT` as in `staffUsers`, same access rule. */
  @Get('staff-users.csv')
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF)
  async exportStaffUsers(
    @CurrentActor() actor: StaffActor,
    @Query() { organizationId, orderBy }: StaffUsersQuery,
    @Res() response: Response,
  ): Promise<void> {
    const users = await allPages((page) =>
      this.users.list(actor, organizationId ?? null, orderBy ?? StaffUserOrder.NAME, page, (user) => user),
    );
    const csv = toCsv<User>(
      [
        { header: '氏名', value: (u) => u.name },
        { header: 'メールアドレス', value: (u) => u.email },
        { header: '役割', value: (u) => STAFF_ROLE_LABEL[u.role] },
        { header: '所属団体', value: (u) => u.organization?.name },
        { header: '状態', value: (u) => (u.deactivatedAt ? '利用停止' : '有効') },
        { header: '利用停止日時', value: (u) => u.deactivatedAt },
        { header: '登録日時', value: (u) => u.createdAt },
        { header: 'アカウントID', value: (u) => u.id },
      ],
      users,
    );
    sendCsv(response, 'スタッフアカウント一覧.csv', csv);
  }
}
