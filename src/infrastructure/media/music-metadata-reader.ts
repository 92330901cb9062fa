// Reads a music file's tags with music-metadata (the only module that imports it) and hashes its audio
// bytes (audio-range.ts) with SHA-256, streaming, so a large file is never held in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { parseFile, type IAudioMetadata } from 'music-metadata';
import type { MediaFileFacts, MediaFileReader, MediaTags } from '../../application/ports/media-files.port.js';
import { audioRanges } from './audio-range.js';
import type { ByteRange } from './file-bytes.js';

export class MusicMetadataReader implements MediaFileReader {
  async read(path: string): Promise<MediaFileFacts> {
    const metadata = await parseFile(path, { duration: false, skipCovers: true });
    if (metadata.format.container === undefined && metadata.format.codec === undefined) {
      throw new Error('not a known audio format');
    }
    const { size } = await stat(path);
    const file = await open(path, 'r');
    let ranges: ByteRange[];
    try {
      ranges = await audioRanges(file, size);
    } finally {
      await file.close();
    }
    return { tags: tagsOf(metadata), audioHash: await hashRanges(path, ranges) };
  }
}

/** One pass over the file from the first range to the last, hashing only the bytes inside the ranges. */
function hashRanges(path: string, ranges: readonly ByteRange[]): Promise<string> {
  const hash = createHash('sha256');
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (first === undefined || last === undefined) return Promise.resolve(hash.digest('hex'));
  return new Promise((resolve, reject) => {
    let position = first.start;
    let next = 0;
    createReadStream(path, { start: first.start, end: last.end - 1 })
      .on('data', (data) => {
        const chunk = data as Buffer;
        const chunkEnd = position + chunk.length;
        while (next < ranges.length) {
          const range = ranges[next]!;
          const from = Math.max(range.start, position);
          const to = Math.min(range.end, chunkEnd);
          if (from < to) hash.update(chunk.subarray(from - position, to - position));
          if (range.end > chunkEnd) break;
          next += 1;
        }
        position = chunkEnd;
      })
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

function tagsOf(metadata: IAudioMetadata): MediaTags {
  const { common, format } = metadata;
  const artists = common.artists ?? (common.artist !== undefined ? [common.artist] : []);
  return {
    title: present(common.title),
    artists: artists.map((artist) => artist.trim()).filter((artist) => artist !== ''),
    album: present(common.album),
    trackNumber: common.track.no ?? null,
    discNumber: common.disk.no ?? null,
    durationMs: format.duration === undefined ? null : Math.round(format.duration * 1000),
    isrc: present(common.isrc?.[0]),
    genre: present(common.genre?.[0]),
    recordingMbid: present(common.musicbrainz_recordingid),
    releaseMbid: present(common.musicbrainz_albumid),
    artistMbids: common.musicbrainz_artistid ?? [],
    format: [format.container, format.codec].filter((part) => part !== undefined).join(' / ') || null,
  };
}

function present(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}
