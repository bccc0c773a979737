import { Field, ObjectType } from '@nestjs/graphql';
import { jsicLabel } from '../../common/japan/jsic';
import { KIND_LABELS, LOCALE_LABEL, PARTICIPANT_COLUMNS } from '../import/participant-csv-columns';
import { Locale, ParticipantKind } from '../participant-kind';
import { ProfileFieldChanges } from '../participant-profile-change.entity';
import { EMAIL_SUPPRESSED } from '../profile-changes';

@ObjectType('ProfileFieldChange', { description: '変更された項目と、変更前・変更後の値（表示用の文字列）' })
export class ProfileFieldChangeModel {
  @Field({ description: '項目（例: needs, company）' })
  field: string;

  @Field({ description: '項目名（例: 求めること。参加者 CSV の列名と同じ）' })
  label: string;

  @Field({ description: '変更前（空欄は空文字列）' })
  before: string;

  @Field({ description: '変更後（空欄は空文字列）' })
  after: string;
}

@ObjectType('ProfileChange', { description: 'プロフィールの変更履歴の1件（いつ・誰が・何を）' })
export class ProfileChangeModel {
  @Field(() => Date)
  at: Date;

  @Field(() => String, {
    nullable: true,
    description:
      '変更したスタッフの氏名（本人の変更、およびサービス自身の変更（宛先不明による送信停止など）では null）',
  })
  byName: string | null;

  @Field(() => String, { nullable: true, description: '変更したスタッフの所属団体（管理者は null）' })
  byOrganization: string | null;

  @Field({ description: '本人が自分のプロフィールを変更した' })
  bySelf: boolean;

  @Field(() => [ProfileFieldChangeModel])
  fields: ProfileFieldChangeModel[];

  static from(row: {
    at: Date;
    byName: string | null;
    byOrganization: string | null;
    bySelf: boolean;
    changes: ProfileFieldChanges;
  }): ProfileChangeModel {
    return Object.assign(new ProfileChangeModel(), {
      at: row.at,
      byName: row.byName,
      byOrganization: row.byOrganization,
      bySelf: row.bySelf,
      fields: Object.entries(row.changes).map(([field, { before, after }]) =>
        Object.assign(new ProfileFieldChangeModel(), {
          field,
          label: FIELD_LABEL.get(field) ?? field,
          before: asText(field, before),
          after: asText(field, after),
        }),
      ),
    });
  }
}

const FIELD_LABEL = new Map<string, string>([
  ...PARTICIPANT_COLUMNS.map((column) => [column.field, column.headers[0]] as [string, string]),
  ['company', '事業者名'],
  ['mergedParticipant', '統合した重複登録'],
  [EMAIL_SUPPRESSED, 'メール不達による送信停止'],
]);

/** A stored value as the participant CSV writes it: labels for codes (業種 too), 、 between tags, はい/いいえ. */
function asText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field === 'kind') return KIND_LABELS[value as ParticipantKind]?.[0] ?? String(value);
  if (field === 'locale') return LOCALE_LABEL[value as Locale] ?? String(value);
  if (field === 'company.industry') return jsicLabel(String(value));
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  return String(value);
}
