// Plain-text view of `narada stats top`: a year's most played tracks and artists.
import type { TopListensReport } from '../../../application/use-cases/stats/show-top-listens.js';

export function renderTop(r: TopListensReport): string[] {
  if (r.totalListens === 0) return [`No listens in ${r.year}.`];
  const hours = (ms: number) => `${Math.round(ms / 360_000) / 10} h`;
  return [
    `${r.year}: ${r.totalListens.toLocaleString('en-US')} listens, ${hours(r.totalMsPlayed)} of known played time`,
    '',
    'Top tracks:',
    ...r.tracks.map((t, i) => `  ${String(i + 1).padStart(2)}. ${t.artist} – ${t.title}  (${t.listens})`),
    '',
    'Top artists:',
    ...r.artists.map(
      (a, i) => `  ${String(i + 1).padStart(2)}. ${a.artist}  (${a.listens} listens, ${a.tracks} tracks)`,
    ),
  ];
}
