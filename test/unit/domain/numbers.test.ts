import { describe, expect, it } from 'vitest';
import { formatCompact, formatNumber, parseNumber, readNumber, separatorsOf } from '../../../src-renderer/domain/numbers';
import { parseSegmentNumber, formatValue as formatSegmentValue } from '../../../src-renderer/domain/segment';
import { parseMetricNumber } from '../../../src-renderer/domain/metric';

describe('separators', () => {
  it('come from the locale', () => {
    expect(separatorsOf('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(separatorsOf('en-GB')).toEqual({ decimal: '.', group: ',' });
    expect(separatorsOf('fr-FR').decimal).toBe(',');
  });
});

describe('parseNumber', () => {
  it.each([
    // German: dots group, comma is the decimal mark; German suffixes.
    ['de-DE', '2.400.000', 2_400_000],
    ['de-DE', '1,5 Mio', 1_500_000],
    ['de-DE', '1,5 Mio.', 1_500_000],
    ['de-DE', '3 Mrd', 3e9],
    ['de-DE', '12,5', 12.5],
    ['de-DE', '1.200', 1200],
    ['de-DE', '1,200', 1.2],
    ['de-DE', '1.234.567,89', 1_234_567.89],
    ['de-DE', '14 Tsd', 14_000],
    // English: commas group, dot is the decimal mark.
    ['en-US', '14,500,000', 14_500_000],
    ['en-US', '1,200', 1200],
    ['en-US', '1.200', 1.2],
    ['en-US', '12,5', 12.5],
    ['en-US', '1,234,567.89', 1_234_567.89],
    ['en-US', '3.4bn', 3.4e9],
    ['en-US', '850k', 850_000],
    ['en-US', '1.2 M', 1_200_000],
    ['en-US', '2.400.000', 2_400_000],
    ['en-US', '1,5 Mio', 1_500_000],
    // French: (narrow) no-break spaces group, comma is the decimal mark.
    ['fr-FR', '14\u202f500\u202f000', 14_500_000],
    ['fr-FR', '2 400 000,5', 2_400_000.5],
    ['fr-FR', '1,5 Md', 1.5e9],
    ['fr-FR', '12,5 %', 12.5],
    // Everywhere: signs, currency, percent, Swiss apostrophes.
    ['en-US', '−3', -3],
    ['de-DE', '€80', 80],
    ['de-CH', '1’250’000', 1_250_000],
    ['en-US', '.5', 0.5],
  ])('%s reads %s', (locale, text, n) => expect(parseNumber(text, locale)).toBeCloseTo(n, 6));

  it.each(['', 'n/a', 'about 5', '12..5', '=1+1', '1,2,3', '1.23.4', '1.234,5.6'])('refuses %s', (text) => {
    expect(parseNumber(text, 'de-DE')).toBeNull();
    expect(parseNumber(text, 'en-US')).toBeNull();
  });

  it('tells an unknown suffix from a non-number', () => {
    expect(readNumber('12 apples', 'en-US')).toEqual({ ok: false, reason: 'unknown-suffix', suffix: 'apples' });
    expect(readNumber('lots', 'en-US')).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

describe('formatNumber and formatCompact', () => {
  it('shows the full number in the locale', () => {
    expect(formatNumber(14_500_000, 'en-US')).toBe('14,500,000');
    expect(formatNumber(14_500_000, 'de-DE')).toBe('14.500.000');
    expect(formatNumber(12.5, 'de-DE')).toBe('12,5');
    expect(formatNumber(-3, 'en-US')).toBe('−3');
    expect(formatNumber(14_500_000, 'fr-FR').replace(/\s/g, ' ')).toBe('14 500 000');
  });

  it('keeps three significant digits: 14,500,000 is 14.5 M, not 15 M', () => {
    expect(formatCompact(14_500_000, 'en-US')).toBe('14.5 M');
    expect(formatCompact(14_500_000, 'de-DE')).toBe('14,5 M');
    expect(formatCompact(14_500_000, 'fr-FR')).toBe('14,5 M');
    expect(formatCompact(999_950, 'en-US')).toBe('1 M');
    expect(formatCompact(850, 'en-US')).toBe('850');
    expect(formatCompact(-1_500, 'en-US')).toBe('−1.5 k');
  });

  it('reads back what it shows, in each locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR']) {
      for (const n of [14_500_000, 2_400_000, 1_500_000, 12.5, 850_000, 3_400_000_000]) {
        expect(parseNumber(formatNumber(n, locale), locale)).toBe(n);
        expect(parseNumber(formatCompact(n, locale), locale)).toBeCloseTo(n, 6);
      }
    }
  });
});

describe('segments and metrics read numbers the same way', () => {
  it.each([
    ['de-DE', '2.400.000', 2_400_000],
    ['de-DE', '1,5 Mio', 1_500_000],
    ['en-US', '14,500,000', 14_500_000],
    ['en-US', '12,5', 12.5],
  ])('%s: %s', (locale, text, n) => {
    expect(parseSegmentNumber(text, 'Size', locale)).toEqual({ value: n });
    expect(parseMetricNumber(text, locale)).toBe(n);
  });

  it('shows a segment value of 14,500,000 as 14.5 M', () => {
    expect(formatSegmentValue(14_500_000, 'en-US')).toBe('14.5 M');
  });
});
