import type { MailLocale, OrganiserContact } from '../mail/templates/email-layout';
import { Organization } from './organization.entity';

/**
 * The organisation's name in the reader's language: the English one for an English reader, where
 * it has one; the Japanese name otherwise.
 */
export function organizationNameFor(
  organization: Pick<Organization, 'name' | 'nameEn'>,
  locale: MailLocale,
): string {
  return locale === 'en' && organization.nameEn ? organization.nameEn : organization.name;
}

/**
 * How to reach the organisation, for the footer of its emails: the postal address in the reader's
 * language (the English one for an English reader, where it has one; the Japanese one, as it is
 * written on an envelope, otherwise), its email and phone.
 */
export function organiserContactFor(
  organization: Pick<Organization, 'address' | 'addressEn' | 'contactEmail' | 'contactPhone'>,
  locale: MailLocale,
): OrganiserContact {
  return {
    address: locale === 'en' && organization.addressEn ? organization.addressEn : organization.address,
    email: organization.contactEmail,
    phone: organization.contactPhone,
  };
}
