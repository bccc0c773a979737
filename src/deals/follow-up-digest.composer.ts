import { Injectable } from '@nestjs/common';
import { addDays, tokyoDateOf } from '../common/time/calendar-date';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
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

  constructor(composers: MailComposers) {
    composers.register(this);
  }

  async compose({ message, participant: staff, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const { until } = message.params;
    const followUps = await manager
      .createQueryBuilder(FollowUp, 'followUp')
      .leftJoinAndSelect('followUp.deal', 'deal')
      .leftJoinAndSelect('deal.participantA', 'participantA')
      .leftJoinAndSelect('participantA.company', 'companyA')
      .leftJoinAndSelect('deal.participantB', 'participantB')
      .leftJoinAndSelect('participantB.company', 'companyB')
      .leftJoinAndSelect('followUp.participant', 'participant')
      .leftJoinAndSelect('participant.company', 'company')
      .where('followUp.doneAt IS NULL')
      .andWhere('followUp.dueOn < :until', { until })
      .andWhere('coalesce(followUp.assignedToId, followUp.createdById) = :staff', { staff: staff.id })
      .orderBy('followUp.dueOn', 'ASC')
      .addOrderBy('followUp.id', 'ASC')
      .getMany();
    if (followUps.length === 0) return null;
    const user = await manager.findOne(User, { where: { id: staff.id }, relations: { organization: true } });
    const today = tokyoDateOf(new Date());
    return followUpDigestEmail({
      staffName: staff.name,
      organization: user?.organization?.name ?? 'Tsunagu',
      through: addDays(until, -1),
      before: until,
      items: followUps.map((followUp) => ({
        dueOn: followUp.dueOn,
        overdue: followUp.dueOn < today,
        subject: subjectOf(followUp),
        notes: followUp.notes,
      })),
    });
  }
}

/**
 * What the follow-up is about: the deal and who it is between (「試作品の共同開発（﨑山製作所 ×
 * 青戸デザイン）」), or the participant and their company.
 */
function subjectOf(followUp: FollowUp): string {
  const { deal } = followUp;
  if (deal) {
    const parties = [deal.participantA, deal.participantB]
      .filter((party): party is Participant => party !== null && party !== undefined)
      .map(partyName);
    return parties.length ? `${deal.title}（${parties.join(' × ')}）` : deal.title;
  }
  return followUp.participant ? personWithCompany(followUp.participant) : '';
}

/** A deal's party: their company, or the person when they have none. */
function partyName(participant: Participant): string {
  return participant.company?.name ?? participant.name;
}

function personWithCompany(participant: Participant): string {
  const company = participant.company?.name;
  return `${participant.name}${company ? `（${company}）` : ''}`;
}
