import { QueryEnum } from '../../common/validation/query-params';
import { MINI_SALON_REQUEST_STATUS_LABEL, MiniSalonRequestStatus } from '../mini-salon-enums';

/** `?status=PENDING` of mini-salon-requests.csv, as in `miniSalonRequests`. */
export class MiniSalonRequestsExportQuery {
  @QueryEnum(MiniSalonRequestStatus, MINI_SALON_REQUEST_STATUS_LABEL)
  status?: MiniSalonRequestStatus;
}
