import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { StaffActor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { allPages } from '../common/pagination/keyset-page';
import { StaffUsersQuery } from './dto/staff-users.args';
import { STAFF_ROLE_LABEL, StaffUserOrder } from './staff-accounts';
import { UsersService } from './users.service';

@Controller('exports')
export class UsersExportController {
  constructor(private readonly users: UsersService) {}

  /** スタッフアカウント一覧, `?organizationId=…&orderBy=CREATED_AT` as in `staffUsers`, same access rule. */
  @Get('staff-users.csv')
  @AllowStaff()
  async exportStaffUsers(
    @CurrentActor() actor: StaffActor,
    @Query() { organizationId, orderBy }: StaffUsersQuery,
    @Res() response: Response,
  ): Promise<void> {
    const users = await allPages((page) =>
      this.users.list(actor, organizationId ?? null, orderBy ?? StaffUserOrder.NAME, page, (user) => user),
    );
    const [openFollowUps, pendingEmails] = await Promise.all([
      Promise.all(users.map((user) => this.users.openFollowUps(user.id))),
      Promise.all(users.map((user) => this.users.pendingEmail(user.id))),
    ]);
    const rows = users.map((user, i) => ({
      user,
      openFollowUps: openFollowUps[i],
      pendingEmail: pendingEmails[i],
    }));
    const csv = toCsv<(typeof rows)[number]>(
      [
        { header: '氏名', value: ({ user }) => user.name },
        { header: 'メールアドレス', value: ({ user }) => user.email },
        // As `pendingEmail` in staffUsers (empty when none): until it confirms, メールアドレス is the login.
        { header: '変更確認中のメールアドレス', value: (row) => row.pendingEmail },
        { header: '役割', value: ({ user }) => STAFF_ROLE_LABEL[user.role] },
        { header: '所属団体', value: ({ user }) => user.organization?.name },
        { header: '状態', value: ({ user }) => (user.deactivatedAt ? '利用停止' : '有効') },
        { header: '利用停止日時', value: ({ user }) => user.deactivatedAt },
        { header: '未完了フォローアップ', value: (row) => row.openFollowUps },
        { header: '登録日時', value: ({ user }) => user.createdAt },
        { header: 'アカウントID', value: ({ user }) => user.id },
      ],
      rows,
    );
    sendCsv(response, 'スタッフアカウント一覧.csv', csv);
  }
}
