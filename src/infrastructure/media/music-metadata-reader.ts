// Reads a music file's tags with music-metadata (the only module that imports it) and hashes its audio
// bytes (audio-range.ts) with SHA-256, streaming, so a large file is never held in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { parseFile, type IAudioMetadata } from 'music-metadata';
import type { MediaFileFacts, MediaFileReader, MediaTags } from '../../application/ports/media-files.port.js';
import { audioRange, type ByteRange } from './audio-range.js';

export class MusicMetadataReader implements MediaFileReader {
  async read(path: string): Promise<MediaFileFacts> {
    const metadata = await parseFile(path, { duration: false, skipCovers: true });
    if (metadata.format.container === undefined && metadata.format.codec === undefined) {
      throw new Error('not a known audio format');
    }
    const { size } = await stat(path);
    const file = await open(path, 'r');
    let range: ByteRange;
    try {
      range = await audioRange(file, size);
    } finally {
      await file.close();
    }
    return { tags: tagsOf(metadata), audioHash: await hashRange(path, range) };
  }
}

function hashRange(path: string, range: ByteRange): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { start: range.start, end: range.end - 1 })
      .on('data', (chunk) => hash.update(chunk))
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
