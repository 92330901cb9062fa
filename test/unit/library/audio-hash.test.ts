// The audio hash of real files written here: the same audio under other tags hashes the same, other
// audio does not, and music-metadata reads the hand-built tags back.
import { afterAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MusicMetadataReader } from '../../../src/infrastructure/media/music-metadata-reader.js';
import {
  flacBytes,
  id3v24,
  mp3Bytes,
  silentMpegFrames,
  writeMp3,
  writeWav,
} from '../../support/audio-files.js';

const folder = mkdtempSync(join(tmpdir(), 'narada-audio-'));
const reader = new MusicMetadataReader();
const TAGS = {
  title: 'Song',
  artist: 'Band',
  album: 'Record',
  track: '3/10',
  disc: '1/2',
  genre: 'Jazz',
  isrc: 'USRC17607839',
  recordingMbid: '8f3471b5-7e6a-48da-86a9-c1c07a0f47ae',
  releaseMbid: '1c205925-2cfe-35c0-81de-d7ef17df9658',
  artistMbid: '5b11f4ce-a62d-471e-81fc-a69a8278c7da',
};

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('reading a music file', () => {
  it('reads the tags of an MP3 with an ID3v2.4 tag', async () => {
    const path = join(folder, 'tagged.mp3');
    writeMp3(path, TAGS);
    const { tags } = await reader.read(path);
    expect(tags).toEqual({
      title: 'Song',
      artists: ['Band'],
      album: 'Record',
      trackNumber: 3,
      discNumber: 1,
      durationMs: expect.any(Number),
      isrc: 'USRC17607839',
      genre: 'Jazz',
      recordingMbid: TAGS.recordingMbid,
      releaseMbid: TAGS.releaseMbid,
      artistMbids: [TAGS.artistMbid],
      format: 'MPEG / MPEG 1 Layer 3',
    });
    expect(tags.durationMs).toBeGreaterThan(900);
  });

  it('reads a WAVE file with its tags in an id3 chunk', async () => {
    const path = join(folder, 'tagged.wav');
    writeWav(path, TAGS, { samples: 8000 });
    const { tags } = await reader.read(path);
    expect(tags).toMatchObject({
      title: 'Song',
      isrc: 'USRC17607839',
      durationMs: 1000,
      format: 'WAVE / PCM',
    });
  });

  it('hashes an MP3 the same under other tags, an ID3v1 tag added, and differently with other audio', async () => {
    const first = join(folder, 'a.mp3');
    const retagged = join(folder, 'b.mp3');
    const other = join(folder, 'c.mp3');
    writeMp3(first, TAGS);
    writeMp3(retagged, { title: 'Another title entirely', artist: 'Someone else' });
    appendFileSync(retagged, Buffer.concat([Buffer.from('TAG', 'latin1'), Buffer.alloc(125, 0x20)]));
    writeMp3(other, TAGS, { fill: 0x55 });
    const [a, b, c] = await Promise.all([first, retagged, other].map((path) => reader.read(path)));
    expect(b!.audioHash).toBe(a!.audioHash);
    expect(c!.audioHash).not.toBe(a!.audioHash);
    expect(a!.audioHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes only the data chunk of a WAVE file', async () => {
    const first = join(folder, 'a.wav');
    const retagged = join(folder, 'b.wav');
    const louder = join(folder, 'c.wav');
    writeWav(first, TAGS, { level: 100 });
    writeWav(retagged, { title: 'Renamed' }, { level: 100 });
    writeWav(louder, TAGS, { level: 200 });
    const [a, b, c] = await Promise.all([first, retagged, louder].map((path) => reader.read(path)));
    expect(b!.audioHash).toBe(a!.audioHash);
    expect(c!.audioHash).not.toBe(a!.audioHash);
  });

  it("reads a FLAC file's Vorbis comment and hashes only its frames", async () => {
    const first = join(folder, 'a.flac');
    const retagged = join(folder, 'b.flac');
    const other = join(folder, 'c.flac');
    writeFileSync(first, flacBytes(TAGS));
    writeFileSync(retagged, flacBytes({ title: 'Renamed', artist: 'Someone', album: 'z'.repeat(300) }));
    writeFileSync(other, flacBytes(TAGS, { fill: 0x33 }));
    const [a, b, c] = await Promise.all([first, retagged, other].map((path) => reader.read(path)));
    expect(a!.tags).toMatchObject({
      title: 'Song',
      artists: ['Band'],
      isrc: 'USRC17607839',
      recordingMbid: TAGS.recordingMbid,
      durationMs: 1000,
      format: 'FLAC / FLAC',
    });
    expect(b!.audioHash).toBe(a!.audioHash);
    expect(c!.audioHash).not.toBe(a!.audioHash);
  });

  it('refuses a file whose tag runs past its end, and a file that is no audio', async () => {
    const cut = join(folder, 'cut.mp3');
    writeFileSync(cut, mp3Bytes(TAGS).subarray(0, 40));
    await expect(reader.read(cut)).rejects.toThrow();
    const noise = join(folder, 'noise.mp3');
    writeFileSync(noise, Buffer.from('this is a text file, not music\n'.repeat(20)));
    await expect(reader.read(noise)).rejects.toThrow();
  });

  it('keeps the tags out of the hash whatever the tag size', async () => {
    const small = join(folder, 'small.mp3');
    const big = join(folder, 'big.mp3');
    writeFileSync(small, Buffer.concat([id3v24({ title: 'x' }), silentMpegFrames(30)]));
    writeFileSync(big, Buffer.concat([id3v24({ ...TAGS, album: 'y'.repeat(5000) }), silentMpegFrames(30)]));
    const [a, b] = await Promise.all([small, big].map((path) => reader.read(path)));
    expect(b!.audioHash).toBe(a!.audioHash);
  });
});
