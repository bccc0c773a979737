import { InputError } from '../common/errors/app-error';
import { TokenPurpose } from './action-token-purpose';

export enum ActionTokenErrorCode {
  INVALID = 'ACTION_TOKEN_INVALID',
  EXPIRED = 'ACTION_TOKEN_EXPIRED',
  USED = 'ACTION_TOKEN_USED',
  REPLACED = 'ACTION_TOKEN_REPLACED',
  PROFILES_MERGED = 'ACTION_TOKEN_PROFILES_MERGED',
}

/** What a page says first to someone whose two profiles staff merged (名寄せ); the English goes on. */
export const PROFILES_JOINED = '2つのご登録は、同じ方のものとしてひとつにまとめられました。';
export const PROFILES_JOINED_EN = 'Your two registrations with us have been joined into one';

/** What to do instead, by what the link was for; the address now on file is not named (see `merged`). */
const AFTER_MERGE: Partial<Record<TokenPurpose, [string, string]>> = {
  [TokenPurpose.MAGIC_LINK]: [
    'このリンクではサインインできません。お手数ですが、現在ご登録のメールアドレスで、サインインのリンクをもう一度お求めください',
    ', so this sign-in link no longer works. Please ask for a new sign-in link with the email address now on file.',
  ],
  [TokenPurpose.EVENT_APPLICATION]: [
    'このリンクでは申込を確定できません。お手数ですが、イベントのページから、現在ご登録のメールアドレスでもう一度お申し込みください',
    ', so this link can no longer confirm your application. Please apply again from the event page with the email address now on file.',
  ],
};
const AFTER_MERGE_OTHERWISE: [string, string] = [
  'このリンクの内容は、まとめたご登録にはあてはまりません。現在ご登録のメールアドレスでサインインして、ご確認ください',
  ', and what this link offered does not apply to the joined registration. Please sign in with the email address now on file to see where things stand.',
];

export const ActionTokenErrors = {
  invalid: () =>
    new InputError(
      'token',
      'このリンクは無効です。メールのリンクをもう一度ご確認ください',
      ActionTokenErrorCode.INVALID,
    ).withEnglish('This link is not valid. Please check the link in your email.'),
  expired: () =>
    new InputError('token', 'このリンクは有効期限が切れています', ActionTokenErrorCode.EXPIRED).withEnglish(
      'This link has expired.',
    ),
  /**
   * A link ended because a newer email took its place (ActionTokensService.replace): the reader is
   * to use that one. Nothing went wrong, and the link did not simply run out.
   */
  replaced: () =>
    new InputError(
      'token',
      'このリンクは新しいご案内メールに置き換わりました。最新のメールのリンクをご利用ください',
      ActionTokenErrorCode.REPLACED,
    )
      .withEnglish(
        'This link was replaced by a newer email from us. Please use the link in the latest email.',
      )
      .titled('新しいご案内メールをご確認ください', 'Please see our latest email'),
  used: () =>
    new InputError('token', 'このリンクはすでに使用されています', ActionTokenErrorCode.USED).withEnglish(
      'This link has already been used.',
    ),
  /**
   * A link sent to a profile that staff have since merged into another (名寄せ), which cannot act
   * for the profile that stays. The page names neither address: whoever holds the link may not be
   * the one the kept profile's address belongs to.
   */
  merged: (purpose: TokenPurpose) => {
    const [japanese, english] = AFTER_MERGE[purpose] ?? AFTER_MERGE_OTHERWISE;
    return new InputError(
      'token',
      `${PROFILES_JOINED}${japanese}`,
      ActionTokenErrorCode.PROFILES_MERGED,
    ).withEnglish(`${PROFILES_JOINED_EN}${english}`);
  },
};
