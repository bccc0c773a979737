/**
 * 法人番号: 13 digits, the first being a check digit over the other 12.
 * Number the 12 digits n = 1…12 from the right; weight 1 for odd n, 2 for even n;
 * check = 9 − (Σ digit × weight mod 9).
 */
export function corporateNumberCheckDigit(base12: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  return Number(value[0]) === corporateNumberCheckDigit(value.slice(1));
}
