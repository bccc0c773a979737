import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Company } from '../company.entity';

/** `industryName` is resolved for its reader (CompanyResolver). */
@ObjectType('Company', { description: '事業者' })
export class CompanyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '法人番号' })
  corporateNumber: string | null;

  @Field(() => String, { nullable: true, description: 'JSIC 大分類コード（A〜T）' })
  industry: string | null;

  @Field(() => String, { nullable: true })
  municipality: string | null;

  @Field(() => Int, { nullable: true })
  employees: number | null;

  @Field()
  description: string;

  static from(company: Company): CompanyModel {
    return Object.assign(new CompanyModel(), {
      id: company.id,
      name: company.name,
      corporateNumber: company.corporateNumber,
      industry: company.industry,
      municipality: company.municipality,
      employees: company.employees,
      description: company.description,
    });
  }
}
