/** A page as a browser holds it: the address it was answered from, and what came back. */
export interface BrowsedPage {
  url: string;
  status: number;
  html: string;
  /** Sent again with each form and link followed from the page (Accept-Language). */
  headers: Record<string, string>;
}

/** Opens a page as a browser does (GET), with `headers` such as Accept-Language. */
export async function browse(url: string, headers: Record<string, string> = {}): Promise<BrowsedPage> {
  const response = await fetch(url, { headers });
  return { url: response.url, status: response.status, html: await response.text(), headers };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);

/** The forms of a page: where each posts (as written, and resolved against the page), its hidden fields, its button. */
export function formsOn(page: BrowsedPage) {
  return [...page.html.matchAll(/<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/g)].map(
    ([, action, inner]) => ({
      action: unescapeHtml(action),
      target: new URL(unescapeHtml(action), page.url).href,
      hidden: Object.fromEntries(
        [...inner.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
          ([, name, value]) => [unescapeHtml(name), unescapeHtml(value)],
        ),
      ),
      button: /<button type="submit"[^>]*>([^<]*)<\/button>/.exec(inner)?.[1],
    }),
  );
}

/**
 * Sends a form of the page as a browser does: to its action resolved against the page's own
 * address, with its hidden fields and `fields` filled in. The page's form with the button
 * labelled `button`, or its only form.
 */
export async function submitForm(
  page: BrowsedPage,
  fields: Record<string, string> = {},
  button?: string,
): Promise<BrowsedPage> {
  const forms = formsOn(page).filter((form) => button === undefined || form.button === button);
  if (forms.length !== 1)
    throw new Error(
      `expected one form${button ? ` with ${button}` : ''} on ${page.url}, found ${forms.length}:\n${page.html}`,
    );
  const [form] = forms;
  const response = await fetch(form.target, {
    method: 'POST',
    headers: { ...page.headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.hidden, ...fields }).toString(),
  });
  return { url: response.url, status: response.status, html: await response.text(), headers: page.headers };
}

/** Follows the page's link whose text is `label`, resolved against the page's address. */
export async function followLink(page: BrowsedPage, label: string): Promise<BrowsedPage> {
  const link = [...page.html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].find(
    ([, , text]) => unescapeHtml(text) === label,
  );
  if (!link) throw new Error(`no link "${label}" on ${page.url}:\n${page.html}`);
  return browse(new URL(unescapeHtml(link[1]), page.url).href, page.headers);
}

/** The path a page was answered from, or a form posts to, without the service's address. */
export const pathOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};
