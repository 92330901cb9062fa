// Writes exported listens as JSON lines, CSV or ListenBrainz JSON lines, to standard output or to a
// file. A file is written under a temporary name in its folder, owner-only from the start, flushed,
// then renamed: readers see the old file or the whole new one, never half of it.
import { once } from 'node:events';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { HistoryExportTarget, ListenSink } from '../../application/ports/history-export.port.js';
import type { ExportFormat } from '../../domain/history/export-format.js';
import type { ExportedListen } from '../../application/ports/listen-export-store.port.js';
import { toIso } from '../../domain/values/time.js';
import { toListenBrainzListen } from '../connectors/listenbrainz/listenbrainz-wire.js';
import { fileWriteError } from '../files/file-write-error.js';
import { PRIVATE_FILE } from '../files/private-files.js';

/** Narada's own fields of a listen, in column order. */
export const LISTEN_COLUMNS = [
  'played_at',
  'user',
  'artist',
  'title',
  'album',
  'duration_ms',
  'ms_played',
  'source',
  'isrc',
  'recording_mbid',
  'spotify_id',
  'track_id',
] as const;

function naradaRecord(l: ExportedListen): Record<(typeof LISTEN_COLUMNS)[number], string | number | null> {
  return {
    played_at: toIso(l.playedAt),
    user: l.user,
    artist: l.artist,
    title: l.title,
    album: l.album,
    duration_ms: l.durationMs,
    ms_played: l.msPlayed,
    source: l.source,
    isrc: l.isrc,
    recording_mbid: l.recordingMbid,
    spotify_id: l.spotifyId,
    track_id: l.trackId,
  };
}

/** The text of a page of listens; CSV's header row comes with the first (`header`). */
export function serialise(format: ExportFormat, listens: readonly ExportedListen[], header: boolean): string {
  switch (format) {
    case 'jsonl':
      return listens.map((l) => `${JSON.stringify(naradaRecord(l))}\n`).join('');
    case 'listenbrainz':
      return listens.map((l) => `${JSON.stringify(toListenBrainzListen(l))}\n`).join('');
    case 'csv':
      return stringify(listens.map(naradaRecord), { header, columns: [...LISTEN_COLUMNS] });
  }
}

interface TextOut {
  write(text: string): Promise<void>;
}

class FormatSink implements ListenSink {
  private first = true;
  constructor(
    private readonly format: ExportFormat,
    private readonly out: TextOut,
    private readonly finish: () => Promise<void>,
    private readonly discard: () => Promise<void>,
  ) {}

  async write(listens: readonly ExportedListen[]): Promise<void> {
    if (listens.length === 0) return;
    await this.out.write(serialise(this.format, listens, this.first));
    this.first = false;
  }

  async commit(): Promise<void> {
    // An empty CSV export still says what its columns are.
    if (this.first && this.format === 'csv') await this.out.write(serialise('csv', [], true));
    await this.finish();
  }

  abort(): Promise<void> {
    return this.discard();
  }
}

export class HistoryExportFiles implements HistoryExportTarget {
  constructor(private readonly stdout: NodeJS.WritableStream) {}

  async open(format: ExportFormat, out: string | null): Promise<ListenSink> {
    if (out === null) {
      const stream = this.stdout;
      const write = async (text: string) => {
        if (!stream.write(text)) await once(stream, 'drain');
      };
      return new FormatSink(
        format,
        { write },
        async () => {},
        async () => {},
      );
    }
    const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
    let handle: FileHandle;
    try {
      handle = await open(temporary, 'w', PRIVATE_FILE);
    } catch (error) {
      throw fileWriteError(out, error);
    }
    const write = async (text: string) => {
      try {
        await handle.write(text);
      } catch (error) {
        throw fileWriteError(out, error);
      }
    };
    const finish = async () => {
      try {
        await handle.sync();
        await handle.close();
        await rename(temporary, out);
      } catch (error) {
        await rm(temporary, { force: true });
        throw fileWriteError(out, error);
      }
    };
    const discard = async () => {
      await handle.close().catch(() => undefined);
      await rm(temporary, { force: true });
    };
    return new FormatSink(format, { write }, finish, discard);
  }
}
