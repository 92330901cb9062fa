import { describe, expect, it } from '@jest/globals';
import { currentActivity } from '../../../src/infrastructure/persistence/database-activity.js';

describe('currentActivity', () => {
  it('names the command by its words up to the first option, so no option value is written down', () => {
    expect(
      currentActivity(['workflow', 'run', 'sort.json', '--param', 'playlist_id=secret-ish', '--json']),
    ).toBe('narada workflow run sort.json');
  });

  it('keeps at most four words', () => {
    expect(currentActivity(['a', 'b', 'c', 'd', 'e'])).toBe('narada a b c d');
  });
});
