import * as iconv from 'iconv-lite';

export type DetectedEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'Shift_JIS (CP932)';

/**
 * Decodes the bytes of a spreadsheet export. Excel writes UTF-8 with a BOM ("CSV UTF-8") or,
 * still very often in Japanese offices, Shift_JIS. A file that is not valid UTF-8 is read as
 * CP932, Microsoft's Shift_JIS, which also covers ①, ㈱, 髙 and the other vendor characters.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: DetectedEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'Shift_JIS (CP932)' };
  }
}
