import { Injectable } from '@nestjs/common';
import { addDays, tokyoDateOf } from '../common/time/calendar-date';
import { AppConfig } from '../config/app-config';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { FollowUp } from './follow-up.entity';
import { followUpDigestEmail } from './follow-up-digest.template';

export const FOLLOW_UP_DIGEST_TEMPLATE = 'follow-up-digest';

/**
 * A staff member's follow-ups due before `params.until`, read when the email leaves: one completed
 * in the meantime is left out, and nothing is sent if none is left.
 */
@Injectable()
export class FollowUpDigestComposer implements MailComposer {
  readonly template = FOLLOW_UP_DIGEST_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({ message, participant: staff, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const { until } = message.params;
    const followUps = await manager
      .createQueryBuilder(FollowUp, 'followUp')
      .leftJoinAndSelect('followUp.deal', 'deal')
      .leftJoinAndSelect('followUp.participant', 'participant')
      .leftJoinAndSelect('participant.company', 'company')
      .where('followUp.doneAt IS NULL')
      .andWhere('followUp.dueOn < :until', { until })
      .andWhere('coalesce(followUp.assignedToId, followUp.createdById) = :staff', { staff: staff.id })
      .orderBy('followUp.dueOn', 'ASC')
      .addOrderBy('followUp.id', 'ASC')
      .getMany();
    if (followUps.length === 0) return null;
    const today = tokyoDateOf(new Date());
    return followUpDigestEmail({
      staffName: staff.name,
      through: addDays(until, -1),
      items: followUps.map((followUp) => ({
        dueOn: followUp.dueOn,
        overdue: followUp.dueOn < today,
        subject: subjectOf(followUp),
        notes: followUp.notes,
      })),
      listUrl: `${this.config.PUBLIC_URL}/exports/follow-ups.csv?before=${until}`,
    });
  }
}

/** What the follow-up is about: the deal, or the participant and their company. */
function subjectOf(followUp: FollowUp): string {
  if (followUp.deal) return followUp.deal.title;
  const company = followUp.participant?.company?.name;
  return `${followUp.participant?.name ?? ''}${company ? `（${company}）` : ''}`;
}
