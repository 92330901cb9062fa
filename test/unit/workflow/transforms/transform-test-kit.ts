// Shared by the transform tests: tracks named by title, a list's titles, and a refused parameter.
import { InvalidInputError } from '../../../../src/domain/shared/errors.js';
import type { Track } from '../../../../src/domain/track/track.js';
import type { TrackList } from '../../../../src/domain/workflow/track-list.js';
import { aTrack } from '../../../builders/index.js';

/** One track per title; `const [a, b] = named('A', 'B')` types both as tracks. */
export function named<const T extends readonly string[]>(...titles: T): { -readonly [K in keyof T]: Track } {
  return titles.map((title) => aTrack({ title })) as { -readonly [K in keyof T]: Track };
}

export function titlesOf(list: TrackList): string[] {
  return list.tracks.map((track) => track.title);
}

/** The `WORKFLOW.INVALID_PARAM` message of a refused call. */
export function refusedParam(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidInputError && error.code === 'WORKFLOW.INVALID_PARAM') return error.message;
    throw error;
  }
  throw new Error('expected the parameters to be refused, but they were accepted');
}
