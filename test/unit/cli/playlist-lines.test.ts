// What `narada playlist restore` prints: the items it left in the playlist are named, so the person
// knows why the playlist holds more than the backup.
import { describe, expect, it } from '@jest/globals';
import type { RestoreReport } from '../../../src/application/use-cases/playlist/restore-playlist.js';
import { renderRestore } from '../../../src/infrastructure/cli/views/playlist-lines.js';

function aRestoreReport(overrides: Partial<RestoreReport> = {}): RestoreReport {
  return {
    source: { file: 'mine.json', name: 'Mine', items: 3 },
    playlistId: 'pl1',
    action: 'updated',
    dryRun: false,
    restored: 3,
    unrestored: [],
    leftInPlace: [],
    counts: {
      kept: 2,
      added: 1,
      removed: 0,
      moved: 0,
      reAdded: 0,
      removeCalls: 0,
      addCalls: 1,
      moveCalls: 0,
      writeCalls: 1,
    },
    writeCalls: 1,
    attempts: 1,
    ...overrides,
  };
}

describe('renderRestore', () => {
  it('names each item left in place, with its position and kind', () => {
    const lines = renderRestore(
      aRestoreReport({
        leftInPlace: [
          { position: 0, kind: 'episode', label: 'The Daily – Monday' },
          { position: 4, kind: 'local', label: 'Demo – Take 2' },
        ],
      }),
    );
    expect(lines.slice(1)).toEqual([
      'Left in place, not in the backup (2; remove them in Spotify if unwanted):',
      '  #1 The Daily – Monday (episode)',
      '  #5 Demo – Take 2 (local)',
    ]);
  });

  it('says nothing of items left in place when there are none', () => {
    expect(renderRestore(aRestoreReport())).toHaveLength(1);
  });
});
