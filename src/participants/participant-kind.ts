import { registerEnumType } from '@nestjs/graphql';

export enum ParticipantKind {
  YOUNG_ENTREPRENEUR = 'YOUNG_ENTREPRENEUR',
  SUCCESSOR = 'SUCCESSOR',
  SME_OWNER = 'SME_OWNER',
  LARGE_COMPANY = 'LARGE_COMPANY',
  SUPPORT_AGENCY = 'SUPPORT_AGENCY',
  GOVERNMENT = 'GOVERNMENT',
  FINANCIAL_INSTITUTION = 'FINANCIAL_INSTITUTION',
  PROFESSIONAL = 'PROFESSIONAL',
  DESIGNER = 'DESIGNER',
  ACADEMIA = 'ACADEMIA',
  OTHER = 'OTHER',
}
registerEnumType(ParticipantKind, {
  name: 'ParticipantKind',
  description: '参加者の区分（若手経営者・後継者など）',
});

/** The kinds as an English-speaking participant reads them (their own profile's history). */
export const PARTICIPANT_KIND_LABEL_EN: Record<ParticipantKind, string> = {
  YOUNG_ENTREPRENEUR: 'Young entrepreneur',
  SUCCESSOR: 'Successor',
  SME_OWNER: 'SME owner',
  LARGE_COMPANY: 'Large company',
  SUPPORT_AGENCY: 'Support agency',
  GOVERNMENT: 'Government',
  FINANCIAL_INSTITUTION: 'Financial institution',
  PROFESSIONAL: 'Professional',
  DESIGNER: 'Designer',
  ACADEMIA: 'University or research institute',
  OTHER: 'Other',
};

export enum Locale {
  ja = 'ja',
  en = 'en',
}
registerEnumType(Locale, { name: 'Locale', description: 'メールや画面の言語' });

/** The language to write to someone in (emails, pages): their locale, Japanese when unknown. */
export function languageOf(person: { locale?: string | null } | null | undefined): 'ja' | 'en' {
  return person?.locale === Locale.en ? 'en' : 'ja';
}
