import { describe, expect, it } from '@jest/globals';
import { findJsonSyntaxError } from '../../../src/domain/workflow/json-syntax-error.js';
import { seededRandom } from '../../../src/domain/shared/seeded-random.js';
import { ORIGINAL_WORKFLOW } from './workflow-samples.js';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonSyntaxError(ORIGINAL_WORKFLOW)).toBeNull();
    expect(findJsonSyntaxError(' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {}] ')).toBeNull();
  });

  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}" after the property value'],
    ['a trailing comma in an object', '{"a": 1,\n}', 1, 8, 'trailing comma before "}"'],
    ['a trailing comma in a list', '[1, 2, ]', 1, 6, 'trailing comma before "]"'],
    ['a comment', '{\n  // note\n  "a": 1 }', 2, 3, 'JSON does not allow comments'],
    ['single quotes', "{'a': 1}", 1, 2, 'property names must be in double quotes'],
    ['an unquoted word', '{"a": yes}', 1, 7, 'unexpected word "yes"'],
    [
      'a line break inside a string',
      '{"a": "x\ny"}',
      1,
      9,
      'line break or control character inside a string',
    ],
    ['an unterminated string', '{"a": "xyz', 1, 7, 'unterminated string'],
    ['a file that ends early', '{"a": [1, 2', 1, 12, 'the file ends early; expected "]"'],
    ['text after the document', '{} {}', 1, 4, 'unexpected text after the end of the JSON document'],
    ['a bad escape', '"a\\qb"', 1, 3, 'unknown escape "\\q" in a string'],
    ['an empty file', '  ', 1, 3, 'the file ends where a value was expected'],
  ])('locates %s', (_name, text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });

  it('refuses nesting deep enough to exhaust the stack instead of crashing', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))?.message).toContain('nesting deeper');
  });

  it('agrees with JSON.parse on 2,000 seeded random corruptions of a workflow file', () => {
    const random = seededRandom(11);
    const pieces = [',', '}', ']', '{', '[', '"', ':', ' ', '\n', '1', '-', 'e', '.', '\\', 'x', '/'];
    for (let round = 0; round < 2000; round++) {
      let text = ORIGINAL_WORKFLOW;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * text.length);
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        text =
          random() < 0.5
            ? text.slice(0, at) + piece + text.slice(at)
            : text.slice(0, at) + text.slice(at + 1);
      }
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect({ text, valid: findJsonSyntaxError(text) === null }).toEqual({ text, valid });
    }
  });
});
