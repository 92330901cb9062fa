// What makes two captured listens comparable: the capture they came from, and an identity of
// artist and title in comparison form (case, diacritics and punctuation folded).
import { nameForm } from '../matching/normalize.js';
import type { ListeningSource } from './listening-event.js';

/**
 * The form a listen was captured in: a source and how it names the track (a URI, or artist and
 * title). Two events of one capture are never the same listen: the ledger's natural key already
 * refused exact repeats, so what remains are genuine repeats.
 */
export type ListenCapture = `${ListeningSource}:${'uri' | 'name'}`;

export function captureOf(source: ListeningSource, trackKey: string): ListenCapture {
  return `${source}:${trackKey.startsWith('spotify:') ? 'uri' : 'name'}`;
}

/** `Beyoncé – Halo` and `beyonce - HALO` meet; different songs by one artist do not. */
export function listenIdentity(artist: string, title: string): string {
  return `${nameForm(artist).compact}\u001f${nameForm(title).compact}`;
}
