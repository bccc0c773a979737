import { TestApp } from './test-app';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A CSV export as Excel gets it: the status and headers, whether it starts with the UTF-8 BOM
 * (without it Excel reads the Japanese as mojibake), and the text after the BOM with its CRLF
 * lines. An error answer (JSON) comes back the same way, in `text`.
 */
export async function fetchCsv(testApp: TestApp, path: string, token?: string) {
  const response = await fetch(`${testApp.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const bom = bytes.subarray(0, 3).equals(BOM);
  const text = (bom ? bytes.subarray(3) : bytes).toString('utf8');
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    bom,
    text,
    lines: text.trim().split('\r\n'),
  };
}
