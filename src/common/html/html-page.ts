import type { Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { englishMessage } from '../errors/english-fallback';
import { checkNoNul } from '../validation/input-validation.pipe';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

export interface PageContent {
  lang: 'ja' | 'en';
  title: string;
  /** Already-escaped HTML. */
  body: string;
}

/**
 * A small, self-contained page (no scripts, no external assets) for the links in emails:
 * confirmation forms and their results, readable on a phone.
 */
export function renderPage({ lang, title, body }: PageContent): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;margin:0;padding:24px 16px;background:#f6f7f9;color:#1f2933;line-height:1.7}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.25rem;margin:0 0 16px}
button{font-size:1rem;padding:12px 24px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#6b7280}
code{word-break:break-all;background:#f1f5f9;padding:2px 4px}
</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}

/** A one-button form that POSTs back to `action`: GET shows it, only the POST acts. */
export function postButton(action: string, label: string, fields: Record<string, string> = {}): string {
  return `<form method="post" action="${escapeHtml(action)}">${hiddenFields(fields)}<button type="submit">${escapeHtml(label)}</button></form>`;
}

/** postButton with a free-text box above the button, posted as `message` (a note to the other person). */
export function postButtonWithMessage(
  action: string,
  label: string,
  fields: Record<string, string>,
  message: { label: string; placeholder: string; maxLength: number },
): string {
  return [
    `<form method="post" action="${escapeHtml(action)}">${hiddenFields(fields)}`,
    `<p><label for="message">${escapeHtml(message.label)}</label><br>`,
    `<textarea id="message" name="message" rows="4" maxlength="${message.maxLength}" style="width:100%;box-sizing:border-box;font:inherit" placeholder="${escapeHtml(message.placeholder)}"></textarea></p>`,
    `<button type="submit">${escapeHtml(label)}</button>`,
    `</form>`,
  ].join('\n');
}

/** An email address box, full width on a phone, posted as `email`. */
export function emailField(label: string): string {
  return `<p><label>${escapeHtml(label)}<br><input type="email" name="email" required maxlength="254" autocomplete="email" style="width:100%;box-sizing:border-box;font:inherit;padding:8px"></label></p>`;
}

function hiddenFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

const ERROR_STATUS: Record<string, number> = { CONFLICT: 409, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * The language of a page shown before we know whose link it is (an unknown or expired token):
 * the browser's preference between the two we write, Japanese when it has none.
 */
export function browserLocale(request: Request): 'ja' | 'en' {
  return request.acceptsLanguages('ja', 'en') === 'en' ? 'en' : 'ja';
}

/**
 * The page a link shows when it cannot act (expired token, already answered, …): the AppError's
 * own message, in the page's language (its English one for `en`; for an error that has none, a
 * plain English sentence chosen by its kind). Anything else is a bug and is rethrown.
 */
function sendLinkErrorPage(
  response: Response,
  lang: 'ja' | 'en',
  title: string,
  error: unknown,
  /** What the reader can do next, when the page knows, and the page to do it on. */
  next?: string,
  nextLink?: { href: string; label: string },
): void {
  if (!(error instanceof AppError)) throw error;
  const body = [
    errorMessageHtml(lang, error),
    next ? `<p>${escapeHtml(next)}</p>` : '',
    nextLink ? `<p><a href="${escapeHtml(nextLink.href)}">${escapeHtml(nextLink.label)}</a></p>` : '',
  ];
  response
    .status(ERROR_STATUS[error.kind] ?? 400)
    .type('html')
    .send(renderPage({ lang, title, body: body.filter(Boolean).join('\n') }));
}

const PAGE_ERROR_TEXT = {
  ja: {
    title: 'ページを表示できませんでした',
    next: 'メールのリンクから開いた場合は、リンクが途中で切れていないか確かめて、メールからもう一度開いてください。',
  },
  en: {
    title: 'We could not show this page',
    next: 'If you came from a link in an email, check that the whole link was opened, and open it again from the email.',
  },
} as const;

/**
 * An error met by a browser outside the pages behind links (an address cut short, a route that is
 * not there): a page in the browser's language instead of JSON.
 */
export function sendErrorPage(request: Request, response: Response, status: number, error: ShownError): void {
  const lang = browserLocale(request);
  const text = PAGE_ERROR_TEXT[lang];
  response
    .status(status)
    .type('html')
    .send(
      renderPage({
        lang,
        title: text.title,
        body: `${errorMessageHtml(lang, error)}\n<p>${escapeHtml(text.next)}</p>`,
      }),
    );
}

/** What a page shows of an error: its messages, and its kind and field for the English fallback. */
type ShownError = Pick<AppError, 'message' | 'english'> & Partial<Pick<AppError, 'kind' | 'field'>>;

/**
 * The error's message in the page's language: its Japanese, or for `en` its English, and where it
 * has none a plain English sentence chosen by its kind (englishMessage) — never Japanese.
 */
function errorMessageHtml(lang: 'ja' | 'en', error: ShownError): string {
  return `<p>${escapeHtml(lang === 'en' ? englishMessage(error) : asSentence(error.message))}</p>`;
}

/**
 * An error's Japanese message as a sentence on a page: the API's messages end without 。, the
 * page's own sentences around it with one.
 */
export function asSentence(message: string): string {
  return /[。！？」）)]$/.test(message) ? message : `${message}。`;
}

/**
 * The error page's title per language and, when the page knows, what the reader can do next
 * (`again`, with a link where there is a page for it).
 */
export type LinkPageTexts = Record<
  'ja' | 'en',
  { error: string; again?: string; againLink?: { href: string; label: string } }
>;

/**
 * Answers a page behind a link in an email, GET or POST. `open` reads whose link it is without
 * acting on it, which gives the page's language; `render` builds the page (acting first, on a
 * POST). An AppError from either — an unknown, expired or used link, an answer no longer possible,
 * a NUL character in the form posted — becomes an error page: in the language of the link's owner
 * once `open` has read it, in the browser's before.
 */
export async function sendLinkPage<T extends { locale: 'ja' | 'en' }>(
  request: Request,
  response: Response,
  texts: LinkPageTexts,
  open: () => Promise<T>,
  render: (opened: T) => Promise<Omit<PageContent, 'lang'>> | Omit<PageContent, 'lang'>,
): Promise<void> {
  let lang = browserLocale(request);
  try {
    const opened = await open();
    lang = opened.locale;
    // The form's text, checked here rather than before the page (InputValidationPipe leaves a
    // page's form to it): a refusal is then this page's, in its reader's language.
    if (request.method === 'POST') checkNoNul(request.body, '');
    const page = await render(opened);
    response.type('html').send(renderPage({ lang, ...page }));
  } catch (error) {
    const reader = (error instanceof AppError && error.readerLocale) || lang;
    const { error: failed, again, againLink } = texts[reader];
    const title = (error instanceof AppError && error.pageTitle?.[reader]) || failed;
    sendLinkErrorPage(response, reader, title, error, again, againLink);
  }
}
