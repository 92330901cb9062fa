import { describe, expect, it } from '@jest/globals';
import { Isrc } from '../../src/domain/values/isrc.js';

describe('toolchain', () => {
  it('parses an ISRC through the ESM + swc pipeline', () => {
    expect(Isrc.parse('us-rc1-76-07839').value).toBe('USRC17607839');
  });
});
