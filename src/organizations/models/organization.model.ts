import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Organization } from '../organization.entity';
import { OrganizationKind } from '../organization-kind';

@ObjectType('Organization', { description: '主催団体' })
export class OrganizationModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '英語の団体名（言語設定が英語の参加者向け）' })
  nameEn: string | null;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field()
  municipality: string;

  @Field(() => String, { nullable: true, description: '法人番号（13桁）' })
  corporateNumber: string | null;

  @Field(() => String, { nullable: true, description: '住所' })
  address: string | null;

  @Field(() => String, { nullable: true, description: '英語の住所（言語設定が英語の参加者向け）' })
  addressEn: string | null;

  @Field(() => String, { nullable: true, description: '問い合わせ先メールアドレス' })
  contactEmail: string | null;

  @Field(() => String, { nullable: true, description: '問い合わせ先電話番号' })
  contactPhone: string | null;

  static from(organization: Organization): OrganizationModel {
    return Object.assign(new OrganizationModel(), {
      id: organization.id,
      name: organization.name,
      nameEn: organization.nameEn,
      kind: organization.kind,
      municipality: organization.municipality,
      corporateNumber: organization.corporateNumber,
      address: organization.address,
      addressEn: organization.addressEn,
      contactEmail: organization.contactEmail,
      contactPhone: organization.contactPhone,
    });
  }
}
