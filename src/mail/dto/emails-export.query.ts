import { IsOptional, IsUUID } from 'class-validator';
import { QueryEnum } from '../../common/validation/query-params';
import { OUTBOX_STATUS_LABEL, OutboxStatus } from '../outbox-status';

/** `?status=FAILED&batchId=…` of emails.csv: the ones to follow up by phone, one bulk send. */
export class EmailsExportQuery {
  @QueryEnum(OutboxStatus, OUTBOX_STATUS_LABEL)
  status?: OutboxStatus;

  @IsOptional()
  @IsUUID('all', { message: 'batchId の形式が正しくありません（UUID を指定してください）' })
  batchId?: string;
}
