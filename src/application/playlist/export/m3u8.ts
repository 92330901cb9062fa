// A playlist as an extended M3U in UTF-8: `#EXTINF:<seconds>,<artist> - <title>` then the entry's
// location, its Spotify URI (Narada knows no file paths). Entries without a URI have no line to play.
import type { PlaylistBackup } from '../../../domain/backup/playlist-backup.js';

export function m3u8(backup: PlaylistBackup): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${oneLine(backup.playlist.name)}`];
  for (const item of backup.items) {
    if (item.uri === null) continue;
    const seconds = item.durationMs === null ? -1 : Math.round(item.durationMs / 1000);
    const artist = oneLine(item.artists.join(', '));
    const title = oneLine(item.name ?? '');
    lines.push(`#EXTINF:${seconds},${artist === '' ? title : `${artist} - ${title}`}`, item.uri);
  }
  return `${lines.join('\n')}\n`;
}

/** A line break inside a title would start a new entry in the file. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
