import { EntityManager } from 'typeorm';
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
