import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '../../../src/domain/shared/errors.js';
import { Track, type TrackProps } from '../../../src/domain/track/track.js';
import { aTrack, BUILT_AT } from '../../builders/index.js';

const LATER = BUILT_AT + 60_000;

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.code;
    throw error;
  }
  throw new Error('expected the action to be refused, but it was accepted');
}

function propsOf(track: Track, changes: Partial<TrackProps> = {}): TrackProps {
  return { ...track, ...changes };
}

describe('new Track', () => {
  it.each(['', '   '])('refuses the empty title %j', (title) => {
    expect(codeOf(() => new Track(propsOf(aTrack(), { title })))).toBe('TRACK.NO_TITLE');
  });

  it.each([-1, 100.5, 101, Number.NaN])('refuses confidence %p outside 0–100', (confidence) => {
    expect(codeOf(() => new Track(propsOf(aTrack(), { confidence })))).toBe('TRACK.BAD_CONFIDENCE');
  });

  it.each([0, 100])('accepts confidence %p at the edge of the range', (confidence) => {
    expect(new Track(propsOf(aTrack(), { confidence })).confidence).toBe(confidence);
  });

  it('refuses a merged track that points nowhere', () => {
    expect(codeOf(() => new Track(propsOf(aTrack(), { status: 'merged', mergedInto: null })))).toBe(
      'TRACK.BAD_MERGE_STATE',
    );
  });

  it('refuses a track that points at another but is not marked merged', () => {
    expect(codeOf(() => new Track(propsOf(aTrack(), { status: 'resolved', mergedInto: 99 })))).toBe(
      'TRACK.BAD_MERGE_STATE',
    );
  });

  it('refuses a track merged into itself', () => {
    expect(codeOf(() => new Track(propsOf(aTrack({ id: 7 }), { status: 'merged', mergedInto: 7 })))).toBe(
      'TRACK.BAD_MERGE_STATE',
    );
  });

  it('is frozen, and keeps its own copy of the artists', () => {
    const artists = ['Nina Simone'];
    const track = new Track(propsOf(aTrack(), { artists }));
    artists.push('Someone Else');
    expect(track.artists).toEqual(['Nina Simone']);
    expect(Object.isFrozen(track)).toBe(true);
    expect(Object.isFrozen(track.artists)).toBe(true);
  });

  it('names the first credited artist as the primary, or none when uncredited', () => {
    expect(aTrack({ artists: ['Daft Punk', 'Pharrell Williams'] }).primaryArtist).toBe('Daft Punk');
    expect(aTrack({ artists: [] }).primaryArtist).toBe('');
  });
});

describe('Track.with', () => {
  it('returns a changed copy stamped with the time, keeping id and creation time', () => {
    const track = aTrack({ title: 'Old' });
    const renamed = track.with({ title: 'New' }, LATER);
    expect([renamed.id, renamed.title, renamed.createdAt, renamed.updatedAt]).toEqual([
      track.id,
      'New',
      BUILT_AT,
      LATER,
    ]);
    expect(track.title).toBe('Old');
  });
});

describe('Track.mergeInto', () => {
  it('marks the track merged and points it at the survivor', () => {
    const [duplicate, survivor] = [aTrack({ status: 'resolved' }), aTrack({ status: 'canonical' })];
    const merged = duplicate.mergeInto(survivor, LATER);
    expect([merged.status, merged.mergedInto, merged.isMerged, merged.updatedAt]).toEqual([
      'merged',
      survivor.id,
      true,
      LATER,
    ]);
    expect(duplicate.isMerged).toBe(false);
  });

  it('refuses to merge a track into itself', () => {
    const track = aTrack();
    expect(codeOf(() => track.mergeInto(track, LATER))).toBe('TRACK.SELF_MERGE');
  });

  it('refuses a survivor that is itself merged, naming where to merge instead', () => {
    const final = aTrack({ id: 30 });
    const survivor = aTrack({ id: 20 }).mergeInto(final, LATER);
    let message = '';
    try {
      aTrack({ id: 10 }).mergeInto(survivor, LATER);
    } catch (error) {
      message = error instanceof InvalidInputError ? `${error.code} ${error.message}` : String(error);
    }
    expect(message).toBe('TRACK.MERGE_INTO_MERGED Track 20 is itself merged; merge into 30 instead');
  });

  it('may re-point an already merged track at another survivor', () => {
    const moved = aTrack({ status: 'merged', mergedInto: 5 }).mergeInto(aTrack({ id: 6 }), LATER);
    expect(moved.mergedInto).toBe(6);
  });
});

describe('Track.unmerge', () => {
  it('restores the status the track had and clears the pointer', () => {
    const merged = aTrack({ status: 'canonical', confidence: 100 }).mergeInto(aTrack(), LATER);
    const restored = merged.unmerge('canonical', LATER + 1);
    expect([restored.status, restored.mergedInto, restored.confidence, restored.updatedAt]).toEqual([
      'canonical',
      null,
      100,
      LATER + 1,
    ]);
  });

  it('refuses a track that is not merged, instead of rewriting its status', () => {
    expect(codeOf(() => aTrack({ status: 'canonical' }).unmerge('provisional', LATER))).toBe(
      'TRACK.NOT_MERGED',
    );
  });
});

describe('Track.promote', () => {
  it('raises provisional to resolved with the new confidence', () => {
    const promoted = aTrack({ status: 'provisional', confidence: 40 }).promote('resolved', 85, LATER);
    expect([promoted.status, promoted.confidence, promoted.updatedAt]).toEqual(['resolved', 85, LATER]);
  });

  it('raises resolved to canonical', () => {
    expect(aTrack({ status: 'resolved' }).promote('canonical', 100, LATER).status).toBe('canonical');
  });

  it.each([
    ['canonical', 'resolved'],
    ['canonical', 'canonical'],
    ['resolved', 'resolved'],
  ] as const)('leaves a %s track untouched when asked for %s', (status, target) => {
    const track = aTrack({ status, confidence: 70 });
    expect(track.promote(target, 99, LATER)).toBe(track);
  });

  it('leaves a merged track merged', () => {
    const merged = aTrack({ status: 'merged' });
    expect(merged.promote('canonical', 100, LATER)).toBe(merged);
  });

  it('still checks the confidence it is given', () => {
    expect(codeOf(() => aTrack().promote('resolved', 140, LATER))).toBe('TRACK.BAD_CONFIDENCE');
  });
});
