import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff } from '../auth/access.decorators';
import { excelText, sendCsv, toCsv } from '../common/csv/csv-file';
import { Organization } from './organization.entity';
import { ORGANIZATION_KIND_LABEL } from './organization-kind';
import { OrganizationsService } from './organizations.service';

@Controller('exports')
export class OrganizationsExportController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** 主催団体の一覧, as the `organizations` query shows it to staff. */
  @Get('organizations.csv')
  @AllowStaff()
  async exportOrganizations(@Res() response: Response): Promise<void> {
    const csv = toCsv<Organization>(
      [
        { header: '団体名', value: (o) => o.name },
        { header: '種類', value: (o) => ORGANIZATION_KIND_LABEL[o.kind] },
        { header: '所在地', value: (o) => o.municipality },
        { header: '法人番号', value: (o) => excelText(o.corporateNumber) },
        { header: '英語の団体名', value: (o) => o.nameEn },
        { header: '登録日時', value: (o) => o.createdAt },
      ],
      await this.organizations.list(),
    );
    sendCsv(response, '主催団体一覧.csv', csv);
  }
}
