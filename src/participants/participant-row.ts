import { normalizeFurigana } from '../common/japan/furigana';
import { parseJsic } from '../common/japan/jsic';
import { normalizeMunicipality } from '../common/japan/municipality';
import { normalizeTags } from '../common/japan/tags';
import { CompanyInput } from './dto/company.input';
import { ProfileFieldsInput } from './dto/profile-fields.input';
import { Participant } from './participant.entity';

/** Participant columns a write may set; `undefined` means "leave as it is". */
export type ParticipantColumns = Partial<
  Pick<
    Participant,
    | 'email'
    | 'name'
    | 'furigana'
    | 'title'
    | 'phone'
    | 'kind'
    | 'locale'
    | 'offers'
    | 'needs'
    | 'themes'
    | 'tags'
    | 'offersText'
    | 'needsText'
    | 'consentMatchmaking'
    | 'consentEmail'
    | 'consentContactSharing'
  >
>;

export interface CompanyColumns {
  name: string;
  corporateNumber: string | null;
  industry: string | null;
  municipality: string | null;
  employees: number | null;
  description: string;
}

/** A validated input turned into the columns we store: normalised text, tags and codes. */
export interface ParticipantRow {
  columns: ParticipantColumns;
  /** `undefined`: keep the company; `null`: detach it. */
  company: CompanyColumns | null | undefined;
}

type ProfileLike = ProfileFieldsInput & { email?: string; name?: string; furigana?: string; tags?: string[] };

export function toParticipantRow(input: ProfileLike): ParticipantRow {
  const columns: ParticipantColumns = {
    email: input.email?.trim().toLowerCase(),
    // Names are kept as typed (no NFKC): some compatibility ideographs in people's names would change.
    name: input.name?.trim(),
    furigana: input.furigana === undefined ? undefined : normalizeFurigana(input.furigana),
    title: input.title === undefined ? undefined : input.title?.trim() || null,
    phone: input.phone === undefined ? undefined : input.phone?.normalize('NFKC').trim() || null,
    kind: input.kind,
    locale: input.locale,
    offers: input.offers && normalizeTags(input.offers),
    needs: input.needs && normalizeTags(input.needs),
    themes: input.themes && normalizeTags(input.themes),
    tags: input.tags && normalizeTags(input.tags),
    offersText: input.offersText?.trim(),
    needsText: input.needsText?.trim(),
    consentMatchmaking: input.consentMatchmaking,
    consentEmail: input.consentEmail,
    consentContactSharing: input.consentContactSharing,
  };
  for (const key of Object.keys(columns) as (keyof ParticipantColumns)[]) {
    if (columns[key] === undefined) delete columns[key];
  }
  return {
    columns,
    company: input.company === undefined ? undefined : input.company && toCompanyColumns(input.company),
  };
}

function toCompanyColumns(company: CompanyInput): CompanyColumns {
  return {
    name: company.name.trim(),
    corporateNumber: company.corporateNumber || null,
    industry: company.industry ? (parseJsic(company.industry) ?? null) : null,
    municipality: company.municipality ? normalizeMunicipality(company.municipality) : null,
    employees: company.employees ?? null,
    description: company.description?.trim() ?? '',
  };
}
