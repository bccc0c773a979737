import { Field, ObjectType } from '@nestjs/graphql';
import { jsicLabel } from '../../common/japan/jsic';
import { fieldSubject } from '../../common/validation/field-labels';
import { KIND_LABELS, LOCALE_LABEL, PARTICIPANT_COLUMNS } from '../import/participant-csv-columns';
import { industryNameFor } from '../industry-name';
import { Locale, PARTICIPANT_KIND_LABEL_EN, ParticipantKind } from '../participant-kind';
import { ProfileFieldChanges } from '../participant-profile-change.entity';
import { EMAIL_SUPPRESSED } from '../profile-changes';

@ObjectType('ProfileFieldChange', { description: '変更された項目と、変更前・変更後の値（表示用の文字列）' })
export class ProfileFieldChangeModel {
  @Field({ description: '項目（例: needs, company）' })
  field: string;

  @Field({
    description:
      '項目名（例: 求めること。参加者 CSV の列名と同じ）。言語設定が英語の参加者には英語（What you are looking for）',
  })
  label: string;

  @Field({ description: '変更前（空欄は空文字列。区分・言語・業種・はい/いいえは、読む人の言語で）' })
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

  @Field(() => String, {
    nullable: true,
    description:
      '変更した時点の事業者名（変更後のプロフィールの事業者名。事業者名のない方、および記録を始める前の変更では null）',
  })
  companyName: string | null;

  /** `locale` is the reader's: staff read Japanese, a participant whose locale is en English. */
  static from(
    row: {
      at: Date;
      byName: string | null;
      byOrganization: string | null;
      bySelf: boolean;
      changes: ProfileFieldChanges;
      companyName: string | null;
    },
    locale: 'ja' | 'en' = 'ja',
  ): ProfileChangeModel {
    const text = locale === 'en' ? asEnglishText : asText;
    return Object.assign(new ProfileChangeModel(), {
      at: row.at,
      byName: row.byName,
      byOrganization: row.byOrganization,
      bySelf: row.bySelf,
      companyName: row.companyName,
      fields: Object.entries(row.changes).map(([field, { before, after }]) =>
        Object.assign(new ProfileFieldChangeModel(), {
          field,
          label: locale === 'en' ? englishLabel(field) : (FIELD_LABEL.get(field) ?? field),
          before: text(field, before),
          after: text(field, after),
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

/** The fields an English error message does not name (it names the rest: fieldSubject). */
const FIELD_LABEL_EN: Record<string, string> = {
  email: 'Email address',
  tags: 'Tags',
  consentMatchmaking: 'Consent to matchmaking',
  consentEmail: 'Consent to emails',
  consentContactSharing: 'Consent to sharing contact details',
  company: 'Company name',
  mergedParticipant: 'Merged duplicate registration',
  [EMAIL_SUPPRESSED]: 'Emails stopped (address unreachable)',
};

function englishLabel(field: string): string {
  return FIELD_LABEL_EN[field] ?? fieldSubject(field, 'en');
}

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

/** The same for an English reader: the industry as their emails name it, Yes/No. */
function asEnglishText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field === 'kind') return PARTICIPANT_KIND_LABEL_EN[value as ParticipantKind] ?? String(value);
  if (field === 'locale')
    return value === Locale.en ? 'English' : value === Locale.ja ? 'Japanese' : String(value);
  if (field === 'company.industry') return industryNameFor(String(value), 'en') ?? '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}
