import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, tokyoDateOf } from '../common/time/calendar-date';
import { OutboxService } from '../mail/outbox.service';
import { FOLLOW_UP_DIGEST_TEMPLATE } from './follow-up-digest.composer';
import { responsibleUserSql, waitingForHandOverSql } from './follow-up-responsible';

/** How far ahead the weekly list looks. */
const DIGEST_DAYS = 7;

/**
 * The weekly email to each 支援担当 with open follow-ups due within the week (overdue ones
 * included): to the assignee, or to whoever scheduled it when nobody is assigned, unless that
 * account is deactivated. Those of a deactivated (or deleted) account go to the active 主催者 of
 * their organisation instead, marked 引き継ぎ待ち, until someone takes them over. One email per
 * person per day (the outbox key), so a second scan the same day sends nothing new.
 */
@Injectable()
export class FollowUpDigestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async writeDigests(now = new Date()): Promise<{ staff: number; written: number }> {
    const today = tokyoDateOf(now);
    const until = addDays(today, DIGEST_DAYS);
    return this.dataSource.transaction(async (manager) => {
      // A deactivated account gets no more work mail; its follow-ups are still in followUpsDue
      // for its colleagues, marked, and its organisation's organizers are told they wait.
      const staff: { user_id: string }[] = await manager.query(
        `SELECT u.id AS user_id
           FROM follow_ups f
           JOIN users u ON u.id = ${responsibleUserSql('f')}
          WHERE f.done_at IS NULL AND f.due_on < $1 AND u.deactivated_at IS NULL
         UNION
         SELECT o.id
           FROM follow_ups f
           JOIN users o ON o.organization_id = f.organization_id AND o.role = 'ORGANIZER' AND o.deactivated_at IS NULL
          WHERE f.done_at IS NULL AND f.due_on < $1 AND ${waitingForHandOverSql('f')}
          ORDER BY 1`,
        [until],
      );
      const result = await this.outbox.enqueue(
        manager,
        staff.map(({ user_id: userId }) => ({
          key: `follow-ups-due-${userId}-${today}`,
          template: FOLLOW_UP_DIGEST_TEMPLATE,
          userId,
          params: { until },
        })),
      );
      return { staff: staff.length, written: result.written.length };
    });
  }
}
