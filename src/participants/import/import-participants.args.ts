import { ArgsType } from '@nestjs/graphql';
import { CsvUploadArgs } from '../../common/csv/csv-upload';

/**
 * `importParticipants(csv)` as the public contract names it: the CSV as text, or instead the file's
 * bytes as Base64 (`fileBase64`, Shift_JIS allowed).
 */
@ArgsType()
export class ImportParticipantsArgs extends CsvUploadArgs {}
