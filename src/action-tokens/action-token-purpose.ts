/** What a token may be used for; a token minted for one purpose is refused for any other. */
export const TokenPurpose = {
  INVITATION_RESPONSE: 'invitation-response',
  MAGIC_LINK: 'magic-link',
  UNSUBSCRIBE: 'unsubscribe',
} as const;
export type TokenPurpose = (typeof TokenPurpose)[keyof typeof TokenPurpose];
