// M4A and Ogg (Opus, Vorbis) files written here byte by byte: music-metadata reads their tags back, and
// their audio hash leaves the tags out — re-tagging with a longer comment (which moves the audio in the
// file and, in Ogg, renumbers and re-checksums the pages) keeps it, one changed audio byte changes it.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MusicMetadataReader } from '../../../src/infrastructure/media/music-metadata-reader.js';
import { m4aBytes, opusBytes, vorbisBytes, type TestTags } from '../../support/audio-files.js';

const folder = mkdtempSync(join(tmpdir(), 'narada-containers-'));
const reader = new MusicMetadataReader();
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TAGS: TestTags = {
  title: 'Song',
  artist: 'Band',
  album: 'Record',
  isrc: 'USRC17607839',
  recordingMbid: '8f3471b5-7e6a-48da-86a9-c1c07a0f47ae',
};
const RETAGGED: TestTags = { title: 'Another title entirely', artist: 'Someone', album: 'z'.repeat(700) };

type Writer = (tags: TestTags, options?: { fill?: number; padding?: number }) => Buffer;

const FORMATS: readonly { name: string; ext: string; bytes: Writer; format: string }[] = [
  { name: 'M4A', ext: 'm4a', bytes: m4aBytes, format: 'M4A/mp42/isom / MPEG-4/AAC' },
  { name: 'Ogg Opus', ext: 'opus', bytes: opusBytes, format: 'Ogg / Opus' },
  { name: 'Ogg Vorbis', ext: 'ogg', bytes: vorbisBytes, format: 'Ogg / Vorbis I' },
];

async function read(name: string, bytes: Buffer) {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return reader.read(path);
}

describe.each(FORMATS)('the audio hash of $name', ({ ext, bytes, format }) => {
  it('reads the tags back', async () => {
    const { tags } = await read(`tags.${ext}`, bytes(TAGS));
    expect(tags).toMatchObject({
      title: 'Song',
      artists: ['Band'],
      album: 'Record',
      isrc: 'USRC17607839',
      recordingMbid: TAGS.recordingMbid,
    });
    expect(tags.format).toBe(format);
    expect(tags.durationMs).toBeGreaterThan(900);
  });

  it('keeps the hash when the file is re-tagged with longer tags', async () => {
    const tagged = bytes(TAGS);
    // In Ogg the comment packet then spans one more page: every audio page is renumbered and re-checksummed.
    const retagged = bytes(RETAGGED, { padding: 70_000 });
    expect(retagged.length).toBeGreaterThan(tagged.length + 500);
    const a = await read(`a.${ext}`, tagged);
    const b = await read(`b.${ext}`, retagged);
    expect(b.tags.title).toBe('Another title entirely');
    expect(b.audioHash).toBe(a.audioHash);
  });

  it('changes the hash when one audio byte changes', async () => {
    const original = bytes(TAGS);
    const changed = Buffer.from(original);
    // A byte near the end: inside the last audio packet or the media data, never a tag.
    changed[changed.length - 3] = changed[changed.length - 3]! ^ 0x01;
    const a = await read(`same.${ext}`, original);
    const b = await read(`changed.${ext}`, changed);
    expect(b.audioHash).not.toBe(a.audioHash);
    const other = await read(`other.${ext}`, bytes(TAGS, { fill: 0x5a }));
    expect(other.audioHash).not.toBe(a.audioHash);
  });

  it('refuses the file cut short in its audio', async () => {
    const path = join(folder, `cut.${ext}`);
    const whole = bytes(TAGS);
    writeFileSync(path, whole.subarray(0, whole.length - 20));
    await expect(reader.read(path)).rejects.toThrow(/past the end|cut short|exceeds/);
    expect(readFileSync(path).length).toBe(whole.length - 20);
  });
});
