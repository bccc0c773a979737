import { QueryEnum } from '../../common/validation/query-params';
import { MEETING_REQUEST_STATUS_LABEL, MeetingRequestStatus } from '../meeting-enums';

/** `?status=PENDING` of meeting-requests.csv. */
export class MeetingRequestsExportQuery {
  @QueryEnum(MeetingRequestStatus, MEETING_REQUEST_STATUS_LABEL)
  status?: MeetingRequestStatus;
}
