import { QueryEnum } from '../../common/validation/query-params';
import { RegistrationStatus } from '../registration-enums';
import { REGISTRATION_STATUS_LABEL } from '../registration-labels';

/** `?status=REGISTERED` of registrations.csv, as the `registrations` query filters. */
export class RegistrationsExportQuery {
  @QueryEnum(RegistrationStatus, REGISTRATION_STATUS_LABEL)
  status?: RegistrationStatus;
}
