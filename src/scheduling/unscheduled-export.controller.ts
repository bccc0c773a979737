import { Controller, Get, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, Role } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { Participant } from '../participants/participant.entity';
import { UnscheduledEntry } from './scheduling-run.entity';
import { SchedulingService } from './scheduling.service';

/** 配置できなかった面談申込 of one scheduling run, with both parties by name, for staff to follow up. */
@Controller('exports/scheduling-runs')
export class UnscheduledExportController {
  constructor(
    private readonly scheduling: SchedulingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get(':runId/unscheduled.csv')
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF)
  async exportUnscheduled(
    @CurrentActor() actor: Actor,
    @Param('runId') runId: string,
    @Res() response: Response,
  ): Promise<void> {
    const run = await this.scheduling.get(actor, runId);
    const ids = [
      ...new Set(run.unscheduled.flatMap((entry) => [entry.participantAId, entry.participantBId])),
    ];
    // The run stores ids only; one query names everyone in it.
    const people = new Map(
      (
        await this.dataSource
          .getRepository(Participant)
          .find({ where: { id: In(ids) }, relations: { company: true } })
      ).map((participant) => [participant.id, participant]),
    );
    const csv = toCsv<UnscheduledEntry>(
      [
        { header: '参加者A', value: (u) => people.get(u.participantAId)?.name },
        { header: '事業者A', value: (u) => people.get(u.participantAId)?.company?.name },
        { header: '参加者B', value: (u) => people.get(u.participantBId)?.name },
        { header: '事業者B', value: (u) => people.get(u.participantBId)?.company?.name },
        { header: '理由', value: (u) => u.reason },
        { header: '理由コード', value: (u) => u.code },
        { header: '申込ID', value: (u) => u.requestId },
      ],
      run.unscheduled,
    );
    sendCsv(response, `配置できなかった面談申込_${runId}.csv`, csv);
  }
}
