import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role } from '../auth/actor';
import { addDays, tokyoDateOf } from '../common/time/calendar-date';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
import { FollowUp } from './follow-up.entity';
import { responsibleFor, responsibleUserSql, waitingForHandOverSql } from './follow-up-responsible';
import { followUpDigestEmail } from './follow-up-digest.template';

export const FOLLOW_UP_DIGEST_TEMPLATE = 'follow-up-digest';

/**
 * A staff member's follow-ups due before `params.until`, read when the email leaves: one completed
 * in the meantime is left out, and nothing is sent if none is left. An organizer also gets those of
 * their organisation whose responsible account is switched off (引き継ぎ待ち).
 */
@Injectable()
export class FollowUpDigestComposer implements MailComposer {
  readonly template = FOLLOW_UP_DIGEST_TEMPLATE;

  constructor(composers: MailComposers) {
    composers.register(this);
  }

  async compose({ message, participant: staff, manager }: ComposeInput): Promise<ComposedEmail | null> {
    const { until } = message.params;
    const user = await manager.findOne(User, { where: { id: staff.id }, relations: { organization: true } });
    const own = await dueBefore(manager, until)
      .andWhere(`${responsibleUserSql('"followUp"')} = :staff`, { staff: staff.id })
      .getMany();
    // An organizer also hears of their organisation's follow-ups waiting for a hand-over.
    const organizationId = user?.role === Role.ORGANIZER ? user.organizationId : null;
    const waiting = organizationId
      ? await dueBefore(manager, until)
          .leftJoinAndSelect('followUp.assignedTo', 'assignedTo')
          .leftJoinAndSelect('followUp.createdBy', 'createdBy')
          .andWhere('followUp.organizationId = :organizationId', { organizationId })
          .andWhere(waitingForHandOverSql('"followUp"'))
          .getMany()
      : [];
    if (own.length === 0 && waiting.length === 0) return null;
    const waitingTotal =
      organizationId && waiting.length > 0
        ? await manager
            .createQueryBuilder(FollowUp, 'followUp')
            .where('followUp.doneAt IS NULL')
            .andWhere('followUp.organizationId = :organizationId', { organizationId })
            .andWhere(waitingForHandOverSql('"followUp"'))
            .getCount()
        : 0;
    const today = tokyoDateOf(new Date());
    const item = (followUp: FollowUp, handOverFrom: string | null) => ({
      dueOn: followUp.dueOn,
      overdue: followUp.dueOn < today,
      subject: subjectOf(followUp),
      notes: followUp.notes,
      handOverFrom,
    });
    return followUpDigestEmail({
      staffName: staff.name,
      organization: user?.organization?.name ?? 'Tsunagu',
      through: addDays(until, -1),
      before: until,
      waitingTotal,
      items: [
        ...own.map((followUp) => item(followUp, null)),
        // A deleted account leaves no name: 不明.
        ...waiting.map((followUp) => item(followUp, responsibleFor(followUp)?.name ?? '不明')),
      ].sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    });
  }
}

/** Open follow-ups due before `until` with what their line in the email names, earliest first. */
function dueBefore(manager: EntityManager, until: string) {
  return manager
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
    .orderBy('followUp.dueOn', 'ASC')
    .addOrderBy('followUp.id', 'ASC');
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
