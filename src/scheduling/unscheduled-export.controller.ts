import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { personColumns } from '../participants/person-csv-columns';
import { SchedulingService, UnscheduledWithParties } from './scheduling.service';

/** 配置できなかった面談申込 of one scheduling run, with both parties by name, for staff to follow up. */
@Controller('exports/scheduling-runs')
export class UnscheduledExportController {
  constructor(private readonly scheduling: SchedulingService) {}

  @Get(':runId/unscheduled.csv')
  @AllowStaff()
  async exportUnscheduled(
    @CurrentActor() actor: Actor,
    @Param('runId') runId: string,
    @Res() response: Response,
  ): Promise<void> {
    const entries = await this.scheduling.unscheduledWithParties(actor, runId);
    const csv = toCsv<UnscheduledWithParties>(
      [
        ...personColumns<UnscheduledWithParties>((u) => u.participantA, ['name', 'company'], { suffix: 'A' }),
        ...personColumns<UnscheduledWithParties>((u) => u.participantB, ['name', 'company'], { suffix: 'B' }),
        { header: '理由', value: (u) => u.reason },
        { header: '理由コード', value: (u) => u.code },
        { header: '申込ID', value: (u) => u.requestId },
      ],
      entries,
    );
    sendCsv(response, `配置できなかった面談申込_${runId}.csv`, csv);
  }
}
