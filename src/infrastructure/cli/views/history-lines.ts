// Plain-text views of `narada history …` results: what an import or a backfill did, in numbers.
import type { ExportHistorySummary } from '../../../application/use-cases/history/export-history.js';
import type { BackfillListenBrainzSummary } from '../../../application/use-cases/history/backfill-listenbrainz.js';
import type { BackfillSummary } from '../../../application/use-cases/history/backfill-lastfm.js';
import type { HistoryFileImportSummary } from '../../../application/use-cases/history/import-history-file.js';
import type { LastfmImportSummary } from '../../../application/use-cases/history/import-lastfm-history.js';
import type { SpotifyImportSummary } from '../../../application/use-cases/history/import-spotify-history.js';

export function renderLastfmImport(s: LastfmImportSummary): string[] {
  return [
    `Last.fm history of ${s.user}: ${n(s.pages)} pages, ${n(s.received)} scrobbles received`,
    `  new:              ${n(s.new)}${s.sameAsOtherSource > 0 ? ` (${n(s.sameAsOtherSource)} of them already held from a Spotify export: counted once)` : ''}`,
    `  already present:  ${n(s.alreadyPresent)}`,
    `  skipped:          ${n(s.skipped.unreadable)} unreadable`,
    ...s.interrupted.map(
      (r) => `  run ${r.id} (${r.kind}) marked interrupted: ${r.reason ?? 'its process ended'}`,
    ),
    ...s.runs.map(
      (r) =>
        `  run ${r.id}: ${r.from ?? 'the beginning'} → ${r.to}${r.resumedRun === null ? '' : ` (resumed run ${r.resumedRun})`}`,
    ),
    ...(s.resyncs > 0
      ? [
          `  the history changed during the import; re-read from the last stored scrobble ${s.resyncs} time(s)`,
        ]
      : []),
  ];
}

export function renderSpotifyImport(s: Omit<SpotifyImportSummary, 'corrupt'>): string[] {
  const skips = (k: SpotifyImportSummary['skipped']) =>
    `${n(k.short)} shorter than ${s.minSeconds} s, ${n(k.podcast)} podcast, ${n(k.audiobook)} audiobook, ${n(k.no_track)} without a track`;
  return [
    `Spotify export for ${s.user}: ${n(s.rows)} rows in ${s.files.length} file(s)`,
    ...s.files.map(
      (f) => `  ${f.file}: ${n(f.rows)} rows, ${n(f.new)} new, ${n(f.alreadyPresent)} already present`,
    ),
    `  new listens:      ${n(s.new)}${s.sameAsOtherSource > 0 ? ` (${n(s.sameAsOtherSource)} of them already held from another source: counted once)` : ''}`,
    `  already present:  ${n(s.alreadyPresent)}`,
    `  skipped:          ${skips(s.skipped)}`,
  ];
}

export function renderFileImport(s: Omit<HistoryFileImportSummary, 'corrupt'>): string[] {
  const fileLine = (f: HistoryFileImportSummary['files'][number]) =>
    f.status === 'not_read'
      ? `  ${f.path}: ${f.recognised}, for ${f.user}: not read in a dry run (history import spotify reads it)`
      : `  ${f.path}: ${f.recognised}, for ${f.user}: ${n(f.rows)} rows, ${n(f.new)} new, ${n(f.alreadyPresent)} already present`;
  return [
    `History files${s.dryRun ? ' (dry run: nothing written)' : ''}: ${n(s.rows)} rows in ${s.files.length} file(s)`,
    ...s.files.map(fileLine),
    `  ${s.dryRun ? 'would be new:    ' : 'new listens:     '} ${n(s.new)}${s.sameAsOtherSource > 0 ? ` (${n(s.sameAsOtherSource)} of them already held from another source: counted once)` : ''}`,
    `  already present:  ${n(s.alreadyPresent)}`,
  ];
}

export function renderBackfill(s: BackfillSummary): string[] {
  const verb = s.dryRun ? 'would scrobble' : 'scrobbled';
  const ignored = Object.entries(s.ignored).map(([code, count]) => `${count} (code ${code})`);
  return [
    `Last.fm backfill for ${s.user}${s.dryRun ? ' (dry run: nothing sent)' : ''}:`,
    `  listens Last.fm lacks since ${s.windowStart}: ${n(s.candidates)}, of which ${n(s.alreadyOnLastfm)} turned out to be on Last.fm`,
    `  ${verb}: ${n(s.dryRun ? s.toScrobble : s.accepted)}${ignored.length > 0 ? `; ignored by Last.fm: ${ignored.join(', ')}` : ''}`,
    ...(s.outsideWindow > 0
      ? [
          `  ${n(s.outsideWindow)} older listens stay local: Last.fm accepts scrobbles only from the last 14 days, and Narada never rewrites timestamps.`,
        ]
      : []),
  ];
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}

export function renderExport(s: ExportHistorySummary): string[] {
  const span = s.first === null ? '' : ` (${s.first} → ${s.last})`;
  return [
    `Exported ${n(s.listens)} listens${s.user === null ? '' : ` of ${s.user}`} as ${s.format} to ${s.out ?? 'stdout'}${span}`,
  ];
}

export function renderListenBrainzBackfill(s: BackfillListenBrainzSummary): string[] {
  const who = s.listenbrainzUser === null ? s.server : `${s.listenbrainzUser} on ${s.server}`;
  return [
    s.dryRun
      ? `Dry run: ${n(s.sent)} listens of ${s.user} would be sent to ListenBrainz (${s.server}); nothing sent`
      : `Sent ${n(s.sent)} listens of ${s.user} to ListenBrainz (${who}) in ${n(s.requests)} request(s)`,
    `  already sent by earlier runs: ${n(s.alreadySent)}${s.sentUpTo === null ? '' : ` (up to ${s.sentUpTo})`}`,
  ];
}
