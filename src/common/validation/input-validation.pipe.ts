import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { InputError } from '../errors/app-error';
import { uuidArg } from './uuid';
import { validationFailures } from './validation-failures';

/** Arguments and route parameters that hold row ids: `id`, `eventId`, `participantIds`. */
const ID_NAME = /^(id|[a-z][A-Za-z0-9]*Id)$/;
const IDS_NAME = /^[a-z][A-Za-z0-9]*Ids$/;

/**
 * Runs the class-validator rules of every input class and turns the first failure into
 * BAD_USER_INPUT naming the field by its path inside the input (`company.corporateNumber`).
 *
 * It also checks every id argument (GraphQL `@Args('eventId')`, REST `@Param('eventId')`) by its
 * name, here in one place: every id in the schema is a uuid, and a malformed one would otherwise
 * reach Postgres and come back as a 500. test/id-arguments.e2e-spec.ts walks the schema so that a
 * new operation with an id argument under another name cannot slip past.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    this.checkIds(value, metadata.data);
    const type = metadata.metatype;
    if (!type || !this.isValidatedClass(type) || value === null || value === undefined) return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false });
    const [first] = validationFailures(errors);
    if (first) {
      // The filter shows the English to a participant whose locale is en, where the rule has it.
      const [, english] = validationFailures(errors, 'en')[0];
      const error = new InputError(first[0], first[1]);
      throw english ? error.withEnglish(english) : error;
    }
    return instance;
  }

  private checkIds(value: unknown, name: unknown): void {
    if (typeof name !== 'string' || value === null || value === undefined) return;
    if (ID_NAME.test(name)) uuidArg(name, value as string);
    if (IDS_NAME.test(name) && Array.isArray(value)) for (const id of value) uuidArg(name, id as string);
  }

  private isValidatedClass(type: unknown): type is new () => object {
    return (
      typeof type === 'function' && ![String, Boolean, Number, Array, Object, Date].includes(type as never)
    );
  }
}
