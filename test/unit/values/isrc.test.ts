import { describe, expect, it } from '@jest/globals';
import { Isrc } from '../../../src/domain/values/isrc.js';
import { refusalOf } from './refusal.js';

describe('Isrc.parse', () => {
  it('accepts the compact upper-case form', () => {
    expect(Isrc.parse('USRC17607839').value).toBe('USRC17607839');
  });

  it.each(['us-rc1-76-07839', 'US-RC1-76-07839', ' usrc17607839 ', 'US RC1 76 07839', 'GB-a1b-24-00001'])(
    'normalises %j (case, hyphens, spaces) to the compact upper-case form',
    (input) => {
      expect(Isrc.parse(input).value).toMatch(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/);
    },
  );

  it('keeps letters in the registrant code', () => {
    expect(Isrc.parse('gb-a1b-24-00001').value).toBe('GBA1B2400001');
  });

  it.each([
    ['too short', 'USRC1760783'],
    ['too long', 'USRC176078390'],
    ['a digit in the country code', '1SRC17607839'],
    ['a non-letter country code', 'U-1RC17607839'],
    ['a letter in the year', 'USRC1A607839'],
    ['a letter in the designation', 'USRC176078X9'],
    ['a stray character', 'USRC1760783_'],
    ['empty text', ''],
  ])('refuses %s, naming the value in the message', (_case, input) => {
    const refusal = refusalOf(() => Isrc.parse(input));
    expect(refusal.code).toBe('VALUE.INVALID_ISRC');
    expect(refusal.category).toBe('input');
    expect(refusal.message).toContain(`Invalid ISRC "${input}"`);
    expect(refusal.message).toContain('e.g. USRC17607839');
    expect(refusal.details).toEqual({ kind: 'ISRC', value: input });
  });
});

describe('Isrc.tryParse', () => {
  it.each([null, undefined, '', '   ', 'not-an-isrc'])('gives null for %j', (input) => {
    expect(Isrc.tryParse(input)).toBeNull();
  });

  it('parses a valid code', () => {
    expect(Isrc.tryParse('us-rc1-76-07839')?.value).toBe('USRC17607839');
  });
});

describe('Isrc values', () => {
  it('are equal when their normalised codes are equal', () => {
    expect(Isrc.parse('us-rc1-76-07839').equals(Isrc.parse('USRC17607839'))).toBe(true);
    expect(Isrc.parse('USRC17607839').equals(Isrc.parse('USRC17607840'))).toBe(false);
    expect(Isrc.parse('USRC17607839').equals(null)).toBe(false);
  });

  it('print as the compact code and cannot be changed', () => {
    const isrc = Isrc.parse('US-RC1-76-07839');
    expect(String(isrc)).toBe('USRC17607839');
    expect(Object.isFrozen(isrc)).toBe(true);
  });
});
