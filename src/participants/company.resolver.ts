import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/access.decorators';
import { Actor, readerLocale } from '../auth/actor';
import { industryNameFor } from './industry-name';
import { CompanyModel } from './models/company.model';

/**
 * A company is shown wherever a participant is (me, mySuggestions, myAgenda, a registration…):
 * the field reads the reader from the request once, rather than each of those passing it down.
 */
@Resolver(() => CompanyModel)
export class CompanyResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: '業種名（例: 製造業。言語設定が英語の参加者には英語: manufacturing）',
  })
  industryName(@CurrentActor() actor: Actor | undefined, @Parent() company: CompanyModel): string | null {
    return industryNameFor(company.industry, readerLocale(actor));
  }
}
