// Spotify spells remasters into titles ("Hey Jude - Remastered 2015") where Last.fm usually knows
// the song by its plain title; this drops only tags that keep the recording, never "Live" or "Remix".
import { foldText } from '../matching/normalize.js';
import { classifyVersionText } from '../matching/version-tags.js';

const BRACKETED_TAIL = /\s*[([]([^()[\]]*)[)\]]\s*$/;
const DASHED_TAIL = /\s+[-–—]\s+([^-–—]+)$/;

/** The title without trailing same-recording tags (remaster, album version, deluxe, mono); as spelled. */
export function plainTitle(title: string): string {
  let current = title.trim();
  for (;;) {
    const match = BRACKETED_TAIL.exec(current) ?? DASHED_TAIL.exec(current);
    if (match === null) return current;
    const tag = classifyVersionText(foldText(match[1] ?? ''));
    const rest = current.slice(0, match.index).trim();
    if (tag === null || tag.kinds.length > 0 || rest === '') return current;
    current = rest;
  }
}
