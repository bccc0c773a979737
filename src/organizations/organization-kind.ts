import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  FINANCE_OFFICE = 'FINANCE_OFFICE',
  CHAMBER_OF_COMMERCE = 'CHAMBER_OF_COMMERCE',
  MUNICIPALITY = 'MUNICIPALITY',
  SUPPORT_AGENCY = 'SUPPORT_AGENCY',
  FINANCIAL_INSTITUTION = 'FINANCIAL_INSTITUTION',
  BUSINESS_GROUP = 'BUSINESS_GROUP',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '主催団体の種類（財務事務所・商工会議所・自治体・支援機関・金融機関・事業者団体・その他）',
});

/** How staff name each kind (CSV, pages). */
export const ORGANIZATION_KIND_LABEL: Record<OrganizationKind, string> = {
  [OrganizationKind.FINANCE_OFFICE]: '財務事務所',
  [OrganizationKind.CHAMBER_OF_COMMERCE]: '商工会議所・商工会',
  [OrganizationKind.MUNICIPALITY]: '自治体',
  [OrganizationKind.SUPPORT_AGENCY]: '支援機関',
  [OrganizationKind.FINANCIAL_INSTITUTION]: '金融機関',
  [OrganizationKind.BUSINESS_GROUP]: '事業者団体',
  [OrganizationKind.OTHER]: 'その他',
};
