import { plainToInstance } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength, Min, ValidateNested, IsInt } from 'class-validator';
import { Type } from 'class-transformer';
import { validate } from 'class-validator';
import { Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { IsMunicipality } from '../japan/japan.validators';
import { IsCalendarDate } from '../time/calendar-date';
import { RequiredText } from './required-text';

/** A rule with only a Japanese message, as a feature might declare one. */
@ValidatorConstraint({ name: 'alwaysRefused' })
class AlwaysRefused implements ValidatorConstraintInterface {
  validate() {
    return false;
  }
  defaultMessage() {
    return '使えない値です';
  }
}
import { validationFailures } from './validation-failures';

class CompanyShape {
  @RequiredText('事業者名')
  @MaxLength(200)
  name: string;
}

class EventShape {
  @IsOptional()
  @MaxLength(5)
  title?: string;

  @IsOptional()
  @ArrayMaxSize(2)
  themes?: string[];

  @IsOptional()
  @IsUUID('all')
  eventId?: string;

  @IsOptional()
  @IsInt()
  @Min(1, { message: '定員は1名以上にしてください' })
  capacity?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyShape)
  company?: CompanyShape;

  @IsOptional()
  @IsMunicipality()
  municipality?: string;

  @IsOptional()
  @IsCalendarDate()
  day?: string;

  @IsOptional()
  @Validate(AlwaysRefused)
  code?: string;
}

const failures = async (plain: object) =>
  validationFailures(await validate(plainToInstance(EventShape, plain)));
const english = async (plain: object) =>
  validationFailures(await validate(plainToInstance(EventShape, plain)), 'en');

describe('validationFailures', () => {
  it('gives Japanese messages naming the field for rules declared without one', async () => {
    expect(await failures({ title: '事業承継セミナー' })).toEqual([
      ['title', 'タイトルは 5 文字以内で入力してください'],
    ]);
    expect(await failures({ themes: ['a', 'b', 'c'] })).toEqual([
      ['themes', 'テーマは 2 件までにしてください'],
    ]);
    expect(await failures({ eventId: 'abc' })).toEqual([
      ['eventId', 'イベントIDの形式が正しくありません（UUID を指定してください）'],
    ]);
  });

  it("keeps a rule's own Japanese message", async () => {
    expect(await failures({ capacity: 0 })).toEqual([['capacity', '定員は1名以上にしてください']]);
  });

  it('says a blank required field is missing, not too long', async () => {
    expect(await failures({ company: { name: '' } })).toEqual([
      ['company.name', '事業者名を入力してください'],
    ]);
    expect(await failures({ company: {} })).toEqual([['company.name', '事業者名を入力してください']]);
  });

  it('gives English for a participant whose locale is en: a rule’s own, else one naming the field', async () => {
    expect(await english({ capacity: 0 })).toEqual([['capacity', 'capacity must be 1 or more.']]);
    expect(await english({ themes: ['a', 'b', 'c'] })).toEqual([
      ['themes', 'Themes can have at most 2 items.'],
    ]);
    expect(await english({ company: { name: ' ' } })).toEqual([
      ['company.name', 'Company name cannot be empty.'],
    ]);
    expect(await english({ municipality: 'London' })).toEqual([
      [
        'municipality',
        'Location must be a prefecture followed by a city, ward, town or village, in Japanese (e.g. 東京都葛飾区).',
      ],
    ]);
    expect(await english({ municipality: '東京都架空市' })).toEqual([
      [
        'municipality',
        'Location: no municipality called "東京都架空市" was found. Please enter the prefecture followed by the city, ward, town or village in Japanese (e.g. 東京都葛飾区).',
      ],
    ]);
    expect(await english({ day: '2026-02-30' })).toEqual([
      ['day', 'Please give a real date between 2000 and 2100 as YYYY-MM-DD.'],
    ]);
  });

  it('has no English for a rule that says nothing in English', async () => {
    expect(await english({ code: 'x' })).toEqual([['code', undefined]]);
  });
});
