import { plainToInstance } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength, Min, ValidateNested, IsInt } from 'class-validator';
import { Type } from 'class-transformer';
import { validate } from 'class-validator';
import { RequiredText } from './required-text';
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
}

const failures = async (plain: object) =>
  validationFailures(await validate(plainToInstance(EventShape, plain)));

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
});
