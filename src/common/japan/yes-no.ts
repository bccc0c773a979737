/**
 * How a yes/no shows in a CSV column staff read: はい / いいえ, in every export. The participant
 * import reads these words back (as it does 1/0), so importable files stay importable.
 */
export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value ? 'はい' : 'いいえ';
}
