import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { InputError } from '../errors/app-error';
import { validationFailures } from './validation-failures';

/**
 * Runs the class-validator rules of every input class and turns the first failure into
 * BAD_USER_INPUT naming the field by its path inside the input (`company.corporateNumber`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!type || !this.isValidatedClass(type) || value === null || value === undefined) return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false });
    const [first] = validationFailures(errors);
    if (first) throw new InputError(first[0], first[1]);
    return instance;
  }

  private isValidatedClass(type: unknown): type is new () => object {
    return (
      typeof type === 'function' && ![String, Boolean, Number, Array, Object, Date].includes(type as never)
    );
  }
}
