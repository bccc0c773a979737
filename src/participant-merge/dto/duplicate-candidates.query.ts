import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { QueryBoolean } from '../../common/validation/query-params';

/** `duplicate-candidates.csv?includeDistinct=true&participantId=…`. */
export class DuplicateCandidatesQuery {
  @QueryBoolean()
  @IsOptional()
  @IsBoolean()
  includeDistinct?: boolean;

  @IsOptional()
  @IsUUID('all')
  participantId?: string;
}
