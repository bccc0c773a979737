import { EntityManager } from 'typeorm';
import { EventStatus } from '../events/event-enums';
import { Organization } from './organization.entity';
import { OrganizationErrors, PromotionalMail } from './organizations.errors';

/**
 * Whether the organisation has a contact point for the emails of its events: an email address
 * (their Reply-To, and the footer's お問い合わせ) or a phone number. 特定電子メール法 asks a sender of
 * promotional mail for one, and an invitee past the 申込締切 is told to ask the organiser by it.
 */
export function hasOrganizerContact(
  organization: Pick<Organization, 'contactEmail' | 'contactPhone'>,
): boolean {
  return Boolean(organization.contactEmail?.trim() || organization.contactPhone?.trim());
}

/**
 * The event's organiser, before staff start sending promotional mail for the event (`mail`):
 * refused, with nothing written, while it has no contact point. Read under a share lock held to
 * the caller's commit, so that an admin's edit removing the contact (which locks the row, see
 * OrganizationsService.updateContact) waits for these emails and then sees them.
 */
export async function requireOrganizerContact(
  manager: EntityManager,
  organizationId: string,
  mail: PromotionalMail,
): Promise<Organization> {
  const organization = await manager.findOneOrFail(Organization, {
    where: { id: organizationId },
    lock: { mode: 'pessimistic_read' },
  });
  if (!hasOrganizerContact(organization)) throw OrganizationErrors.contactMissing(organization, mail);
  return organization;
}

/**
 * The templates of the promotional mail an organiser sends for its events: invitations, the
 * 申込締切のお知らせ to invitees, and おすすめ digests. Spelled out, as in mail-labels.ts, rather than
 * imported: the features' composers depend on this folder.
 */
export const PROMOTIONAL_TEMPLATES = ['invitation', 'invitation-deadline', 'suggestion-digest'] as const;

/**
 * The organisation's events still to come (draft or published, not ended) with promotional mail
 * that went out or waits to: their invitees are told to ask the organiser by its contact, and the
 * emails waiting show it when they leave. Titles in the order the events come, at most `limit`,
 * and how many there are.
 */
export async function eventsWithPromotionalMail(
  manager: EntityManager,
  organizationId: string,
  limit: number,
): Promise<{ titles: string[]; count: number }> {
  const rows: { title: string; count: number }[] = await manager.query(
    `SELECT e.title, count(*) OVER ()::int AS count
       FROM events e
      WHERE e.organization_id = $1 AND e.status = ANY($4::event_status[]) AND e.ends_at > now()
        AND EXISTS (SELECT 1 FROM outbox_messages o
                     WHERE o.event_id = e.id AND o.template = ANY($2::varchar[])
                       AND o.status IN ('PENDING', 'SENDING', 'SENT'))
      ORDER BY e.starts_at, e.id
      LIMIT $3`,
    [organizationId, PROMOTIONAL_TEMPLATES, limit, [EventStatus.DRAFT, EventStatus.PUBLISHED]],
  );
  return { titles: rows.map((row) => row.title), count: rows[0]?.count ?? 0 };
}
