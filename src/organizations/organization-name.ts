import type { MailLocale } from '../mail/templates/email-layout';
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
