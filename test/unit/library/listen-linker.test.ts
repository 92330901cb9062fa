// The verdict for the plays of one track against the library's tracks, scored by the project's matcher:
// a doubtful best match (an edit of the library's song) is never taken, it waits with its candidates.
import { describe, expect, it } from '@jest/globals';
import { ListenLinker } from '../../../src/application/library/listen-linker.js';
import type { LibraryTrack } from '../../../src/application/ports/listen-link-store.port.js';
import { aTrack } from '../../builders/index.js';

const library: LibraryTrack[] = [
  {
    track: aTrack({ id: 1, title: 'Two', artists: ['Band'], durationMs: 200_000 }),
    confidence: 98,
    method: 'isrc',
    files: 2,
  },
  {
    track: aTrack({ id: 2, title: 'Other', artists: ['Band'], durationMs: 180_000 }),
    confidence: 100,
    method: 'manual',
    files: 1,
  },
];

describe('ListenLinker', () => {
  const linker = new ListenLinker(library);

  it('links the plays of a library track itself, as sure as its file mapping', () => {
    expect(linker.link(library[0]!.track)).toMatchObject({
      status: 'linked',
      chosen: { trackId: 1, confidence: 98, method: 'same_track' },
      reason: 'same track as 2 library file(s), mapped by isrc',
    });
  });

  it('links another track of the same recording only when the matcher is sure', () => {
    const verdict = linker.link(aTrack({ id: 9, title: 'Two', artists: ['Band'], durationMs: 201_000 }));
    expect(verdict.status).toBe('linked');
    expect(verdict.chosen).toMatchObject({ trackId: 1 });
    expect(verdict.chosen!.confidence).toBeGreaterThanOrEqual(85);
    expect(verdict.chosen!.evidence.factors.map((f) => f.name)).toEqual(
      expect.arrayContaining(['artist', 'title']),
    );
  });

  it('keeps a doubtful best match as a candidate and leaves the plays ambiguous', () => {
    const verdict = linker.link(
      aTrack({ id: 9, title: 'Two (Radio Edit)', artists: ['Band'], durationMs: 200_000 }),
    );
    expect(verdict.status).toBe('ambiguous');
    expect(verdict.chosen).toBeNull();
    expect(verdict.candidates[0]).toMatchObject({ trackId: 1 });
    expect(verdict.candidates[0]!.confidence).toBeLessThan(85);
    expect(verdict.reason).toMatch(/^best match \d+ is below 85$/);
  });

  it('leaves the plays of an unknown song unlinked, with no candidate', () => {
    expect(linker.link(aTrack({ id: 9, title: 'Elsewhere', artists: ['Someone'] }))).toMatchObject({
      status: 'unlinked',
      chosen: null,
      candidates: [],
    });
  });
});
