/**
 * Whether what a page's form sent looks like an email address (something@domain.tld, no spaces nor
 * control characters, at most `maxLength`): anything else is answered on the page, and nothing is
 * sent to it. A NUL character is refused here too, the form being left to its page (see
 * InputValidationPipe): Postgres cannot store one.
 */
export function isFormEmail(text: string, maxLength: number): boolean {
  return /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(text) && text.length <= maxLength;
}
