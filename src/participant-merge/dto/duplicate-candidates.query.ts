import { IsBoolean, IsOptional } from 'class-validator';
import { QueryBoolean } from '../../common/validation/query-params';

/** `duplicate-candidates.csv?includeDistinct=true`. */
export class DuplicateCandidatesQuery {
  @QueryBoolean()
  @IsOptional()
  @IsBoolean()
  includeDistinct?: boolean;
}
