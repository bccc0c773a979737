import { corporateNumberCheckDigit, isValidCorporateNumber } from './corporate-number';

describe('法人番号', () => {
  it('accepts the number of 青梅商工会議所 from the seeds', () => {
    expect(isValidCorporateNumber('3013105001132')).toBe(true);
    expect(corporateNumberCheckDigit('013105001132')).toBe(3);
  });

  it('rejects a wrong check digit', () => {
    for (const digit of '0124567 89'.replace(/\s/g, '')) {
      expect(isValidCorporateNumber(`${digit}013105001132`)).toBe(false);
    }
  });

  it('rejects anything but 13 ASCII digits', () => {
    expect(isValidCorporateNumber('301310500113')).toBe(false);
    expect(isValidCorporateNumber('30131050011320')).toBe(false);
    expect(isValidCorporateNumber('３０１３１０５００１１３２')).toBe(false);
    expect(isValidCorporateNumber('3013-105-001132')).toBe(false);
  });

  it('weights even positions from the right by 2', () => {
    // Only the rightmost digit set: weight 1 → 9 - 1 = 8; only the second from the right: weight 2 → 9 - 2 = 7.
    expect(corporateNumberCheckDigit('000000000001')).toBe(8);
    expect(corporateNumberCheckDigit('000000000010')).toBe(7);
    // A sum that is a multiple of 9 gives check digit 9.
    expect(corporateNumberCheckDigit('000000000000')).toBe(9);
  });
});
