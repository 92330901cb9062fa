import { describe, expect, it } from '@jest/globals';
import { locateJsonPath, parseFieldPath } from '../../../src/domain/workflow/json-positions.js';
import { formatFieldPath } from '../../../src/domain/workflow/workflow-definition.js';

const text = `{
  "tasks": [
    { "id": "a", "config": { "x": [1, {"y": "z"}], "odd key": true } },
    {
      "id": "b",
      "config": {}
    }
  ]
}`;

describe('locateJsonPath', () => {
  it('finds the key of an object member and the start of an array element', () => {
    expect(locateJsonPath(text, ['tasks', 0, 'config', 'x', 1, 'y'])).toEqual({ line: 3, column: 40 });
    expect(locateJsonPath(text, ['tasks', 1])).toEqual({ line: 4, column: 5 });
    expect(locateJsonPath(text, ['tasks', 0, 'config', 'odd key'])).toEqual({ line: 3, column: 52 });
  });

  it('falls back to the deepest part of the path the text has', () => {
    expect(locateJsonPath(text, ['tasks', 1, 'config', 'missing'])).toEqual({ line: 6, column: 7 });
    expect(locateJsonPath(text, ['nothing'])).toBeNull();
  });
});

describe('parseFieldPath', () => {
  it.each([['config.filters[0].name'], ['tasks[2].id'], ['config["odd key"].x'], ['upstream']])(
    'reads %s back into the segments formatFieldPath wrote',
    (field) => {
      expect(formatFieldPath(parseFieldPath(field))).toBe(field);
    },
  );
});
