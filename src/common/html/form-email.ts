/**
 * Whether what a page's form sent looks like an email address (something@domain.tld, no spaces,
 * at most `maxLength`): anything else is answered on the page, and nothing is sent to it.
 */
export function isFormEmail(text: string, maxLength: number): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= maxLength;
}
