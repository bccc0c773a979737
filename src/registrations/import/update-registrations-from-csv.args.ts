import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CsvUploadArgs } from '../../common/csv/csv-upload';

/** `updateRegistrationsFromCsv(eventId, csv | fileBase64)`: the file taken as importParticipants takes it. */
@ArgsType()
export class UpdateRegistrationsFromCsvArgs extends CsvUploadArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId の形式が正しくありません' })
  eventId: string;
}
