// A playlist as XSPF (https://xspf.org/spec), the XML form of the JSPF document: the same fields,
// in the element order the spec gives, every text escaped and characters XML cannot hold dropped.
import type { PlaylistBackup } from '../../../domain/backup/playlist-backup.js';
import { jspfDocument, type JspfTrack } from './jspf.js';

export function xspf(backup: PlaylistBackup): string {
  const { playlist } = jspfDocument(backup);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
    element('  ', 'title', playlist.title),
    element('  ', 'creator', playlist.creator),
    ...(playlist.annotation === undefined ? [] : [element('  ', 'annotation', playlist.annotation)]),
    element('  ', 'identifier', playlist.identifier),
    element('  ', 'date', playlist.date),
    '  <trackList>',
    ...playlist.track.flatMap(trackLines),
    '  </trackList>',
    '</playlist>',
  ];
  return `${lines.join('\n')}\n`;
}

function trackLines(track: JspfTrack): string[] {
  const pad = '      ';
  return [
    '    <track>',
    ...(track.location ?? []).map((location) => element(pad, 'location', location)),
    ...track.identifier.map((identifier) => element(pad, 'identifier', identifier)),
    ...(track.title === undefined ? [] : [element(pad, 'title', track.title)]),
    ...(track.creator === undefined ? [] : [element(pad, 'creator', track.creator)]),
    ...(track.album === undefined ? [] : [element(pad, 'album', track.album)]),
    ...(track.duration === undefined ? [] : [element(pad, 'duration', String(track.duration))]),
    '    </track>',
  ];
}

function element(indent: string, name: string, text: string): string {
  return `${indent}<${name}>${escapeXml(text)}</${name}>`;
}

export function escapeXml(text: string): string {
  return (
    text
      // Control characters other than tab and line breaks, and lone surrogates, are not XML 1.0.
      .replace(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '',
      )
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
