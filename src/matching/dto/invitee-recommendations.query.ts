import { IsInt, Max, Min } from 'class-validator';
import { QueryInteger } from '../../common/validation/query-params';
import { INVALID_FIRST_MESSAGE, MAX_INVITEE_RECOMMENDATIONS } from '../matching.errors';

/** `?first=50` of invitee-recommendations.csv, as `recommendInvitees` takes it (20 when absent). */
export class InviteeRecommendationsQuery {
  @QueryInteger()
  @IsInt({ message: INVALID_FIRST_MESSAGE })
  @Min(1, { message: INVALID_FIRST_MESSAGE })
  @Max(MAX_INVITEE_RECOMMENDATIONS, { message: INVALID_FIRST_MESSAGE })
  first: number = 20;
}
