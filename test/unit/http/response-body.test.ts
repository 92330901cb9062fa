import { describe, expect, it } from '@jest/globals';
import { parseResponseBody } from '../../../src/infrastructure/connectors/http/response-body.js';

describe('parseResponseBody', () => {
  it('parses JSON when the content type says so', () => {
    expect(parseResponseBody('{"a":1}', 'application/json; charset=utf-8')).toEqual({ a: 1 });
  });

  it('parses a body that looks like JSON whatever the content type', () => {
    expect(parseResponseBody('[1,2]', 'text/plain')).toEqual([1, 2]);
    expect(parseResponseBody('  {"error":"x"}', null)).toEqual({ error: 'x' });
  });

  it('returns null for an empty body, as in a bare Spotify 429', () => {
    expect(parseResponseBody('', 'application/json')).toBeNull();
    expect(parseResponseBody('  \n', null)).toBeNull();
  });

  it('returns text for non-JSON and for broken JSON', () => {
    expect(parseResponseBody('<lfm status="ok"/>', 'text/xml')).toBe('<lfm status="ok"/>');
    expect(parseResponseBody('{not json', 'application/json')).toBe('{not json');
  });
});
