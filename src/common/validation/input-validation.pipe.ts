import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { InputError } from '../errors/app-error';
import { fieldSubject } from './field-labels';
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
 *
 * And every text, in every argument, input field and form post: a NUL character (U+0000) is
 * refused here, naming the field, because Postgres cannot store one in text and refused the
 * statement, which came back as a 500 with the SQL in the log (test/nul-characters).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    // A page's form — the whole body of a form post, `@Body()` typed as a plain object — is checked
    // by sendLinkPage once it knows whose link it is, so that a refusal is the form's own page in
    // its reader's language (a form not behind a link checks its field itself: see isFormEmail).
    // GraphQL's arguments come as 'body' too, but each by its name or as an @ArgsType class.
    const pageForm = metadata.type === 'body' && metadata.data === undefined && type === Object;
    if (!pageForm)
      checkNoNul(
        value,
        (typeof value === 'string' || Array.isArray(value)) && typeof metadata.data === 'string'
          ? metadata.data
          : '',
        0,
        this.isValidatedClass(type) ? type.name : undefined,
      );
    this.checkIds(value, metadata.data);
    if (!type || !this.isValidatedClass(type) || value === null || value === undefined) return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false });
    const [first] = validationFailures(errors);
    if (first) {
      // A participant whose locale is en reads the English, where the rule has it (formatGraphqlError).
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

/**
 * Refuses a NUL anywhere in a text, in an argument (`title`) or inside one, by its path there
 * (`company.name`, `goals.0.label`), as the validation rules name fields. Only plain objects and
 * arrays are walked: the request or a Date is not input. In a text of several lines (a CSV given
 * as `csv`) the line is named too.
 */
export function checkNoNul(value: unknown, path: string, depth = 0, type?: string): void {
  if (typeof value === 'string') {
    const at = value.indexOf('\u0000');
    if (at < 0) return;
    const line = value.includes('\n') ? value.slice(0, at).split('\n').length : undefined;
    const field = path || 'input';
    throw new InputError(
      field,
      `${fieldSubject(field, 'ja', type)}に使えない文字（NUL, U+0000）が含まれています${line ? `（${line} 行目）` : ''}`,
    ).withEnglish(
      `${fieldSubject(field, 'en', type)} contains a character that cannot be used (NUL, U+0000)${line ? ` on line ${line}` : ''}.`,
    );
  }
  if (depth > 20 || value === null || typeof value !== 'object') return;
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkNoNul(item, at(index), depth + 1, type));
    return;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return;
  for (const [key, item] of Object.entries(value)) checkNoNul(item, at(key), depth + 1, type);
}
